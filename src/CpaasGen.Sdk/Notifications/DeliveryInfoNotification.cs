namespace Cpaas;

/// <summary>
/// An outbound delivery receipt (<c>deliveryInfoNotification</c>): the delivery status of a message sent from one of
/// your numbers, for one destination.
/// </summary>
public sealed class DeliveryInfoNotification : CpaasNotification
{
    internal DeliveryInfoNotification(Api.DeliveryInfoNotification apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this notification was read from (the protocol layer's <see cref="Api.DeliveryInfoNotification"/>),
    /// with every field Kandy sent. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.DeliveryInfoNotification ApiModel { get; }

    /// <inheritdoc/>
    public override CpaasNotificationKind Kind => CpaasNotificationKind.DeliveryInfo;

    /// <summary>The destination the status is for (the receipt's <c>address</c>, or <c>destinationAddress</c>).</summary>
    public string? DestinationAddress => ApiModel.DeliveryInfo.Address ?? ApiModel.DeliveryInfo.DestinationAddress;

    /// <summary>The delivery status, for example <see cref="DeliveryStatus.DeliveredToTerminal"/> or <see cref="DeliveryStatus.DeliveryImpossible"/>.</summary>
    public DeliveryStatus DeliveryStatus => new(ApiModel.DeliveryInfo.DeliveryStatus.Value);

    /// <summary>The sent message's id (<see cref="CreateMessageResult.MessageId"/>), when the receipt names it.</summary>
    public string? MessageId => ApiModel.DeliveryInfo.MessageId;

    private protected override string? WireId => ApiModel.Id;

    private protected override long? WireDateTime => ApiModel.DateTime;

    private protected override string Details()
        => ", MessageId = " + MessageId + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress) + ", DeliveryStatus = " + DeliveryStatus;
}
