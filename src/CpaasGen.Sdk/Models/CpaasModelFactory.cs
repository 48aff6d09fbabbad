using System;
using System.Collections.Generic;
using System.Linq;

namespace Cpaas;

/// <summary>
/// Builds the SDK's results and notifications for your own tests (for example as the return value of a mocked
/// <see cref="Conversation"/>), since their constructors are not public. Every object is backed by its generated wire
/// model, built from the values given, so <c>ApiModel</c> is never null; times become epoch milliseconds in it, as in
/// Kandy's traffic.
/// </summary>
public static class CpaasModelFactory
{
    /// <summary>A page of results; the items are copied.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items (copied).</param>
    /// <param name="next">The next-page pointer, or null for the last page.</param>
    /// <param name="resourceUrl">The list's resource URL.</param>
    /// <returns>The page.</returns>
    public static CpaasPage<T> CpaasPage<T>(IEnumerable<T>? items = null, string? next = null, Uri? resourceUrl = null)
        => new(items?.ToArray() ?? Array.Empty<T>(), next, resourceUrl);

    /// <summary>A conversation thread.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="firstMessageOn">When the first message was sent or received.</param>
    /// <param name="lastMessageOn">When the last message was sent or received.</param>
    /// <param name="lastPulledOn">When the thread was last pulled.</param>
    /// <param name="lastText">The last message's text.</param>
    /// <param name="length">How many messages the thread holds.</param>
    /// <param name="newMessageCount">How many are new.</param>
    /// <param name="resourceUrl">The thread's resource URL.</param>
    /// <returns>The thread.</returns>
    public static SmsThread SmsThread(string remoteAddress, string localAddress, DateTimeOffset? firstMessageOn = null, DateTimeOffset? lastMessageOn = null, DateTimeOffset? lastPulledOn = null, string? lastText = null, int? length = null, int? newMessageCount = null, Uri? resourceUrl = null)
        => new(new Api.SmsThread
        {
            RemoteAddress = remoteAddress,
            LocalAddress = localAddress,
            ResourceUrl = WireUri.ToWire(resourceUrl),
            ThreadDetails = new Api.SmsThreadDetails
            {
                FirstMessageTime = EpochTime.ToMilliseconds(firstMessageOn),
                LastMessageTime = EpochTime.ToMilliseconds(lastMessageOn),
                LastPullTime = EpochTime.ToMilliseconds(lastPulledOn),
                LastText = lastText,
                Length = length,
                NewMessageCount = newMessageCount,
            },
        });

    /// <summary>A stored message.</summary>
    /// <param name="direction">Its direction.</param>
    /// <param name="messageId">Its id.</param>
    /// <param name="message">Its text.</param>
    /// <param name="status">Its delivery status.</param>
    /// <param name="createdOn">When it was sent or received.</param>
    /// <param name="resourceUrl">Its resource URL.</param>
    /// <returns>The message.</returns>
    public static SmsMessage SmsMessage(SmsMessageDirection direction, string? messageId = null, string? message = null, DeliveryStatus? status = null, DateTimeOffset? createdOn = null, Uri? resourceUrl = null)
        => new(new Api.SmsMessage
        {
            Type = new Api.SmsMessageDirection(direction.Value),
            MessageId = messageId,
            Message = message,
            Status = status is { } s ? new Api.DeliveryStatus(s.Value) : default(Api.DeliveryStatus?),
            DateTime = EpochTime.ToMilliseconds(createdOn),
            ResourceUrl = WireUri.ToWire(resourceUrl),
        });

    /// <summary>The delivery status of a send for one destination.</summary>
    /// <param name="destinationAddress">The destination.</param>
    /// <param name="deliveryStatus">Its status; default <see cref="DeliveryStatus.DeliveredToNetwork"/>.</param>
    /// <returns>The item.</returns>
    public static DeliveryInfo DeliveryInfo(string? destinationAddress = null, DeliveryStatus? deliveryStatus = null)
        => new(new Api.DeliveryInfo { Address = destinationAddress, DeliveryStatus = new Api.DeliveryStatus((deliveryStatus ?? Cpaas.DeliveryStatus.DeliveredToNetwork).Value) });

