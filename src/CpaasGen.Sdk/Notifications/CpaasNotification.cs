using System;
using System.Collections.Generic;

namespace Cpaas;

/// <summary>
/// A webhook notification from Kandy, as returned by <see cref="Notification.Parse(string)"/>. Switch on the
/// subtype: <see cref="InboundSmsNotification"/>, <see cref="OutboundSmsNotification"/>,
/// <see cref="SmsSubscriptionCancellationNotification"/>, <see cref="SmsEventNotification"/>,
/// <see cref="DeliveryInfoNotification"/> or <see cref="UnknownNotification"/>. <see cref="object.ToString"/> never shows message text and masks numbers.
/// </summary>
public abstract class CpaasNotification
{
    private protected CpaasNotification(string type, string? notificationId, long? notificationDateTime)
    {
        Type = type;
        NotificationId = notificationId;
        NotificationDateTime = notificationDateTime;
    }

    /// <summary>The kind, as the seed names it: <c>inbound</c>, <c>outbound</c>, <c>subscriptionCancel</c>, <c>event</c>, <c>deliveryInfo</c>, or the unknown top-level key.</summary>
    public string Type { get; }

    /// <summary>The notification's id (the envelope's <c>id</c>): use it to drop duplicate deliveries.</summary>
    public string? NotificationId { get; }

    /// <summary>When Kandy sent the notification (the envelope's <c>dateTime</c>), epoch as sent.</summary>
    public long? NotificationDateTime { get; }

    /// <summary><see cref="NotificationDateTime"/> as a <see cref="DateTimeOffset"/> (seconds or milliseconds inferred, see <see cref="EpochTime"/>).</summary>
    public DateTimeOffset? NotificationDateTimeOffset => EpochTime.ToDateTimeOffset(NotificationDateTime);

    /// <summary>A safe description.</summary>
    /// <returns>Type and id.</returns>
    public override string ToString() => GetType().Name + " { Type = " + Type + ", NotificationId = " + NotificationId + Details() + " }";

    private protected virtual string Details() => string.Empty;
}

/// <summary>An SMS notification (inbound or outbound-sync): the message's fields, flat, as in the seed.</summary>
public abstract class SmsMessageNotification : CpaasNotification
{
    private protected SmsMessageNotification(string type, string? notificationId, long? notificationDateTime, long? dateTime, string? destinationAddress, string? message, string? messageId, string? senderAddress)
        : base(type, notificationId, notificationDateTime)
    {
        DateTime = dateTime;
        DestinationAddress = destinationAddress;
        Message = message;
        MessageId = messageId;
        SenderAddress = senderAddress;
    }

    /// <summary>When the message was sent or received (the message's own <c>dateTime</c>), epoch as sent.</summary>
    public long? DateTime { get; }

    /// <summary><see cref="DateTime"/> as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset? DateTimeOffset => EpochTime.ToDateTimeOffset(DateTime);

    /// <summary>The number the message went to.</summary>
    public string? DestinationAddress { get; }

    /// <summary>The message text; null for a message without text (the browser SDK reads an attachment instead).</summary>
    public string? Message { get; }

    /// <summary>The message id, when the notification carries it.</summary>
    public string? MessageId { get; }

    /// <summary>The number the message came from.</summary>
    public string? SenderAddress { get; }

    private protected override string Details()
        => ", MessageId = " + MessageId + ", SenderAddress = " + PhoneMasking.MaskAddress(SenderAddress) + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress);
}

/// <summary>An SMS was received by one of your subscribed numbers (<c>inboundSMSMessageNotification</c>).</summary>
public sealed class InboundSmsNotification : SmsMessageNotification
{
    internal InboundSmsNotification(string? notificationId, long? notificationDateTime, long? dateTime, string? destinationAddress, string? message, string? messageId, string? senderAddress)
        : base("inbound", notificationId, notificationDateTime, dateTime, destinationAddress, message, messageId, senderAddress)
    {
    }
}

/// <summary>An SMS was sent from one of your numbers by any client (<c>outboundSMSMessageNotification</c>, "real-time outbound SMS sync").</summary>
public sealed class OutboundSmsNotification : SmsMessageNotification
{
    internal OutboundSmsNotification(string? notificationId, long? notificationDateTime, long? dateTime, string? destinationAddress, string? message, string? messageId, string? senderAddress)
        : base("outbound", notificationId, notificationDateTime, dateTime, destinationAddress, message, messageId, senderAddress)
    {
    }
}

/// <summary>A subscription was cancelled, for example because its number was unassigned (<c>smsSubscriptionCancellationNotification</c>).</summary>
public sealed class SmsSubscriptionCancellationNotification : CpaasNotification
{
    internal SmsSubscriptionCancellationNotification(string? notificationId, long? notificationDateTime, string? subscriptionId, string? subscriptionUrl)
        : base("subscriptionCancel", notificationId, notificationDateTime)
    {
        SubscriptionId = subscriptionId;
        SubscriptionUrl = subscriptionUrl;
    }

