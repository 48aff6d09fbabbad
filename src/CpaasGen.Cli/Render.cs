using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cpaas.Cli;

/// <summary>Text and JSON renderings of the SDK's results (the user's own terminal: numbers are shown in full).</summary>
internal static class Render
{
    // Relaxed escaping: '+' in phone numbers stays '+' (the output is read by people and tools, never put into HTML).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One JSON document, indented (the whole of stdout).</summary>
    public static void Json(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(Indented));

    /// <summary>One JSON object on one line (NDJSON streams, error objects). Control characters are escaped by JSON.</summary>
    public static void JsonLine(TextWriter output, JsonNode node)
    {
        output.WriteLine(node.ToJsonString(Compact));
        output.Flush();
    }

    private static string T(string? text) => TerminalText.Escape(text);

    public static JsonObject Sent(CreateMessageResult sent, string requestedSender) => new()
    {
        ["senderAddress"] = sent.SenderAddress,
        ["requestedSender"] = requestedSender,
        ["messageId"] = sent.MessageId,
        ["message"] = sent.Message,
        ["deliveryInfo"] = new JsonArray(sent.DeliveryInfo.Select(d => (JsonNode)new JsonObject
        {
            ["destinationAddress"] = d.DestinationAddress,
            ["deliveryStatus"] = d.DeliveryStatus.Value,
        }).ToArray()),
    };

    public static void SentText(TextWriter output, CreateMessageResult sent, string requestedSender)
    {
        var resolved = requestedSender == PhoneAddress.DefaultSender ? "  (\"default\" resolved by Kandy)" : string.Empty;
        output.WriteLine("Sent from " + T(sent.SenderAddress) + resolved);
        output.WriteLine("  message id  " + T(sent.MessageId));
        foreach (var info in sent.DeliveryInfo)
        {
            output.WriteLine("  to " + T(info.DestinationAddress) + "  " + T(info.DeliveryStatus.Value));
        }
    }

    public static JsonObject Subscribed(SubscribeResult sub) => new()
    {
        ["subscriptionId"] = sub.SubscriptionId,
        ["destinationAddress"] = sub.DestinationAddress,
        ["webhookUrl"] = UrlMasking.Mask(sub.WebhookUrl), // the ?token= secret is never printed
        ["channelId"] = sub.ChannelId,
    };

    public static void SubscribedText(TextWriter output, SubscribeResult sub)
    {
        output.WriteLine("Subscribed " + T(sub.DestinationAddress) + " → " + UrlMasking.Mask(sub.WebhookUrl));
        output.WriteLine("  subscription id  " + T(sub.SubscriptionId));
        output.WriteLine("  channel id       " + T(sub.ChannelId));
    }

    public static JsonObject Subscription(Subscription s) => new()
    {
        ["subscriptionId"] = s.SubscriptionId,
        ["destinationAddress"] = s.DestinationAddress,
        ["channelId"] = s.ChannelId,
        ["clientCorrelator"] = s.ClientCorrelator,
    };

    public static JsonObject Thread(SmsThread t) => new()
    {
        ["remoteAddress"] = t.RemoteAddress,
        ["localAddress"] = t.LocalAddress,
        ["lastText"] = t.LastText,
        ["lastMessageTime"] = t.ApiModel.ThreadDetails?.LastMessageTime,
        ["length"] = t.Length,
        ["new"] = t.NewMessageCount,
    };

    public static JsonObject Message(SmsMessage m) => new()
    {
        ["messageId"] = m.MessageId,
        ["type"] = m.Direction.Value,
        ["status"] = m.Status?.Value,
        ["dateTime"] = m.ApiModel.DateTime,
        ["message"] = m.Message,
    };

