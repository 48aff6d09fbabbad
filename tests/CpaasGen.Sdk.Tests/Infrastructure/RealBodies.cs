namespace Cpaas.Tests;

/// <summary>
/// Bodies in the shapes the real server sends beyond the wire reference's fixtures (issue 11's audit of the vendor's
/// SDKs, its browser SDK and its published notification-channel model): websocket and push channels, a subscription
/// without <c>destinationAddress</c>, SMS without text or id, the other error shapes, the delivery receipt.
/// </summary>
internal static class RealBodies
{
    public const string UserId = "e33c51d7-6585-4aee-88ae-005dfae1fd3b";
    public const string WebhookChannelId = "wh-72b43d88-4cc1-466e-a453-ecbea3733a2e";
    public const string WebSocketChannelId = "ws-72b43d88-4cc1-466e-a453-ecbea3733a2e";
    public const string PushChannelId = "ps-32c43d88-4cc1-466e-a453-ecbea3733f2a";

    /// <summary>A websocket channel as the vendor's browser SDK creates it and GET …/channels/{id} answers it.</summary>
    public static string WebSocketChannel(string id = WebSocketChannelId) => $$"""
        {"callbackURL":"{{id}}",
         "channelData":{"channelURL":"wss://oauth-cpaas.att.com/cpaas/notificationchannel/v1/{{UserId}}/channels/{{id}}/websocket"},
         "channelLifetime":3600,"channelType":"Websockets","clientCorrelator":"sampleCorrelator","x-connCheckRole":"client",
         "resourceURL":"/cpaas/notificationchannel/v1/{{UserId}}/channels/{{id}}"}
        """;

    /// <summary>A push channel: channelData carries a channelURL, no x-webhookURL.</summary>
    public static string PushChannel(string id = PushChannelId) => $$"""
        {"callbackURL":"{{id}}",
         "channelData":{"channelURL":"https://push.example.com/oma/{{id}}"},
         "channelLifetime":7200,"channelType":"OMAPush","clientCorrelator":"mobile-app",
         "resourceURL":"/cpaas/notificationchannel/v1/{{UserId}}/channels/{{id}}"}
        """;

    /// <summary>The webhook channel of the creation fixture (wire reference 3.1).</summary>
    public static string WebhookChannel(string id = WebhookChannelId) => $$"""
        {"callbackURL":"{{id}}",
         "channelData":{"x-webhookURL":"https://myapp.com/abc123?token=hook-secret","x-authorization":"Bearer someAccessToken"},
         "channelType":"Webhooks","clientCorrelator":"someClientCorrelator",
         "resourceURL":"/cpaas/notificationchannel/v1/{{UserId}}/channels/{{id}}"}
        """;

    public static string ChannelBody(string channel) => """{"notificationChannel":""" + channel + "}";

    /// <summary>The same user's channels: its webhook, the browser SDK's websocket and a mobile app's push channel.</summary>
    public static string ChannelList()
        => "{\"notificationChannelList\":{\"notificationChannel\":[" + WebhookChannel() + "," + WebSocketChannel() + "," + PushChannel() + "],"
           + "\"resourceURL\":\"/cpaas/notificationchannel/v1/" + UserId + "/channels\"}}";

    /// <summary>A subscription notifying <paramref name="notifyUrl"/>; without destinationAddress when <paramref name="destination"/> is null.</summary>
    public static string Subscription(string notifyUrl, string? destination, string id = "f179f10b-e846-4370-af20-db5f7dc0f985")
        => "{\"callbackReference\":{\"notifyURL\":\"" + notifyUrl + "\"},\"clientCorrelator\":\"987\","
           + (destination is null ? string.Empty : "\"destinationAddress\":\"" + destination + "\",")
           + "\"resourceURL\":\"/cpaas/smsmessaging/v1/" + UserId + "/inbound/subscriptions/" + id + "\"}";

    public static string SubscriptionBody(string subscription) => """{"subscription":""" + subscription + "}";
}
