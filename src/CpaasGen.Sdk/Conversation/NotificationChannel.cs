namespace Cpaas;

/// <summary>The kind of a notification channel, as the vendor documents them.</summary>
public enum NotificationChannelKind
{
    /// <summary>A channel type this SDK does not know; see <see cref="NotificationChannel.ChannelType"/>.</summary>
    Unknown = 0,

    /// <summary>A webhook channel (<c>channelType</c> <c>Webhooks</c>, ids <c>wh-…</c>): Kandy POSTs to its <c>x-webhookURL</c>. <see cref="Conversation.SubscribeAsync"/> creates these.</summary>
    Webhook,

    /// <summary>A websocket channel (<c>Websockets</c>, ids <c>ws-…</c>), as the vendor's browser SDK opens: notifications go over its <c>channelURL</c>.</summary>
    WebSocket,

    /// <summary>A push channel (<c>OMAPush</c>, ids <c>ps-…</c>), as a mobile app registers: notifications go to its <c>channelURL</c>.</summary>
    Push,
}

/// <summary>
/// One of the user's notification channels: a webhook channel (yours, from <see cref="Conversation.SubscribeAsync"/>, or
/// another server's) or a websocket or push channel of another client of the same user.
/// </summary>
public sealed class NotificationChannel
{
    /// <summary>Creates the item.</summary>
    /// <param name="channelId">The channel id (<c>callbackURL</c>).</param>
    /// <param name="kind">The kind.</param>
    /// <param name="channelType">The <c>channelType</c> as the API sent it.</param>
    /// <param name="webhookUrl">A webhook channel's <c>x-webhookURL</c>.</param>
    /// <param name="channelUrl">A websocket or push channel's <c>channelURL</c>.</param>
    /// <param name="clientCorrelator">The correlator it was created with.</param>
    /// <param name="resourceUrl">Its resource URL.</param>
    /// <param name="channelLifetime">Its lifetime in seconds, when one is set.</param>
    /// <param name="connectionCheckRole">A websocket channel's <c>x-connCheckRole</c> (<c>client</c> or <c>server</c>).</param>
    public NotificationChannel(string channelId, NotificationChannelKind kind, string? channelType, string? webhookUrl, string? channelUrl, string? clientCorrelator, string? resourceUrl, int? channelLifetime, string? connectionCheckRole)
    {
        ChannelId = channelId;
        Kind = kind;
        ChannelType = channelType;
        WebhookUrl = webhookUrl;
        ChannelUrl = channelUrl;
        ClientCorrelator = clientCorrelator;
        ResourceUrl = resourceUrl;
        ChannelLifetime = channelLifetime;
        ConnectionCheckRole = connectionCheckRole;
    }

    /// <summary>The channel id (the API's <c>callbackURL</c>): what a subscription's <see cref="Subscription.NotifyUrl"/> names.</summary>
    public string ChannelId { get; }

    /// <summary>The kind, from <see cref="ChannelType"/> (or, when the API sent none, from the id's <c>wh-</c>/<c>ws-</c>/<c>ps-</c> prefix).</summary>
    public NotificationChannelKind Kind { get; }

    /// <summary>The <c>channelType</c> as the API sent it (<c>Webhooks</c>, <c>Websockets</c>, <c>OMAPush</c>, …).</summary>
    public string? ChannelType { get; }

    /// <summary>A webhook channel's URL (<c>channelData.x-webhookURL</c>), secrets included: <see cref="ToString"/> masks it.</summary>
    public string? WebhookUrl { get; }

    /// <summary>A websocket or push channel's URL (<c>channelData.channelURL</c>).</summary>
    public string? ChannelUrl { get; }

    /// <summary>The <c>clientCorrelator</c> it was created with (numbers kept as their JSON text).</summary>
    public string? ClientCorrelator { get; }

    /// <summary>Its resource URL.</summary>
    public string? ResourceUrl { get; }

    /// <summary>Its lifetime in seconds, when one is set.</summary>
    public int? ChannelLifetime { get; }

    /// <summary>A websocket channel's <c>x-connCheckRole</c>: which side sends the application-level pings (<c>client</c> or <c>server</c>).</summary>
    public string? ConnectionCheckRole { get; }

    /// <summary>Masks the webhook URL's secrets (query values, user info).</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "NotificationChannel { ChannelId = " + ChannelId + ", Kind = " + Kind + (WebhookUrl is null ? string.Empty : ", WebhookUrl = " + UrlMasking.Mask(WebhookUrl)) + " }";
}

/// <summary>The filters of <see cref="Conversation.GetChannelsAsync"/> (the API's <c>clientCorrelator</c> and <c>channelType</c>).</summary>
public sealed class NotificationChannelQuery
{
    /// <summary>Only channels created with this <c>clientCorrelator</c> (for example your <see cref="CpaasClientOptions.ClientCorrelator"/>).</summary>
    public string? ClientCorrelator { get; init; }

    /// <summary>Only channels of this kind; not <see cref="NotificationChannelKind.Unknown"/>.</summary>
    public NotificationChannelKind? Kind { get; init; }
}
