using System;

namespace Cpaas;

/// <summary>
/// A created subscription. <see cref="ApiModel"/> is the subscription as Kandy answered it. Build one for tests with
/// <see cref="CpaasModelFactory.SubscribeResult"/>.
/// </summary>
public sealed class SubscribeResult
{
    internal SubscribeResult(Api.InboundSubscription apiModel, Uri webhookUrl, string? destinationAddress, string subscriptionId, string channelId)
    {
        ApiModel = apiModel;
        WebhookUrl = webhookUrl;
        DestinationAddress = destinationAddress;
        SubscriptionId = subscriptionId;
        ChannelId = channelId;
    }

    /// <summary>
    /// The wire model of the created subscription (the protocol layer's <see cref="Api.InboundSubscription"/>), with
    /// every field Kandy sent, including ones this type does not surface (<c>AdditionalData</c>).
    /// </summary>
    public Api.InboundSubscription ApiModel { get; }

    /// <summary>The webhook notifications go to.</summary>
    public Uri WebhookUrl { get; }

    /// <summary>The number the subscription is for (Kandy's default number when the request named none).</summary>
    public string? DestinationAddress { get; }

    /// <summary>The subscription id, for <see cref="Conversation.UnsubscribeAsync"/>.</summary>
    public string SubscriptionId { get; }

    /// <summary>The webhook notification channel created for it (deleted by <see cref="Conversation.UnsubscribeAsync"/>).</summary>
    public string ChannelId { get; }

    /// <summary>Masks the number.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "SubscribeResult { SubscriptionId = " + SubscriptionId + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress) + " }";
}
