using System;
using System.Text.Json.Nodes;
using Cpaas.Testing.Internal;

namespace Cpaas.Testing;

/// <summary>
/// Builds webhook notification bodies from the API description's own notification examples (the callbacks of
/// <c>createInboundSubscription</c>), replacing the values you give. Ids and times you leave out are generated
/// (fresh ids, the current time); times are written in epoch milliseconds, as real traffic has them.
/// </summary>
/// <example>
/// <code>
/// var inbound = CpaasNotifications.Inbound("+15551234567", server.DefaultNumber, "hi :)");
/// await server.PostNotificationAsync(new Uri("http://127.0.0.1:5000/webhooks/sms"), inbound);
/// </code>
/// </example>
public static class CpaasNotifications
{
    /// <summary>The top-level key of an inbound SMS notification.</summary>
    public const string InboundKey = "inboundSMSMessageNotification";

    /// <summary>The top-level key of an outbound SMS (sync) notification.</summary>
    public const string OutboundKey = "outboundSMSMessageNotification";

    /// <summary>The top-level key of a subscription cancellation notification.</summary>
    public const string SubscriptionCancellationKey = "smsSubscriptionCancellationNotification";

    /// <summary>The top-level key of an SMS event notification.</summary>
    public const string EventKey = "smsEventNotification";

    /// <summary>An SMS arrived at one of your numbers (<c>inboundSMSMessageNotification</c>).</summary>
    /// <param name="senderAddress">Who sent it (the remote party).</param>
    /// <param name="destinationAddress">Your number that received it.</param>
    /// <param name="message">The text.</param>
    /// <param name="messageId">The message id; generated when null.</param>
    /// <param name="dateTime">The message's time (written as epoch milliseconds, as Kandy sends it); now when null.</param>
    /// <param name="notificationId">The notification id; a new GUID when null.</param>
    /// <param name="notificationDateTime">The notification's time (written as epoch milliseconds); now when null.</param>
    /// <returns>The notification body.</returns>
    public static CpaasNotificationPayload Inbound(string senderAddress, string destinationAddress, string message, string? messageId = null, DateTimeOffset? dateTime = null, string? notificationId = null, DateTimeOffset? notificationDateTime = null)
        => Message(InboundKey, "inboundSMSMessage", senderAddress, destinationAddress, message, messageId, dateTime, notificationId, notificationDateTime);

    /// <summary>An SMS was sent from one of your numbers by any client of the user (<c>outboundSMSMessageNotification</c>, "outbound SMS sync").</summary>
    /// <param name="senderAddress">Your number it was sent from.</param>
    /// <param name="destinationAddress">The remote party it was sent to.</param>
    /// <param name="message">The text.</param>
    /// <param name="messageId">The message id; generated when null.</param>
    /// <param name="dateTime">The message's time (written as epoch milliseconds, as Kandy sends it); now when null.</param>
    /// <param name="notificationId">The notification id; a new GUID when null.</param>
    /// <param name="notificationDateTime">The notification's time (written as epoch milliseconds); now when null.</param>
    /// <returns>The notification body.</returns>
    public static CpaasNotificationPayload Outbound(string senderAddress, string destinationAddress, string message, string? messageId = null, DateTimeOffset? dateTime = null, string? notificationId = null, DateTimeOffset? notificationDateTime = null)
        => Message(OutboundKey, "outboundSMSMessage", senderAddress, destinationAddress, message, messageId, dateTime, notificationId, notificationDateTime);

    /// <summary>Kandy cancelled a subscription, for example because its number was unassigned (<c>smsSubscriptionCancellationNotification</c>).</summary>
    /// <param name="subscriptionId">The cancelled subscription's id (the last segment of <c>link[0].href</c>).</param>
    /// <param name="userId">The user id in the link; <see cref="CpaasMockServerOptions.DefaultUserId"/> when null.</param>
    /// <param name="notificationId">The notification id; a new GUID when null.</param>
    /// <param name="notificationDateTime">The notification's time (written as epoch milliseconds); now when null.</param>
    /// <returns>The notification body.</returns>
    public static CpaasNotificationPayload SubscriptionCancellation(string subscriptionId, string? userId = null, string? notificationId = null, DateTimeOffset? notificationDateTime = null)
    {
        Require(subscriptionId, nameof(subscriptionId));
        var (root, body) = Template(SubscriptionCancellationKey);
        var link = Templates.ObjectAt(body, "link[0]", SubscriptionCancellationKey);
        link["href"] = Templates.AdaptUrl(Templates.Text(link, "href"), userId ?? CpaasMockServerOptions.DefaultUserId, ("subscriptions", subscriptionId));
        Envelope(body, notificationId, notificationDateTime);
        return new CpaasNotificationPayload(SubscriptionCancellationKey, WireJson.Serialize(root));
    }

