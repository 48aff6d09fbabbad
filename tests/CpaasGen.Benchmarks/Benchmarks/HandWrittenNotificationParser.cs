using System;
using System.Text;
using System.Text.Json;
using Cpaas;

namespace CpaasGen.Benchmarks.Benchmarks;

/// <summary>
/// The reference for <see cref="Notification.Parse(ReadOnlySpan{byte})"/>: one hand-written pass of
/// <see cref="Utf8JsonReader"/> straight into the SDK's own flat result types (their internal constructors; the
/// benchmark assembly sees the SDK's internals), so both produce exactly the same objects. Minimal on purpose:
/// unknown members are skipped, required members are not checked, errors are the reader's own.
/// </summary>
internal static class HandWrittenNotificationParser
{
    public static CpaasNotification Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        reader.Read(); // {
        reader.Read(); // the key naming the kind
        CpaasNotification result;
        if (reader.ValueTextEquals("inboundSMSMessageNotification"u8))
        {
            reader.Read();
            var n = ReadMessageNotification(ref reader, "inboundSMSMessage"u8);
            result = new InboundSmsNotification(n.Id, n.DateTime, n.MessageDateTime, n.DestinationAddress, n.Message, n.MessageId, n.SenderAddress);
        }
        else if (reader.ValueTextEquals("outboundSMSMessageNotification"u8))
        {
            reader.Read();
            var n = ReadMessageNotification(ref reader, "outboundSMSMessage"u8);
            result = new OutboundSmsNotification(n.Id, n.DateTime, n.MessageDateTime, n.DestinationAddress, n.Message, n.MessageId, n.SenderAddress);
        }
        else if (reader.ValueTextEquals("smsSubscriptionCancellationNotification"u8))
        {
            reader.Read();
            var n = ReadLinkNotification(ref reader);
            result = new SmsSubscriptionCancellationNotification(n.Id, n.DateTime, LastSegment(n.Href), n.Href);
        }
        else if (reader.ValueTextEquals("smsEventNotification"u8))
        {
            reader.Read();
            var n = ReadLinkNotification(ref reader);
            result = new SmsEventNotification(n.Id, n.DateTime, LastSegment(n.Href), n.Href, new SmsEventDetails(n.EventDescription, n.EventType));
        }
        else
        {
            var key = reader.GetString()!;
            reader.Read();
            reader.Skip();
            return new UnknownNotification(key, null, null, Encoding.UTF8.GetString(body));
        }

        reader.Read(); // }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw new JsonException("A notification has exactly one top-level member.");
        }

        return result;
    }

    private static MessageFields ReadMessageNotification(ref Utf8JsonReader reader, ReadOnlySpan<byte> messageKey)
    {
        var f = default(MessageFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(messageKey))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("dateTime"u8))
                    {
                        reader.Read();
                        f.MessageDateTime = reader.GetInt64();
                    }
                    else if (reader.ValueTextEquals("destinationAddress"u8))
                    {
                        reader.Read();
                        f.DestinationAddress = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("message"u8))
                    {
                        reader.Read();
                        f.Message = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("messageId"u8))
                    {
                        reader.Read();
                        f.MessageId = reader.GetString();
                    }
                    else if (reader.ValueTextEquals("senderAddress"u8))
                    {
                        reader.Read();
                        f.SenderAddress = reader.GetString();
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("dateTime"u8))
            {
                reader.Read();
                f.DateTime = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                f.Id = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return f;
    }

    private static LinkFields ReadLinkNotification(ref Utf8JsonReader reader)
    {
        var f = default(LinkFields);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("link"u8))
            {
                reader.Read(); // [
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (f.Href is null && reader.ValueTextEquals("href"u8))
                        {
                            reader.Read();
                            f.Href = reader.GetString();
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }
                }
            }
            else if (reader.ValueTextEquals("dateTime"u8))
            {
                reader.Read();
                f.DateTime = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                f.Id = reader.GetString();
            }
            else if (reader.ValueTextEquals("eventType"u8))
            {
                reader.Read();
                f.EventType = reader.GetString();
            }
            else if (reader.ValueTextEquals("eventDescription"u8))
            {
                reader.Read();
                f.EventDescription = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return f;
    }

    /// <summary>The id at the end of a resource path, as the SDK computes it (query cut, percent-decoded).</summary>
    private static string? LastSegment(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var path = url.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
        {
            path = path[..query];
        }

        path = path.TrimEnd('/');
        var segment = path[(path.LastIndexOf('/') + 1)..];
        if (segment.IsEmpty)
        {
            return null;
        }

        return segment.Contains('%') ? Uri.UnescapeDataString(segment.ToString()) : segment.ToString();
    }

    private struct MessageFields
    {
        public string? Id;
        public long? DateTime;
        public long? MessageDateTime;
        public string? DestinationAddress;
        public string? Message;
        public string? MessageId;
        public string? SenderAddress;
    }

    private struct LinkFields
    {
        public string? Id;
        public long? DateTime;
        public string? Href;
        public string? EventType;
        public string? EventDescription;
    }
}