    /// <summary>The result of a send.</summary>
    /// <param name="deliveryInfo">The status per destination (copied).</param>
    /// <param name="senderAddress">The number the SMS was sent from.</param>
    /// <param name="message">The text as echoed.</param>
    /// <param name="messageId">The message id; null to read it from <paramref name="resourceUrl"/>'s last segment.</param>
    /// <param name="resourceUrl">The message's resource URL.</param>
    /// <param name="clientCorrelator">The correlator as echoed.</param>
    /// <returns>The result.</returns>
    public static CreateMessageResult CreateMessageResult(IEnumerable<DeliveryInfo>? deliveryInfo = null, string? senderAddress = null, string? message = null, string? messageId = null, Uri? resourceUrl = null, string? clientCorrelator = null)
    {
        var items = deliveryInfo?.ToArray() ?? Array.Empty<DeliveryInfo>();
        var model = new Api.OutboundSmsMessageResult
        {
            DeliveryInfoList = new Api.DeliveryInfoList { DeliveryInfo = items.Select(i => i.ApiModel).ToList() },
            SenderAddress = senderAddress,
            OutboundSmsTextMessage = message is null ? null : new Api.OutboundSmsTextMessage { Message = message },
            ResourceUrl = WireUri.ToWire(resourceUrl),
            ClientCorrelator = clientCorrelator,
        };
        return new CreateMessageResult(model, items, senderAddress, message, messageId);
    }

    /// <summary>A notification channel.</summary>
    /// <param name="channelId">Its id (<c>wh-…</c>, <c>ws-…</c>, <c>ps-…</c>).</param>
    /// <param name="channelType">Its <c>channelType</c> (<c>Webhooks</c>, <c>Websockets</c>, <c>OMAPush</c>); null to infer the kind from the id.</param>
    /// <param name="webhookUrl">A webhook channel's URL.</param>
    /// <param name="channelUrl">A websocket or push channel's URL.</param>
    /// <param name="clientCorrelator">The correlator it was created with.</param>
    /// <param name="resourceUrl">Its resource URL.</param>
    /// <param name="channelLifetime">Its lifetime (whole seconds).</param>
    /// <param name="connectionCheckRole">A websocket channel's <c>x-connCheckRole</c>.</param>
    /// <returns>The channel.</returns>
    public static NotificationChannel NotificationChannel(string channelId, string? channelType = null, Uri? webhookUrl = null, Uri? channelUrl = null, string? clientCorrelator = null, Uri? resourceUrl = null, TimeSpan? channelLifetime = null, string? connectionCheckRole = null)
        => new(
            new Api.NotificationChannel
            {
                CallbackUrl = channelId,
                ChannelType = channelType is null ? default(Api.ChannelType?) : new Api.ChannelType(channelType),
                ChannelData = webhookUrl is null && channelUrl is null ? null : new Api.ChannelData { WebhookUrl = WireUri.ToWire(webhookUrl), ChannelUrl = WireUri.ToWire(channelUrl) },
                ClientCorrelator = clientCorrelator,
                ResourceUrl = WireUri.ToWire(resourceUrl),
                ChannelLifetime = channelLifetime is { } lifetime ? (int)lifetime.TotalSeconds : null,
                ConnectionCheckRole = connectionCheckRole,
            },
            channelId);

    /// <summary>An inbound-SMS subscription.</summary>
    /// <param name="subscriptionId">Its id.</param>
    /// <param name="channelId">The notification channel it notifies.</param>
    /// <param name="destinationAddress">The number it receives SMS for.</param>
    /// <param name="clientCorrelator">The correlator it was created with.</param>
    /// <param name="resourceUrl">Its resource URL.</param>
    /// <returns>The subscription.</returns>
    public static Subscription Subscription(string subscriptionId, string channelId, string? destinationAddress = null, string? clientCorrelator = null, Uri? resourceUrl = null)
        => new(InboundSubscription(channelId, destinationAddress, clientCorrelator, resourceUrl), subscriptionId);

    /// <summary>The result of a subscribe.</summary>
    /// <param name="subscriptionId">The subscription id.</param>
    /// <param name="channelId">The webhook channel created for it.</param>
    /// <param name="webhookUrl">The webhook.</param>
    /// <param name="destinationAddress">The subscribed number.</param>
    /// <param name="resourceUrl">The subscription's resource URL.</param>
    /// <returns>The result.</returns>
    public static SubscribeResult SubscribeResult(string subscriptionId, string channelId, Uri webhookUrl, string? destinationAddress = null, Uri? resourceUrl = null)
        => new(InboundSubscription(channelId, destinationAddress, null, resourceUrl), webhookUrl, destinationAddress, subscriptionId, channelId);

