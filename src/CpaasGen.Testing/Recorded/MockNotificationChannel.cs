
namespace Cpaas.Testing;

/// <summary>A webhook notification channel the server created, read back from the recorded request and answer.</summary>
public sealed class MockNotificationChannel
{
    internal MockNotificationChannel(string channelId, string webhookUrl, string? authorization, string? clientCorrelator, string resourceUrl)
    {
        ChannelId = channelId;
        WebhookUrl = webhookUrl;
        Authorization = authorization;
        ClientCorrelator = clientCorrelator;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The channel id (<c>callbackURL</c>, <c>wh-…</c>).</summary>
    public string ChannelId { get; }

    /// <summary>The webhook URL (<c>channelData.x-webhookURL</c>).</summary>
    public string WebhookUrl { get; }

    /// <summary>The <c>channelData.x-authorization</c> value it was created with, if any.</summary>
    public string? Authorization { get; }

    /// <summary>The <c>clientCorrelator</c> it was created with.</summary>
    public string? ClientCorrelator { get; }

    /// <summary>Its resource URL.</summary>
    public string ResourceUrl { get; }

    /// <summary>A short description.</summary>
    /// <returns>Id and webhook.</returns>
    public override string ToString() => "MockNotificationChannel { ChannelId = " + ChannelId + ", WebhookUrl = " + WebhookUrl + " }";
}
