using System;
using System.Collections.Generic;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Wire;

namespace Cpaas.Emulator.Webhooks;

using SmsSubscriptionCancellationNotification = Cpaas.Emulator.Wire.SmsSubscriptionCancellationNotification;
using SmsEventNotification = Cpaas.Emulator.Wire.SmsEventNotification;
using SmsEventType = Cpaas.Emulator.Wire.SmsEventType;
using Link = Cpaas.Emulator.Wire.Link;
using DeliveryInfo = Cpaas.Emulator.Wire.DeliveryInfo;
using DeliveryStatus = Cpaas.Emulator.Wire.DeliveryStatus;
using DeliveryInfoNotification = Cpaas.Emulator.Wire.DeliveryInfoNotification;

/// <summary>Where one notification goes: a channel's webhook, reached through one subscription.</summary>
internal sealed record WebhookTarget(string ChannelId, string SubscriptionId, string Url, string? Authorization);

/// <summary>A notification ready to POST: its kind (the body's single top-level key), id and serialized body.</summary>
internal sealed record OutgoingNotification(string Type, string Id, byte[] Body, IReadOnlyList<WebhookTarget> Targets);

/// <summary>
/// Builds the five webhook notifications with the generated envelope models: the body's top-level key is written by
/// the generated code only; <see cref="OutgoingNotification.Type"/> names it for logs and records.
/// </summary>
internal static class Notifications
{
    public const string InboundKey = "inboundSMSMessageNotification";
    public const string OutboundKey = "outboundSMSMessageNotification";
    public const string SubscriptionCancellationKey = "smsSubscriptionCancellationNotification";
    public const string EventKey = "smsEventNotification";
    public const string DeliveryInfoKey = "deliveryInfoNotification";

    public static OutgoingNotification Inbound(long now, string destination, string sender, string text, string messageId, IReadOnlyList<WebhookTarget> targets)
    {
        var id = Guid.NewGuid().ToString();
        var body = new InboundSmsMessageNotificationEnvelope
        {
            InboundSmsMessageNotification = new InboundSmsMessageNotification
            {
                InboundSmsMessage = Message(now, destination, sender, text, messageId),
                DateTime = now,
                Id = id,
            },
        };
        return new OutgoingNotification(InboundKey, id, WireBody.Serialize(body), targets);
    }

    public static OutgoingNotification Outbound(long now, string destination, string sender, string text, string messageId, IReadOnlyList<WebhookTarget> targets)
    {
        var id = Guid.NewGuid().ToString();
        var body = new OutboundSmsMessageNotificationEnvelope
        {
            OutboundSmsMessageNotification = new OutboundSmsMessageNotification
            {
                OutboundSmsMessage = Message(now, destination, sender, text, messageId),
                DateTime = now,
                Id = id,
            },
        };
        return new OutgoingNotification(OutboundKey, id, WireBody.Serialize(body), targets);
    }

    public static OutgoingNotification SubscriptionCancellation(long now, string subscriptionUrl, IReadOnlyList<WebhookTarget> targets)
    {
        var id = Guid.NewGuid().ToString();
        var body = new SmsSubscriptionCancellationNotificationEnvelope
        {
            SmsSubscriptionCancellationNotification = new SmsSubscriptionCancellationNotification
            {
                Link = [new Link { Href = subscriptionUrl, Rel = "Subscription" }],
                DateTime = now,
                Id = id,
            },
        };
        return new OutgoingNotification(SubscriptionCancellationKey, id, WireBody.Serialize(body), targets);
    }

    public static OutgoingNotification MessageDeleted(long now, string messageUrl, IReadOnlyList<WebhookTarget> targets)
    {
        var id = Guid.NewGuid().ToString();
        var body = new SmsEventNotificationEnvelope
        {
            SmsEventNotification = new SmsEventNotification
            {
                EventDescription = "A message has been deleted.",
                EventType = SmsEventType.MessageDeleted,
                Link = [new Link { Href = messageUrl, Rel = "smsMessage" }],
                DateTime = now,
                Id = id,
            },
        };
        return new OutgoingNotification(EventKey, id, WireBody.Serialize(body), targets);
    }

    /// <summary>An outbound delivery receipt: <c>deliveryInfo</c> is one object (address, status, message id).</summary>
    public static OutgoingNotification DeliveryInfo(long now, string destination, string status, string messageId, IReadOnlyList<WebhookTarget> targets)
    {
        var id = Guid.NewGuid().ToString();
        var body = new DeliveryInfoNotificationEnvelope
        {
            DeliveryInfoNotification = new DeliveryInfoNotification
            {
                DeliveryInfo = new DeliveryInfo { Address = destination, DeliveryStatus = new DeliveryStatus(status), MessageId = messageId },
                DateTime = now,
                Id = id,
            },
        };
        return new OutgoingNotification(DeliveryInfoKey, id, WireBody.Serialize(body), targets);
    }

    private static SmsNotificationMessage Message(long now, string destination, string sender, string text, string messageId) => new()
    {
        DateTime = now,
        DestinationAddress = destination,
        Message = text,
        MessageId = messageId,
        SenderAddress = sender,
    };
}
