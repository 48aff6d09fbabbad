using System;
using System.Collections.Generic;

namespace Cpaas.Testing;

/// <summary>An SMS the server accepted, read back from the request WireMock recorded (and the answer it got).</summary>
public sealed class SentSms
{
    internal SentSms(string senderPathSegment, string sender, IReadOnlyList<string> destinations, string text, string? clientCorrelator, DateTimeOffset time, string? messageId, string requestJson)
    {
        SenderPathSegment = senderPathSegment;
        Sender = sender;
        Destinations = destinations;
        Text = text;
        ClientCorrelator = clientCorrelator;
        Time = time;
        MessageId = messageId;
        RequestJson = requestJson;
    }

    /// <summary>The <c>{senderAddress}</c> path segment as sent: <c>default</c> or a number such as <c>+16137001234</c>.</summary>
    public string SenderPathSegment { get; }

    /// <summary>The number the SMS was sent from: the path segment, or the server's default number for <c>default</c>.</summary>
    public string Sender { get; }

    /// <summary>The destinations (<c>address</c>), in request order.</summary>
    public IReadOnlyList<string> Destinations { get; }

    /// <summary>The message text (<c>outboundSMSTextMessage.message</c>).</summary>
    public string Text { get; }

    /// <summary>The request's <c>clientCorrelator</c> (a number's JSON text when it was sent as a number), or null.</summary>
    public string? ClientCorrelator { get; }

    /// <summary>When the server received the request.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The id the server gave the message (the last segment of the answer's <c>resourceURL</c>).</summary>
    public string? MessageId { get; }

    /// <summary>The request body exactly as received.</summary>
    public string RequestJson { get; }

    /// <summary>A short description.</summary>
    /// <returns>Sender, destinations and id.</returns>
    public override string ToString() => "SentSms { Sender = " + Sender + ", Destinations = [" + string.Join(", ", Destinations) + "], MessageId = " + MessageId + " }";
}

/// <summary>An inbound-SMS subscription the server created, read back from the recorded request and answer.</summary>
public sealed class MockSubscription
{
    internal MockSubscription(string subscriptionId, string destinationAddress, string notifyUrl, string? webhookUrl, string? clientCorrelator, string resourceUrl)
    {
        SubscriptionId = subscriptionId;
        DestinationAddress = destinationAddress;
        NotifyUrl = notifyUrl;
        WebhookUrl = webhookUrl;
        ClientCorrelator = clientCorrelator;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The subscription id (last segment of <see cref="ResourceUrl"/>).</summary>
    public string SubscriptionId { get; }

    /// <summary>The subscribed number (the server's default number when the request named none).</summary>
    public string DestinationAddress { get; }

    /// <summary>The notification channel id the subscription delivers to (<c>callbackReference.notifyURL</c>).</summary>
    public string NotifyUrl { get; }

    /// <summary>The webhook URL (<c>x-webhookURL</c>) of the channel created with that id, or null when none was created through the server.</summary>
    public string? WebhookUrl { get; }

    /// <summary>The <c>clientCorrelator</c> it was created with.</summary>
    public string? ClientCorrelator { get; }

    /// <summary>Its resource URL.</summary>
    public string ResourceUrl { get; }

    /// <summary>A short description.</summary>
    /// <returns>Id, number and channel.</returns>
    public override string ToString() => "MockSubscription { SubscriptionId = " + SubscriptionId + ", DestinationAddress = " + DestinationAddress + ", NotifyUrl = " + NotifyUrl + " }";
}

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
