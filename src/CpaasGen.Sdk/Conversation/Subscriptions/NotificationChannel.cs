using System;

namespace Cpaas;

/// <summary>
/// One of the user's notification channels: a webhook channel (yours, from <see cref="Conversation.SubscribeAsync"/>, or
/// another server's) or a websocket or push channel of another client of the same user. Reads through
/// <see cref="ApiModel"/>, the wire model it came from. Build one for tests with <see cref="CpaasModelFactory.NotificationChannel"/>.
/// </summary>
public sealed class NotificationChannel
{
    internal NotificationChannel(Api.NotificationChannel apiModel, string channelId)
    {
        ApiModel = apiModel;
        ChannelId = channelId;
    }

    /// <summary>
    /// The wire model this channel was read from (the protocol layer's <see cref="Api.NotificationChannel"/>), with every
    /// field Kandy sent. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.NotificationChannel ApiModel { get; }

    /// <summary>The channel id (the API's <c>callbackURL</c>, else the last segment of its resource URL): what <see cref="Subscription.ChannelId"/> names.</summary>
    public string ChannelId { get; }

    /// <summary>The kind, from <see cref="ChannelType"/> (or, when the API sent none, from the id's <c>wh-</c>/<c>ws-</c>/<c>ps-</c> prefix).</summary>
    public NotificationChannelKind Kind => ChannelKinds.Of(ChannelType, ChannelId);

    /// <summary>The <c>channelType</c> as the API sent it (<c>Webhooks</c>, <c>Websockets</c>, <c>OMAPush</c>, …); null when it sent none.</summary>
    public string? ChannelType => string.IsNullOrEmpty(ApiModel.ChannelType?.Value) ? null : ApiModel.ChannelType.Value.Value;

    /// <summary>A webhook channel's URL (<c>channelData.x-webhookURL</c>), secrets included: <see cref="ToString"/> masks it.</summary>
    public Uri? WebhookUrl => WireUri.From(ApiModel.ChannelData?.WebhookUrl);

    /// <summary>A websocket or push channel's URL (<c>channelData.channelURL</c>).</summary>
    public Uri? ChannelUrl => WireUri.From(ApiModel.ChannelData?.ChannelUrl);

    /// <summary>The <c>clientCorrelator</c> it was created with (numbers kept as their JSON text).</summary>
    public string? ClientCorrelator => ApiModel.ClientCorrelator;

    /// <summary>Its resource URL (relative to the base URL).</summary>
    public Uri? ResourceUrl => WireUri.From(ApiModel.ResourceUrl);

    /// <summary>How long the channel lives, when a lifetime is set (the API's <c>channelLifetime</c>, in seconds).</summary>
    public TimeSpan? ChannelLifetime => ApiModel.ChannelLifetime is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>A websocket channel's <c>x-connCheckRole</c>: which side sends the application-level pings (<c>client</c> or <c>server</c>).</summary>
    public string? ConnectionCheckRole => ApiModel.ConnectionCheckRole;

    /// <summary>Masks the webhook URL's secrets (query values, user info).</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "NotificationChannel { ChannelId = " + ChannelId + ", Kind = " + Kind + (ApiModel.ChannelData?.WebhookUrl is { } webhook ? ", WebhookUrl = " + UrlMasking.Mask(webhook) : string.Empty) + " }";
}
