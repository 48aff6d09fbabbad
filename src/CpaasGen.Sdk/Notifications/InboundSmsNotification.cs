namespace Cpaas;

/// <summary>An SMS was received by one of your subscribed numbers (<c>inboundSMSMessageNotification</c>).</summary>
public sealed class InboundSmsNotification : SmsMessageNotification
{
    internal InboundSmsNotification(Api.InboundSmsMessageNotification apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this notification was read from (the protocol layer's <see cref="Api.InboundSmsMessageNotification"/>,
    /// the value of the body's <c>inboundSMSMessageNotification</c>): every field Kandy sent, including ones this type does
    /// not surface (<c>AdditionalData</c>) and the raw epoch times. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.InboundSmsMessageNotification ApiModel { get; }

    /// <inheritdoc/>
    public override CpaasNotificationKind Kind => CpaasNotificationKind.Inbound;

    private protected override string? WireId => ApiModel.Id;

    private protected override long? WireDateTime => ApiModel.DateTime;

    private protected override Api.SmsNotificationMessage WireMessage => ApiModel.InboundSmsMessage;
}
