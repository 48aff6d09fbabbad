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
