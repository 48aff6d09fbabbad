using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Cpaas.Emulator.History;
using Cpaas.Emulator.State;
using Cpaas.Emulator.TwoFactor;
using Cpaas.LiveEvents;

namespace Cpaas.Emulator.Inbox;

/// <summary>One event of the inbox page's stream: its SSE type and its JSON (built once, shared by every page).</summary>
internal sealed record InboxEvent(string Type, string Json);

/// <summary>
/// What the inbox page (<c>GET /</c>) shows, as it happens: messages stored and removed, the project's numbers, webhook
/// delivery attempts (URLs masked), two-factor codes. Published by the stores while they hold their lock, so the order of
/// events is the order of changes; the page's stream (<c>GET /emulator/events</c>) starts with a snapshot taken under the
/// same locks. Event types: <c>snapshot</c>, <c>message</c>, <c>message-removed</c>, <c>numbers</c>, <c>delivery</c>,
/// <c>code</c>. The page is the developer's handset: a <c>code</c> carries the code in clear (and the SMS or e-mail that
/// carried it), as the message events carry message text; none of it is ever logged.
/// </summary>
internal sealed class InboxEvents
{
    /// <summary>The newest events kept for pages that reconnect (more than the default history cap).</summary>
    public const int ReplayCapacity = 2048;

    /// <summary>How far one page may fall behind before it is disconnected (it then resumes or reloads).</summary>
    public const int PageQueueCapacity = 1024;

    /// <summary>The deliveries a snapshot carries (the newest).</summary>
    public const int SnapshotDeliveries = 200;

    /// <summary>The two-factor code resources a snapshot carries (the newest created).</summary>
    public const int SnapshotCodes = 200;

    public LiveEventBroadcaster<InboxEvent> Broadcaster { get; } = new(ReplayCapacity, PageQueueCapacity);

    public void MessageStored(StoredMessage message) => Broadcaster.Publish(new InboxEvent("message", Write(json => WriteMessage(json, message))));

