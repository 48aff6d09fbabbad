using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// Parses Kandy webhook bodies: the single top-level key says which notification it is. <see cref="CpaasNotification.NotifiedOn"/>
/// is the envelope's time (the message's own is <see cref="SmsMessageNotification.CreatedOn"/>), an event's message id is
/// <see cref="SmsEventNotification.MessageId"/>, and an unknown key gives an <see cref="UnknownNotification"/> with the raw JSON.
/// </summary>
public static class Notification
{
    /// <summary>The largest body <see cref="ParseAsync"/> reads (1 MiB); real notifications are well under 2 KiB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses a notification body.</summary>
    /// <param name="body">The JSON body as text.</param>
    /// <returns>The typed notification.</returns>
    /// <exception cref="CpaasNotificationParseException">The body is not a valid notification; the message says where and why.</exception>
    public static CpaasNotification Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var max = Encoding.UTF8.GetMaxByteCount(body.Length);
        if (max <= 1024)
        {
            Span<byte> stack = stackalloc byte[max];
            var written = Encoding.UTF8.GetBytes(body, stack);
            return Parse(stack[..written]);
        }

        return Parse(Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Parses a notification body.</summary>
    /// <param name="utf8Body">The JSON body as UTF-8 bytes.</param>
    /// <returns>The typed notification.</returns>
    /// <exception cref="CpaasNotificationParseException">The body is not a valid notification; the message says where and why.</exception>
    public static CpaasNotification Parse(ReadOnlySpan<byte> utf8Body)
    {
        // A UTF-8 byte order mark is legal at the start of a JSON text and some senders write one; it is not part of it.
        if (utf8Body.StartsWith(Utf8Bom))
        {
            utf8Body = utf8Body[Utf8Bom.Length..];
        }

        try
        {
            return ParseCore(utf8Body);
        }
        catch (JsonException ex)
        {
            throw new CpaasNotificationParseException(
                "The notification is not valid: " + PhoneMasking.Mask(ex.Message),
                AbsolutePosition(utf8Body, ex.LineNumber, ex.BytePositionInLine),
                ex.LineNumber,
                ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader throws this for a token of the wrong kind (e.g. GetString on a number).
            throw new CpaasNotificationParseException("The notification is not valid: " + PhoneMasking.Mask(ex.Message), innerException: ex);
        }
    }

    /// <summary>Reads a notification body from a stream (for example <c>HttpRequest.Body</c>) and parses it.</summary>
    /// <param name="utf8Body">The stream; read to its end with the SDK's bounded reader (<see cref="BoundedBodyReader"/>), at most <see cref="MaxBodyBytes"/> bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The typed notification.</returns>
    /// <exception cref="CpaasNotificationParseException">The body is too large or not a valid notification.</exception>
    public static async Task<CpaasNotification> ParseAsync(Stream utf8Body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Body);
        PooledBody body;
        try
        {
            body = await PooledBody.ReadAsync(utf8Body, MaxBodyBytes, null, cancellationToken).ConfigureAwait(false);
        }
        catch (CpaasBodyTooLargeException ex)
        {
            throw new CpaasNotificationParseException("The notification body is larger than " + MaxBodyBytes + " bytes.", MaxBodyBytes, innerException: ex);
        }

        using (body)
        {
            return Parse(body.Span);
        }
    }

    /// <summary>The reader reports (line, byte in line); callers want the offset into the body.</summary>
    private static long? AbsolutePosition(ReadOnlySpan<byte> body, long? line, long? byteInLine)
    {
        if (line is not { } l || byteInLine is not { } b)
        {
            return byteInLine;
        }

        long offset = 0;
        for (long current = 0; current < l; current++)
        {
            var newline = body[(int)offset..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return byteInLine;
            }

            offset += newline + 1;
        }

        return offset + b;
    }

    private static CpaasNotification ParseCore(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        if (!reader.Read())
        {
            throw new CpaasNotificationParseException("The notification body is empty.", 0);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CpaasNotificationParseException("A notification must be a JSON object; found " + reader.TokenType + ".", reader.TokenStartIndex);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new CpaasNotificationParseException("A notification must have one top-level member naming its kind; the object is empty.", reader.TokenStartIndex);
        }

        CpaasNotification result;
        if (reader.ValueTextEquals("inboundSMSMessageNotification"u8))
        {
            reader.Read();
            RequireObject(ref reader, "inboundSMSMessageNotification");
            result = new InboundSmsNotification(InboundSmsMessageNotification.ReadFrom(ref reader));
        }
        else if (reader.ValueTextEquals("outboundSMSMessageNotification"u8))
        {
            reader.Read();
            RequireObject(ref reader, "outboundSMSMessageNotification");
            result = new OutboundSmsNotification(OutboundSmsMessageNotification.ReadFrom(ref reader));
        }
        else if (reader.ValueTextEquals("smsSubscriptionCancellationNotification"u8))
        {
            reader.Read();
            RequireObject(ref reader, "smsSubscriptionCancellationNotification");
            result = new SmsSubscriptionCancellationNotification(Api.SmsSubscriptionCancellationNotification.ReadFrom(ref reader));
        }
        else if (reader.ValueTextEquals("smsEventNotification"u8))
        {
            reader.Read();
            RequireObject(ref reader, "smsEventNotification");
            result = new SmsEventNotification(Api.SmsEventNotification.ReadFrom(ref reader));
        }
        else if (reader.ValueTextEquals("deliveryInfoNotification"u8))
        {
            reader.Read();
            RequireObject(ref reader, "deliveryInfoNotification");
            result = new DeliveryInfoNotification(Api.DeliveryInfoNotification.ReadFrom(ref reader));
        }
        else
        {
            var key = reader.GetString() ?? string.Empty;
            reader.Read();
            var (id, dateTime) = ReadEnvelope(ref reader);
            RequireEnd(ref reader, body);
            if (!System.Text.Unicode.Utf8.IsValid(body))
            {
                // Skip() does not validate string contents; RawJson must be the body exactly as received.
                throw new CpaasNotificationParseException("The notification is not valid UTF-8.");
            }

            return new UnknownNotification(key, id, dateTime, Encoding.UTF8.GetString(body));
        }

        RequireEnd(ref reader, body);
        return result;
    }

    /// <summary>
    /// An unknown kind's envelope: its <c>id</c> and <c>dateTime</c> when it is an object that has them (every Kandy
    /// notification does), so duplicates of a kind this SDK does not know can still be recognised. Leaves the reader
    /// on the value's last token.
    /// </summary>
    private static (string? Id, long? DateTime) ReadEnvelope(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return (null, null);
        }

        string? id = null;
        long? dateTime = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            var isDateTime = !isId && reader.ValueTextEquals("dateTime"u8);
            reader.Read();
            if (isId && reader.TokenType == JsonTokenType.String)
            {
                id = reader.GetString();
            }
            else if (isDateTime && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
            {
                dateTime = value;
            }
            else
            {
                reader.Skip();
            }
        }

        return (id, dateTime);
    }

    private static void RequireObject(ref Utf8JsonReader reader, string key)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new CpaasNotificationParseException("'" + key + "' must be an object; found " + reader.TokenType + " at byte " + reader.TokenStartIndex + ".", reader.TokenStartIndex);
        }
    }

    private static void RequireEnd(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        if (!reader.Read())
        {
            throw new CpaasNotificationParseException("The notification ends before its closing brace.", body.Length);
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new CpaasNotificationParseException("A notification must have exactly one top-level member; found another at byte " + reader.TokenStartIndex + ".", reader.TokenStartIndex);
        }

        if (reader.Read())
        {
            throw new CpaasNotificationParseException("Unexpected data after the notification at byte " + reader.TokenStartIndex + ".", reader.TokenStartIndex);
        }
    }
}