    /// <summary>The result of an unsubscribe.</summary>
    /// <param name="subscriptionId">The removed subscription.</param>
    /// <param name="channelId">Its notification channel.</param>
    /// <param name="channelDeleted">Whether the channel was deleted too.</param>
    /// <returns>The result.</returns>
    public static UnsubscribeResult UnsubscribeResult(string subscriptionId, string? channelId = null, bool channelDeleted = false)
        => new(InboundSubscription(channelId ?? string.Empty, null, null, null), subscriptionId, channelDeleted);

    /// <summary>The result of sending a two-factor code.</summary>
    /// <param name="codeId">The code id.</param>
    /// <param name="resourceUrl">The code resource's URL.</param>
    /// <returns>The result.</returns>
    public static SendCodeResult SendCodeResult(string codeId, Uri? resourceUrl = null)
        => new(new Api.TwoFactorCode { ResourceUrl = WireUri.ToWire(resourceUrl) ?? string.Empty }, codeId);

    /// <summary>The result of verifying a two-factor code.</summary>
    /// <param name="codeId">The code id.</param>
    /// <param name="verified">Whether it was verified.</param>
    /// <param name="reason">Why not, for a code that was not verified.</param>
    /// <param name="exceptionId">Kandy's exception id, for a code that was not verified.</param>
    /// <returns>The result.</returns>
    public static VerifyCodeResult VerifyCodeResult(string codeId, bool verified, string? reason = null, string? exceptionId = null)
        => new(codeId, verified, reason, exceptionId);

    /// <summary>An inbound SMS notification.</summary>
    /// <param name="senderAddress">The number the message came from.</param>
    /// <param name="destinationAddress">Your number it went to.</param>
    /// <param name="message">The text.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="createdOn">When the message was received.</param>
    /// <param name="notificationId">The notification id; null for a new GUID.</param>
    /// <param name="notifiedOn">When Kandy sent the notification.</param>
    /// <returns>The notification.</returns>
    public static InboundSmsNotification InboundSmsNotification(string senderAddress, string destinationAddress, string? message = null, string? messageId = null, DateTimeOffset? createdOn = null, string? notificationId = null, DateTimeOffset? notifiedOn = null)
        => new(new Api.InboundSmsMessageNotification
        {
            Id = notificationId ?? Guid.NewGuid().ToString(),
            DateTime = EpochTime.ToMilliseconds(notifiedOn),
            InboundSmsMessage = SmsNotificationMessage(senderAddress, destinationAddress, message, messageId, createdOn),
        });

    /// <summary>An outbound SMS sync notification.</summary>
    /// <param name="senderAddress">Your number the message was sent from.</param>
    /// <param name="destinationAddress">The number it went to.</param>
    /// <param name="message">The text.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="createdOn">When the message was sent.</param>
    /// <param name="notificationId">The notification id; null for a new GUID.</param>
    /// <param name="notifiedOn">When Kandy sent the notification.</param>
    /// <returns>The notification.</returns>
    public static OutboundSmsNotification OutboundSmsNotification(string senderAddress, string destinationAddress, string? message = null, string? messageId = null, DateTimeOffset? createdOn = null, string? notificationId = null, DateTimeOffset? notifiedOn = null)
        => new(new Api.OutboundSmsMessageNotification
        {
            Id = notificationId ?? Guid.NewGuid().ToString(),
            DateTime = EpochTime.ToMilliseconds(notifiedOn),
            OutboundSmsMessage = SmsNotificationMessage(senderAddress, destinationAddress, message, messageId, createdOn),
        });

    /// <summary>A subscription-cancellation notification.</summary>
    /// <param name="subscriptionId">The cancelled subscription's id; used as the link when <paramref name="subscriptionUrl"/> is null.</param>
    /// <param name="subscriptionUrl">The cancelled subscription's resource URL (its last segment is the id).</param>
    /// <param name="notificationId">The notification id; null for a new GUID.</param>
    /// <param name="notifiedOn">When Kandy sent the notification.</param>
    /// <returns>The notification.</returns>
    public static SmsSubscriptionCancellationNotification SmsSubscriptionCancellationNotification(string? subscriptionId = null, Uri? subscriptionUrl = null, string? notificationId = null, DateTimeOffset? notifiedOn = null)
        => new(new Api.SmsSubscriptionCancellationNotification
        {
            Id = notificationId ?? Guid.NewGuid().ToString(),
            DateTime = EpochTime.ToMilliseconds(notifiedOn),
            Link = Links(subscriptionUrl, subscriptionId),
        });

