using System;

namespace Cpaas;

/// <summary>
/// An existing inbound-SMS subscription. Reads through <see cref="ApiModel"/>, the wire model it came from. Build one
/// for tests with <see cref="CpaasModelFactory.Subscription"/>.
/// </summary>
public sealed class Subscription
{
    internal Subscription(Api.InboundSubscription apiModel, string subscriptionId)
    {
        ApiModel = apiModel;
        SubscriptionId = subscriptionId;
    }

    /// <summary>
    /// The wire model this subscription was read from (the protocol layer's <see cref="Api.InboundSubscription"/>), with
    /// every field Kandy sent. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.InboundSubscription ApiModel { get; }

    /// <summary>The subscription id (the last segment of its resource URL).</summary>
    public string SubscriptionId { get; }

    /// <summary>The number it receives SMS for; null when the API lists it without one (for example another client's subscription).</summary>
    public string? DestinationAddress => ApiModel.DestinationAddress;

    /// <summary>The notification channel it notifies (the API's <c>callbackReference.notifyURL</c>): <c>wh-…</c> for a webhook; pass it to <see cref="Conversation.GetChannelAsync"/>.</summary>
    public string ChannelId => ApiModel.CallbackReference.NotifyUrl;

    /// <summary>The correlator it was created with.</summary>
    public string? ClientCorrelator => ApiModel.ClientCorrelator;

    /// <summary>Its resource URL (relative to the base URL).</summary>
    public Uri? ResourceUrl => WireUri.From(ApiModel.ResourceUrl);

    /// <summary>Masks the number.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "Subscription { SubscriptionId = " + SubscriptionId + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress) + " }";
}
