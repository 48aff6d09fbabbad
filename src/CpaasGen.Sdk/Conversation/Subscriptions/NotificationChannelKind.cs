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