    /// <summary>A stored-message event notification.</summary>
    /// <param name="eventType">What happened; default <see cref="SmsEventType.MessageDeleted"/>.</param>
    /// <param name="eventDescription">A human-readable description.</param>
    /// <param name="messageId">The message's id; used as the link when <paramref name="messageUrl"/> is null.</param>
    /// <param name="messageUrl">The message's resource URL (its last segment is the id).</param>
    /// <param name="notificationId">The notification id; null for a new GUID.</param>
    /// <param name="notifiedOn">When Kandy sent the notification.</param>
    /// <returns>The notification.</returns>
    public static SmsEventNotification SmsEventNotification(SmsEventType? eventType = null, string? eventDescription = null, string? messageId = null, Uri? messageUrl = null, string? notificationId = null, DateTimeOffset? notifiedOn = null)
        => new(new Api.SmsEventNotification
        {
            Id = notificationId ?? Guid.NewGuid().ToString(),
            DateTime = EpochTime.ToMilliseconds(notifiedOn),
            EventType = new Api.SmsEventType((eventType ?? Cpaas.SmsEventType.MessageDeleted).Value),
            EventDescription = eventDescription,
            Link = Links(messageUrl, messageId),
        });

    /// <summary>A delivery-receipt notification.</summary>
    /// <param name="deliveryStatus">The status.</param>
    /// <param name="destinationAddress">The destination it is for.</param>
    /// <param name="messageId">The sent message's id.</param>
    /// <param name="notificationId">The notification id; null for a new GUID.</param>
    /// <param name="notifiedOn">When Kandy sent the notification.</param>
    /// <returns>The notification.</returns>
    public static DeliveryInfoNotification DeliveryInfoNotification(DeliveryStatus deliveryStatus, string? destinationAddress = null, string? messageId = null, string? notificationId = null, DateTimeOffset? notifiedOn = null)
        => new(new Api.DeliveryInfoNotification
        {
            Id = notificationId ?? Guid.NewGuid().ToString(),
            DateTime = EpochTime.ToMilliseconds(notifiedOn),
            DeliveryInfo = new Api.DeliveryInfo { Address = destinationAddress, MessageId = messageId, DeliveryStatus = new Api.DeliveryStatus(deliveryStatus.Value) },
        });

    /// <summary>A notification of a kind this SDK does not know.</summary>
    /// <param name="kind">Its top-level key.</param>
    /// <param name="rawJson">The whole body.</param>
    /// <param name="notificationId">Its envelope's id.</param>
    /// <param name="notifiedOn">Its envelope's time.</param>
    /// <returns>The notification.</returns>
    public static UnknownNotification UnknownNotification(string kind, string rawJson, string? notificationId = null, DateTimeOffset? notifiedOn = null)
        => new(kind, notificationId, EpochTime.ToMilliseconds(notifiedOn), rawJson);

    private static Api.InboundSubscription InboundSubscription(string channelId, string? destinationAddress, string? clientCorrelator, Uri? resourceUrl)
        => new()
        {
            CallbackReference = new Api.CallbackReference { NotifyUrl = channelId },
            DestinationAddress = destinationAddress,
            ClientCorrelator = clientCorrelator,
            ResourceUrl = WireUri.ToWire(resourceUrl) ?? string.Empty,
        };

    private static Api.SmsNotificationMessage SmsNotificationMessage(string senderAddress, string destinationAddress, string? message, string? messageId, DateTimeOffset? createdOn)
        => new()
        {
            SenderAddress = senderAddress,
            DestinationAddress = destinationAddress,
            Message = message,
            MessageId = messageId,
            DateTime = EpochTime.ToMilliseconds(createdOn),
        };

    private static List<Api.Link> Links(Uri? url, string? id)
    {
        var href = WireUri.ToWire(url) ?? (id is null ? null : Uri.EscapeDataString(id));
        return href is null ? [] : [new Api.Link { Href = href }];
    }
}