    /// <summary>The cancelled subscription's id (last segment of <c>link[0].href</c>).</summary>
    public string? SubscriptionId { get; }

    /// <summary>The cancelled subscription's resource URL (<c>link[0].href</c>).</summary>
    public string? SubscriptionUrl { get; }

    private protected override string Details() => ", SubscriptionId = " + SubscriptionId;
}

/// <summary>Something happened to a stored message, such as its deletion (<c>smsEventNotification</c>).</summary>
public sealed class SmsEventNotification : CpaasNotification
{
    internal SmsEventNotification(string? notificationId, long? notificationDateTime, string? messageId, string? messageUrl, SmsEventDetails eventDetails)
        : base("event", notificationId, notificationDateTime)
    {
        MessageId = messageId;
        MessageUrl = messageUrl;
        EventDetails = eventDetails;
    }

    /// <summary>The message the event is about (last segment of <c>link[0].href</c>).</summary>
    public string? MessageId { get; }

    /// <summary>The message's resource URL (<c>link[0].href</c>).</summary>
    public string? MessageUrl { get; }

    /// <summary>What happened.</summary>
    public SmsEventDetails EventDetails { get; }

    private protected override string Details() => ", MessageId = " + MessageId + ", EventType = " + EventDetails.Type;
}

/// <summary>The details of an <see cref="SmsEventNotification"/>.</summary>
public sealed class SmsEventDetails
{
    internal SmsEventDetails(string? description, string? type)
    {
        Description = description;
        Type = type;
    }

    /// <summary>A human-readable description (<c>eventDescription</c>), e.g. "A message has been deleted.".</summary>
    public string? Description { get; }

    /// <summary>The event type (<c>eventType</c>), e.g. <c>MessageDeleted</c>.</summary>
    public string? Type { get; }
}

/// <summary>
/// An outbound delivery receipt (<c>deliveryInfoNotification</c>): the delivery status of a message sent from one of
/// your numbers, for one destination.
/// </summary>
public sealed class DeliveryInfoNotification : CpaasNotification
{
    internal DeliveryInfoNotification(string? notificationId, long? notificationDateTime, string? destinationAddress, DeliveryStatus deliveryStatus, string? messageId)
        : base("deliveryInfo", notificationId, notificationDateTime)
    {
        DestinationAddress = destinationAddress;
        DeliveryStatus = deliveryStatus;
        MessageId = messageId;
    }

    /// <summary>The destination the status is for (the receipt's <c>address</c>, or <c>destinationAddress</c>).</summary>
    public string? DestinationAddress { get; }

    /// <summary>The delivery status, for example <see cref="DeliveryStatus.DeliveredToTerminal"/> or <see cref="DeliveryStatus.DeliveryImpossible"/>.</summary>
    public DeliveryStatus DeliveryStatus { get; }

    /// <summary>The sent message's id (<see cref="CreateMessageResult.MessageId"/>), when the receipt names it.</summary>
    public string? MessageId { get; }

    private protected override string Details()
        => ", MessageId = " + MessageId + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress) + ", DeliveryStatus = " + DeliveryStatus;
}

/// <summary>
/// A notification whose top-level key this SDK does not know; the raw JSON is kept. When its value is an object with
/// an <c>id</c> string and a <c>dateTime</c> number (as every Kandy notification envelope has), they are
/// <see cref="CpaasNotification.NotificationId"/> and <see cref="CpaasNotification.NotificationDateTime"/>, so duplicate
/// deliveries of it can be recognised too.
/// </summary>
public sealed class UnknownNotification : CpaasNotification
{
    internal UnknownNotification(string key, string? notificationId, long? notificationDateTime, string rawJson)
        : base(key, notificationId, notificationDateTime)
    {
        RawJson = rawJson;
    }

    /// <summary>The whole notification body as received.</summary>
    public string RawJson { get; }
}

/// <summary>A webhook body that is not a valid Kandy notification. Carries where parsing stopped.</summary>
public sealed class CpaasNotificationParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="bytePosition">The byte offset where parsing stopped, when known.</param>
    /// <param name="lineNumber">The 0-based line, when known.</param>
    /// <param name="innerException">The JSON error.</param>
    public CpaasNotificationParseException(string message, long? bytePosition = null, long? lineNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        BytePosition = bytePosition;
        LineNumber = lineNumber;
    }

    /// <summary>The byte offset in the body where parsing stopped, when known.</summary>
    public long? BytePosition { get; }

    /// <summary>The 0-based line where parsing stopped, when known.</summary>
    public long? LineNumber { get; }
}
