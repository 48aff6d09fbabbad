using System;
using System.Text;
using System.Text.Json;
using Cpaas;

namespace CpaasGen.Benchmarks.Benchmarks;

/// <summary>
/// The reference for <see cref="Notification.Parse(ReadOnlySpan{byte})"/>: one hand-written pass of
/// <see cref="Utf8JsonReader"/> straight into the generated wire models the SDK's notifications read through (their
/// internal constructors; the benchmark assembly sees the SDK's internals), so both produce exactly the same objects. Minimal on purpose:
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
            result = new InboundSmsNotification(new Cpaas.Api.InboundSmsMessageNotification { Id = n.Id!, DateTime = n.DateTime, InboundSmsMessage = n.ToWire() });
        }
        else if (reader.ValueTextEquals("outboundSMSMessageNotification"u8))
        {
            reader.Read();
            var n = ReadMessageNotification(ref reader, "outboundSMSMessage"u8);
            result = new OutboundSmsNotification(new Cpaas.Api.OutboundSmsMessageNotification { Id = n.Id!, DateTime = n.DateTime, OutboundSmsMessage = n.ToWire() });
        }
        else if (reader.ValueTextEquals("smsSubscriptionCancellationNotification"u8))
        {
            reader.Read();
            var n = ReadLinkNotification(ref reader);
            result = new SmsSubscriptionCancellationNotification(new Cpaas.Api.SmsSubscriptionCancellationNotification { Id = n.Id!, DateTime = n.DateTime, Link = n.Links() });
        }
        else if (reader.ValueTextEquals("smsEventNotification"u8))
        {
            reader.Read();
            var n = ReadLinkNotification(ref reader);
            result = new SmsEventNotification(new Cpaas.Api.SmsEventNotification { Id = n.Id!, DateTime = n.DateTime, Link = n.Links(), EventType = n.EventType!, EventDescription = n.EventDescription });
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
                    var link = new Cpaas.Api.Link { Href = null! };
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        if (reader.ValueTextEquals("href"u8))
                        {
                            reader.Read();
                            link.Href = reader.GetString()!;
                        }
                        else if (reader.ValueTextEquals("rel"u8))
                        {
                            reader.Read();
                            link.Rel = reader.GetString();
                        }
                        else
                        {
                            reader.Read();
                            reader.Skip();
                        }
                    }

                    (f.LinkList ??= new System.Collections.Generic.List<Cpaas.Api.Link>(1)).Add(link);
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

    private struct MessageFields
    {
        public string? Id;
        public long? DateTime;
        public long? MessageDateTime;
        public string? DestinationAddress;
        public string? Message;
        public string? MessageId;
        public string? SenderAddress;

        public readonly Cpaas.Api.SmsNotificationMessage ToWire() => new()
        {
            DateTime = MessageDateTime,
            DestinationAddress = DestinationAddress!,
            Message = Message,
            MessageId = MessageId,
            SenderAddress = SenderAddress!,
        };
    }

    private struct LinkFields
    {
        public string? Id;
        public long? DateTime;
        public System.Collections.Generic.List<Cpaas.Api.Link>? LinkList;
        public string? EventType;
        public string? EventDescription;

        public readonly System.Collections.Generic.List<Cpaas.Api.Link> Links() => LinkList ?? [];
    }
}
