using System;

namespace Cpaas;

/// <summary>
/// A webhook notification from Kandy, as returned by <see cref="Notification.Parse(string)"/>. Switch on the
/// subtype: <see cref="InboundSmsNotification"/>, <see cref="OutboundSmsNotification"/>,
/// <see cref="SmsSubscriptionCancellationNotification"/>, <see cref="SmsEventNotification"/>,
/// <see cref="DeliveryInfoNotification"/> or <see cref="UnknownNotification"/>; each known subtype exposes the generated
/// wire model it reads through as <c>ApiModel</c>. <see cref="object.ToString"/> never shows message text and masks numbers.
/// Build notifications for tests with <see cref="CpaasModelFactory"/>.
/// </summary>
public abstract class CpaasNotification
{
    private protected CpaasNotification()
    {
    }

    /// <summary>The kind, as Kandy's SDKs name it: <c>inbound</c>, <c>outbound</c>, <c>subscriptionCancel</c>, <c>event</c>, <c>deliveryInfo</c>, or an unknown notification's top-level key.</summary>
    public abstract CpaasNotificationKind Kind { get; }

    /// <summary>The notification's id (the envelope's <c>id</c>): use it to drop duplicate deliveries.</summary>
    public string? NotificationId => WireId;

    /// <summary>When Kandy sent the notification (the envelope's <c>dateTime</c>).</summary>
    public DateTimeOffset? NotifiedOn => EpochTime.ToDateTimeOffset(WireDateTime);

    private protected abstract string? WireId { get; }

    private protected abstract long? WireDateTime { get; }

    /// <summary>A safe description.</summary>
    /// <returns>Kind and id.</returns>
    public override string ToString() => GetType().Name + " { Kind = " + Kind + ", NotificationId = " + NotificationId + Details() + " }";

    private protected virtual string Details() => string.Empty;
}
