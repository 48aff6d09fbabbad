
namespace Cpaas.Testing;

/// <summary>An inbound-SMS subscription the server created, read back from the recorded request and answer.</summary>
public sealed class MockSubscription
{
    internal MockSubscription(string subscriptionId, string destinationAddress, string channelId, string? webhookUrl, string? clientCorrelator, string resourceUrl)
    {
        SubscriptionId = subscriptionId;
        DestinationAddress = destinationAddress;
        ChannelId = channelId;
        WebhookUrl = webhookUrl;
        ClientCorrelator = clientCorrelator;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The subscription id (last segment of <see cref="ResourceUrl"/>).</summary>
    public string SubscriptionId { get; }

    /// <summary>The subscribed number (the server's default number when the request named none).</summary>
    public string DestinationAddress { get; }

    /// <summary>The id of the notification channel the subscription delivers to (the wire's <c>callbackReference.notifyURL</c>, which holds a channel id).</summary>
    public string ChannelId { get; }

    /// <summary>The webhook URL (<c>x-webhookURL</c>, as sent) of the channel created with that id, or null when none was created through the server.</summary>
    public string? WebhookUrl { get; }

    /// <summary>The <c>clientCorrelator</c> it was created with.</summary>
    public string? ClientCorrelator { get; }

    /// <summary>Its resource URL.</summary>
    public string ResourceUrl { get; }

    /// <summary>A short description.</summary>
    /// <returns>Id, number and channel.</returns>
    public override string ToString() => "MockSubscription { SubscriptionId = " + SubscriptionId + ", DestinationAddress = " + DestinationAddress + ", ChannelId = " + ChannelId + " }";
}
