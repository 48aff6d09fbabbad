using System;

namespace Cpaas;

/// <summary>An inbound-SMS subscription to create, as in the seed's <c>Cpaas::Conversation.subscribe</c>.</summary>
public sealed class SubscribeRequest
{
    /// <summary>The conversation type; <see cref="ConversationType.Sms"/>.</summary>
    public ConversationType Type { get; init; } = ConversationType.Sms;

    /// <summary>Your public webhook (http or https) that Kandy POSTs notifications to.</summary>
    public required Uri WebhookUrl { get; init; }

    /// <summary>The number to receive SMS for. Optional: without it Kandy uses the user's default number and reports it in the result. Recommended.</summary>
    public string? DestinationAddress { get; init; }

    /// <summary>The <c>clientCorrelator</c>; default <see cref="CpaasClientOptions.ClientCorrelator"/>.</summary>
    public string? ClientCorrelator { get; init; }

    /// <summary>Masks the number and the webhook URL's secrets (query values, user info: <c>?token=***</c>).</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "SubscribeRequest { WebhookUrl = " + UrlMasking.Mask(WebhookUrl) + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress) + " }";
}

/// <summary>A created subscription.</summary>
public sealed class SubscribeResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="webhookUrl">The webhook.</param>
    /// <param name="destinationAddress">The subscribed number.</param>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="channelId">The notification channel id.</param>
    public SubscribeResult(Uri webhookUrl, string? destinationAddress, string subscriptionId, string channelId)
    {
        WebhookUrl = webhookUrl;
        DestinationAddress = destinationAddress;
        SubscriptionId = subscriptionId;
        ChannelId = channelId;
    }

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

/// <summary>An existing inbound-SMS subscription.</summary>
public sealed class Subscription
{
    private string? _subscriptionId;

    /// <summary>Creates the item.</summary>
    /// <param name="subscriptionId">The id.</param>
    /// <param name="destinationAddress">The number.</param>
    /// <param name="notifyUrl">The notification channel id (the <c>notifyURL</c>).</param>
    /// <param name="clientCorrelator">The correlator.</param>
    /// <param name="resourceUrl">The resource URL.</param>
    public Subscription(string subscriptionId, string? destinationAddress, string? notifyUrl, string? clientCorrelator, string? resourceUrl)
        : this(destinationAddress, notifyUrl, clientCorrelator, resourceUrl)
        => _subscriptionId = subscriptionId;

    /// <summary>An item whose id is read from <paramref name="resourceUrl"/> when first asked for.</summary>
    internal Subscription(string? destinationAddress, string? notifyUrl, string? clientCorrelator, string? resourceUrl)
    {
        DestinationAddress = destinationAddress;
        NotifyUrl = notifyUrl;
        ClientCorrelator = clientCorrelator;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The subscription id (last segment of its resource URL).</summary>
    public string SubscriptionId => _subscriptionId ??= ResourceUrls.LastSegment(ResourceUrl) ?? string.Empty;

    /// <summary>The number it receives SMS for; null when the API lists it without one (for example another client's subscription).</summary>
    public string? DestinationAddress { get; }

    /// <summary>Where notifications go: the notification channel id (<c>wh-…</c> for webhooks).</summary>
    public string? NotifyUrl { get; }

    /// <summary>The correlator it was created with.</summary>
    public string? ClientCorrelator { get; }

    /// <summary>Its resource URL.</summary>
    public string? ResourceUrl { get; }

    /// <summary>Masks the number.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "Subscription { SubscriptionId = " + SubscriptionId + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress) + " }";
}

/// <summary>The outcome of <see cref="Conversation.UnsubscribeAsync"/>.</summary>
public sealed class UnsubscribeResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="subscriptionId">The removed subscription.</param>
    /// <param name="channelId">Its notification channel, when known.</param>
    /// <param name="channelDeleted">Whether the channel was deleted too.</param>
    public UnsubscribeResult(string subscriptionId, string? channelId, bool channelDeleted)
    {
        SubscriptionId = subscriptionId;
        ChannelId = channelId;
        ChannelDeleted = channelDeleted;
    }

    /// <summary>The subscription that was removed.</summary>
    public string SubscriptionId { get; }

    /// <summary>Its notification channel id (<c>wh-…</c>, or the <c>ws-…</c>/<c>ps-…</c> channel of another client, which is left alone).</summary>
    public string? ChannelId { get; }

    /// <summary>True when the channel was deleted too (or was already gone); false for a websocket or push channel, which is not this SDK's to delete.</summary>
    public bool ChannelDeleted { get; }
}
