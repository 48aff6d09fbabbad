namespace Cpaas;

/// <summary>
/// The delivery status for one destination of a send. Reads through <see cref="ApiModel"/>, the wire model it came
/// from. Build one for tests with <see cref="CpaasModelFactory.DeliveryInfo"/>.
/// </summary>
public sealed class DeliveryInfo
{
    internal DeliveryInfo(Api.DeliveryInfo apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this item was read from (the protocol layer's <see cref="Api.DeliveryInfo"/>), with every field
    /// Kandy sent. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.DeliveryInfo ApiModel { get; }

    /// <summary>The destination: the API's <c>address</c> or <c>destinationAddress</c>, whichever it sent.</summary>
    public string? DestinationAddress => ApiModel.Address ?? ApiModel.DestinationAddress;

    /// <summary>The status, for example <see cref="DeliveryStatus.DeliveredToNetwork"/>.</summary>
    public DeliveryStatus DeliveryStatus => new(ApiModel.DeliveryStatus.Value);

    /// <summary>Masks the number.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => PhoneMasking.MaskAddress(DestinationAddress) + ": " + DeliveryStatus;
}