    /// <summary>Something happened to a stored message (<c>smsEventNotification</c>), by default its deletion.</summary>
    /// <param name="remoteAddress">The remote party of the message's thread.</param>
    /// <param name="localAddress">Your number in the message's thread.</param>
    /// <param name="messageId">The message id (the last segment of <c>link[0].href</c>).</param>
    /// <param name="eventType">The <c>eventType</c>; the example's (<c>MessageDeleted</c>) when null.</param>
    /// <param name="eventDescription">The <c>eventDescription</c>; the example's when null.</param>
    /// <param name="userId">The user id in the link; <see cref="CpaasMockServerOptions.DefaultUserId"/> when null.</param>
    /// <param name="notificationId">The notification id; a new GUID when null.</param>
    /// <param name="notificationDateTime">The notification's time (written as epoch milliseconds); now when null.</param>
    /// <returns>The notification body.</returns>
    public static CpaasNotificationPayload Event(string remoteAddress, string localAddress, string messageId, string? eventType = null, string? eventDescription = null, string? userId = null, string? notificationId = null, DateTimeOffset? notificationDateTime = null)
    {
        Require(remoteAddress, nameof(remoteAddress));
        Require(localAddress, nameof(localAddress));
        Require(messageId, nameof(messageId));
        var (root, body) = Template(EventKey);
        var link = Templates.ObjectAt(body, "link[0]", EventKey);
        link["href"] = Templates.AdaptUrl(
            Templates.Text(link, "href"),
            userId ?? CpaasMockServerOptions.DefaultUserId,
            ("remoteAddresses", remoteAddress),
            ("localAddresses", localAddress),
            ("messages", messageId));
        if (eventType is not null)
        {
            body["eventType"] = eventType;
        }

        if (eventDescription is not null)
        {
            body["eventDescription"] = eventDescription;
        }

        Envelope(body, notificationId, notificationDateTime);
        return new CpaasNotificationPayload(EventKey, WireJson.Serialize(root));
    }

    /// <summary>The top-level key of an outbound delivery receipt.</summary>
    public const string DeliveryInfoKey = "deliveryInfoNotification";

    /// <summary>
    /// An outbound delivery receipt (<c>deliveryInfoNotification</c>): the delivery status of a message sent from one of
    /// your numbers, for one destination. <c>deliveryInfo</c> is one object, as the vendor's browser SDK reads it.
    /// </summary>
    /// <param name="destinationAddress">The destination the status is for (<c>deliveryInfo.address</c>).</param>
    /// <param name="deliveryStatus">The status, for example <c>DeliveredToTerminal</c> or <c>DeliveryImpossible</c>.</param>
    /// <param name="messageId">The sent message's id; generated when null.</param>
    /// <param name="notificationId">The notification id; a new GUID when null.</param>
    /// <param name="notificationDateTime">The notification's time (written as epoch milliseconds); now when null.</param>
    /// <returns>The notification body.</returns>
    public static CpaasNotificationPayload DeliveryInfo(string destinationAddress, string deliveryStatus, string? messageId = null, string? notificationId = null, DateTimeOffset? notificationDateTime = null)
    {
        Require(destinationAddress, nameof(destinationAddress));
        Require(deliveryStatus, nameof(deliveryStatus));
        var (root, body) = Template(DeliveryInfoKey);
        var info = Templates.ObjectAt(body, "deliveryInfo", DeliveryInfoKey);
        info["address"] = destinationAddress;
        info["deliveryStatus"] = deliveryStatus;
        info["messageId"] = messageId ?? NewMessageId();
        Envelope(body, notificationId, notificationDateTime);
        return new CpaasNotificationPayload(DeliveryInfoKey, WireJson.Serialize(root));
    }

    /// <summary>A notification of a kind the SDK does not know: <c>{"<paramref name="key"/>": <paramref name="json"/>}</c>.</summary>
    /// <param name="key">The top-level key.</param>
    /// <param name="json">The JSON value under it (an object, normally).</param>
    /// <returns>The notification body.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not valid JSON.</exception>
    public static CpaasNotificationPayload UnknownKind(string key, string json)
    {
        Require(key, nameof(key));
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? value;
        try
        {
            value = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ArgumentException("json is not valid JSON: " + ex.Message, nameof(json), ex);
        }

        return new CpaasNotificationPayload(key, WireJson.Serialize(new JsonObject { [key] = value }));
    }

    /// <summary>Any body at all, sent as is (to test how your webhook handles malformed notifications).</summary>
    /// <param name="body">The body.</param>
    /// <returns>The notification body.</returns>
    public static CpaasNotificationPayload Raw(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new CpaasNotificationPayload(null, body);
    }

    internal static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static long EpochMilliseconds(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds() ?? Now();

    internal static string NewMessageId() => "SM" + Guid.NewGuid().ToString("N")[..30].ToUpperInvariant();

    private static CpaasNotificationPayload Message(string key, string messageKey, string senderAddress, string destinationAddress, string message, string? messageId, DateTimeOffset? dateTime, string? notificationId, DateTimeOffset? notificationDateTime)
    {
        Require(senderAddress, nameof(senderAddress));
        Require(destinationAddress, nameof(destinationAddress));
        ArgumentNullException.ThrowIfNull(message);
        var (root, body) = Template(key);
        var sms = Templates.ObjectAt(body, messageKey, key);
        sms["dateTime"] = EpochMilliseconds(dateTime);
        sms["destinationAddress"] = destinationAddress;
        sms["message"] = message;
        sms["messageId"] = messageId ?? NewMessageId();
        sms["senderAddress"] = senderAddress;
        Envelope(body, notificationId, notificationDateTime);
        return new CpaasNotificationPayload(key, WireJson.Serialize(root));
    }

    private static void Envelope(JsonObject body, string? notificationId, DateTimeOffset? notificationDateTime)
    {
        body["dateTime"] = EpochMilliseconds(notificationDateTime);
        body["id"] = notificationId ?? Guid.NewGuid().ToString();
    }

    private static (JsonObject Root, JsonObject Body) Template(string key)
    {
        if (!ApiDescription.Embedded.Notifications.TryGetValue(key, out var example))
        {
            throw new InvalidOperationException("The API description has no example notification with the key '" + key + "' (callbacks of createInboundSubscription).");
        }

        var root = (JsonObject)example.DeepClone();
        return (root, Templates.ObjectAt(root, key, key));
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(name + " must not be empty.", name);
        }
    }
}