    public void MessageRemoved(StoredMessage message) => Broadcaster.Publish(new InboxEvent("message-removed", Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("key", KeyOf(message));
        json.WriteString("messageId", message.MessageId);
        json.WriteEndObject();
    })));

    public void NumbersChanged(IReadOnlyList<string> numbers) => Broadcaster.Publish(new InboxEvent("numbers", Write(json => WriteNumbers(json, numbers))));

    public void DeliveryRecorded(WebhookDeliveryAttempt attempt) => Broadcaster.Publish(new InboxEvent("delivery", Write(json => WriteDelivery(json, attempt))));

    /// <summary>
    /// A two-factor code resource changed: <paramref name="change"/> is a <see cref="TwoFactorCodeEventKind"/> name,
    /// <c>Expired</c> (its expiry came on the emulator's clock) or <c>Evicted</c> (removed by the cap); <c>now</c> is the
    /// emulator's clock, so the page can count down to the expiry on it.
    /// </summary>
    public void CodeChanged(string change, CodeResource resource, TwoFactorCodeRecord record, DateTimeOffset now)
        => Broadcaster.Publish(new InboxEvent("code", Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("change", change);
            json.WriteNumber("now", now.ToUnixTimeMilliseconds());
            WriteCodeMembers(json, resource, record);
            json.WriteEndObject();
        })));

    /// <summary>
    /// The page's starting state, read under the state's lock (and the dispatcher's, for <paramref name="deliveries"/>):
    /// numbers, every stored message (oldest first), the newest deliveries, the newest code resources (oldest first).
    /// </summary>
    public static string Snapshot(EmulatorState state, IReadOnlyCollection<WebhookDeliveryAttempt> deliveries)
        => Write(json =>
        {
            var now = state.Time.GetUtcNow();
            json.WriteStartObject();
            json.WriteString("userId", state.Options.UserId);
            json.WriteNumber("now", now.ToUnixTimeMilliseconds());
            json.WritePropertyName("numbers");
            WriteNumbers(json, state.Numbers.Snapshot());
            json.WriteStartArray("messages");
            foreach (var m in state.History.All)
            {
                WriteMessage(json, m);
            }

            json.WriteEndArray();
            json.WriteStartArray("deliveries");
            var skip = Math.Max(0, deliveries.Count - SnapshotDeliveries);
            foreach (var d in deliveries)
            {
                if (skip-- > 0)
                {
                    continue;
                }

                WriteDelivery(json, d);
            }

            json.WriteEndArray();
            json.WriteStartArray("codes");
            var skipCodes = Math.Max(0, state.Codes.Count - SnapshotCodes);
            foreach (var resource in state.Codes.Resources)
            {
                if (skipCodes-- > 0)
                {
                    continue;
                }

                json.WriteStartObject();
                WriteCodeMembers(json, resource, resource.ToRecord(now, state.Options.TwoFactorMaxAttempts));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary>A message's key on the page: one send to several destinations is one message id in several threads.</summary>
    private static string KeyOf(StoredMessage m) => m.Local + "|" + m.Remote + "|" + m.MessageId;

    private static void WriteMessage(Utf8JsonWriter json, StoredMessage m)
    {
        json.WriteStartObject();
        json.WriteString("key", KeyOf(m));
        json.WriteString("messageId", m.MessageId);
        json.WriteString("direction", m.Direction);
        json.WriteString("local", m.Local);
        json.WriteString("remote", m.Remote);
        json.WriteString("text", m.Text);
        json.WriteString("status", m.Status);
        json.WriteNumber("dateTime", m.DateTime);
        json.WriteNumber("sequence", m.Sequence);
        json.WriteEndObject();
    }

    /// <summary>
    /// A code resource as the page shows it: the destination masked (the page lists codes, it is no address book), the code
    /// itself in clear (the page is the handset that received it), and the SMS or e-mail that carried it.
    /// </summary>
    private static void WriteCodeMembers(Utf8JsonWriter json, CodeResource resource, TwoFactorCodeRecord record)
    {
        var email = record.Method == "email";
        json.WriteString("codeId", record.CodeId);
        json.WriteString("method", record.Method);
        json.WriteString("destination", email ? EmailAddress.Mask(record.DestinationAddress) : PhoneMasking.Mask(record.DestinationAddress));
        json.WriteString("code", record.Code);
        json.WriteNumber("length", record.Length);
        json.WriteString("type", record.Type);
        json.WriteNumber("issuedAt", record.IssuedAt.ToUnixTimeMilliseconds());
        json.WriteNumber("expiresAt", record.ExpiresAt.ToUnixTimeMilliseconds());
        json.WriteString("status", record.Status.ToString());
        json.WriteNumber("wrongAttempts", record.WrongAttempts);
        json.WriteNumber("maxAttempts", record.MaxAttempts);
        json.WriteNumber("sends", record.Sends);
        if (resource.Email is { } mail)
        {
            json.WriteNull("sms");
            json.WriteStartObject("email");
            json.WriteString("emailId", mail.EmailId);
            json.WriteString("to", EmailAddress.Mask(mail.To));
            json.WriteString("subject", mail.Subject);
            json.WriteString("body", mail.Body);
            json.WriteEndObject();
        }
        else
        {
            json.WriteStartObject("sms");
            json.WriteString("messageId", resource.MessageId);
            json.WriteString("from", resource.Sender);
            json.WriteString("text", resource.Order.Render(resource.Code));
            json.WriteEndObject();
            json.WriteNull("email");
        }
    }

    private static void WriteNumbers(Utf8JsonWriter json, IReadOnlyList<string> numbers)
    {
        json.WriteStartObject();
        json.WriteStartArray("numbers");
        foreach (var n in numbers)
        {
            json.WriteStringValue(n);
        }

        json.WriteEndArray();
        if (numbers.Count > 0)
        {
            json.WriteString("defaultNumber", numbers[0]);
        }
        else
        {
            json.WriteNull("defaultNumber");
        }

        json.WriteEndObject();
    }

    private static void WriteDelivery(Utf8JsonWriter json, WebhookDeliveryAttempt d)
    {
        json.WriteStartObject();
        json.WriteNumber("timestamp", d.Timestamp.ToUnixTimeMilliseconds());
        json.WriteString("webhookURL", d.WebhookUrl); // masked
        json.WriteString("notificationType", d.NotificationType);
        json.WriteString("notificationId", d.NotificationId);
        json.WriteNumber("attempt", d.Attempt);
        json.WriteNumber("maxAttempts", d.MaxAttempts);
        if (d.StatusCode is { } status)
        {
            json.WriteNumber("statusCode", status);
        }
        else
        {
            json.WriteNull("statusCode");
        }

        json.WriteString("error", d.Error);
        json.WriteString("outcome", d.Outcome.ToString());
        json.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