    public static JsonObject Notification(CpaasNotification n)
    {
        var json = new JsonObject
        {
            ["type"] = n.Kind.Value,
            ["notificationId"] = n.NotificationId,
            ["notificationDateTime"] = n.NotifiedOn?.ToUnixTimeMilliseconds(),
        };
        switch (n)
        {
            case SmsMessageNotification sms:
                json["dateTime"] = sms.CreatedOn?.ToUnixTimeMilliseconds();
                json["senderAddress"] = sms.SenderAddress;
                json["destinationAddress"] = sms.DestinationAddress;
                json["messageId"] = sms.MessageId;
                json["message"] = sms.Message;
                break;
            case SmsSubscriptionCancellationNotification cancel:
                json["subscriptionId"] = cancel.SubscriptionId;
                break;
            case SmsEventNotification ev:
                json["messageId"] = ev.MessageId;
                json["eventType"] = ev.EventType.Value;
                json["eventDescription"] = ev.EventDescription;
                break;
            case DeliveryInfoNotification receipt:
                json["messageId"] = receipt.MessageId;
                json["destinationAddress"] = receipt.DestinationAddress;
                json["deliveryStatus"] = receipt.DeliveryStatus.Value;
                break;
            case UnknownNotification unknown:
                json["raw"] = unknown.RawJson;
                break;
        }

        return json;
    }

    /// <summary>One line per notification; everything from the sender is escaped (text, numbers, ids, event texts).</summary>
    public static void NotificationText(TextWriter output, CpaasNotification n)
    {
        switch (n)
        {
            case InboundSmsNotification sms:
                output.WriteLine("inbound   " + T(sms.SenderAddress) + " → " + T(sms.DestinationAddress) + "  \"" + T(sms.Message) + "\"  (message " + T(sms.MessageId) + ", notification " + T(sms.NotificationId) + ")");
                break;
            case OutboundSmsNotification sms:
                output.WriteLine("outbound  " + T(sms.SenderAddress) + " → " + T(sms.DestinationAddress) + "  \"" + T(sms.Message) + "\"  (message " + T(sms.MessageId) + ", notification " + T(sms.NotificationId) + ")");
                break;
            case SmsSubscriptionCancellationNotification cancel:
                output.WriteLine("subscriptionCancel  subscription " + T(cancel.SubscriptionId) + " was cancelled  (notification " + T(cancel.NotificationId) + ")");
                break;
            case SmsEventNotification ev:
                output.WriteLine("event     " + T(ev.EventType.Value) + ": " + T(ev.EventDescription) + "  (message " + T(ev.MessageId) + ")");
                break;
            case DeliveryInfoNotification receipt:
                output.WriteLine("deliveryInfo  " + T(receipt.DestinationAddress) + ": " + T(receipt.DeliveryStatus.Value) + "  (message " + T(receipt.MessageId) + ", notification " + T(receipt.NotificationId) + ")");
                break;
            case UnknownNotification unknown:
                output.WriteLine("unknown   " + T(unknown.Kind.Value) + ": " + T(unknown.RawJson));
                break;
        }

        output.Flush();
    }

    public static JsonObject CodeSent(SendCodeResult sent, SendCodeRequest request, bool resent) => new()
    {
        ["codeId"] = sent.CodeId,
        ["resourceUrl"] = sent.ApiModel.ResourceUrl,
        ["method"] = request.Method == TwoFactorMethod.Email ? "email" : "sms",
        ["destinationAddress"] = request.DestinationAddress.Trim(),
        ["expiresInSeconds"] = (int)request.Expiry.TotalSeconds,
        ["resent"] = resent,
    };

    /// <summary>The code id and where it went; never the code (the CLI never knows it) or the message.</summary>
    public static void CodeSentText(TextWriter output, SendCodeResult sent, SendCodeRequest request, bool resent)
    {
        output.WriteLine("Code " + (resent ? "resent" : "sent") + " by " + (request.Method == TwoFactorMethod.Email ? "e-mail" : "SMS") + " to " + T(request.DestinationAddress.Trim())
            + "  (valid " + ((int)request.Expiry.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " s)");
        output.WriteLine("  code id  " + T(sent.CodeId));
    }

    /// <summary>The outcome of a verification; never the code that was checked.</summary>
    public static JsonObject Verification(VerifyCodeResult result) => new()
    {
        ["codeId"] = result.CodeId,
        ["verified"] = result.Verified,
        ["reason"] = result.Reason,
        ["exceptionId"] = result.ExceptionId,
    };

    public static void VerificationText(TextWriter output, VerifyCodeResult result)
        => output.WriteLine(result.Verified
            ? "Verified  (code id " + T(result.CodeId) + "; the code is now used up)"
            : "Not verified: " + T(result.Reason) + "  (code id " + T(result.CodeId) + ")");

    public static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Cast<JsonNode>().ToArray());
}
