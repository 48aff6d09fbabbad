namespace Cpaas;

/// <summary>An SMS was sent from one of your numbers by any client (<c>outboundSMSMessageNotification</c>, "real-time outbound SMS sync").</summary>
public sealed class OutboundSmsNotification : SmsMessageNotification
{
    internal OutboundSmsNotification(Api.OutboundSmsMessageNotification apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this notification was read from (the protocol layer's <see cref="Api.OutboundSmsMessageNotification"/>,
    /// the value of the body's <c>outboundSMSMessageNotification</c>): every field Kandy sent, including ones this type does
    /// not surface (<c>AdditionalData</c>) and the raw epoch times. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.OutboundSmsMessageNotification ApiModel { get; }

    /// <inheritdoc/>
    public override CpaasNotificationKind Kind => CpaasNotificationKind.Outbound;

    private protected override string? WireId => ApiModel.Id;

    private protected override long? WireDateTime => ApiModel.DateTime;

    private protected override Api.SmsNotificationMessage WireMessage => ApiModel.OutboundSmsMessage;
}
