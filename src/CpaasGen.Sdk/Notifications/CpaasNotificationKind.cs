using System;

namespace Cpaas;

/// <summary>
/// The kind of a <see cref="CpaasNotification"/>, as Kandy's SDKs name it (<c>inbound</c>, <c>outbound</c>, <c>subscriptionCancel</c>, <c>event</c>, <c>deliveryInfo</c>); for an <see cref="UnknownNotification"/>, its top-level key.
/// Extensible: any other value is kept (see <see cref="IsKnown"/>); comparisons ignore case.
/// </summary>
public readonly struct CpaasNotificationKind : IEquatable<CpaasNotificationKind>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value.</param>
    public CpaasNotificationKind(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>An SMS received by one of your numbers (<see cref="InboundSmsNotification"/>).</summary>
    public static CpaasNotificationKind Inbound { get; } = new("inbound");

    /// <summary>An SMS sent from one of your numbers by any client (<see cref="OutboundSmsNotification"/>).</summary>
    public static CpaasNotificationKind Outbound { get; } = new("outbound");

    /// <summary>A subscription was cancelled (<see cref="SmsSubscriptionCancellationNotification"/>).</summary>
    public static CpaasNotificationKind SubscriptionCancel { get; } = new("subscriptionCancel");

    /// <summary>Something happened to a stored message (<see cref="SmsEventNotification"/>).</summary>
    public static CpaasNotificationKind Event { get; } = new("event");

    /// <summary>A delivery receipt (<see cref="DeliveryInfoNotification"/>).</summary>
    public static CpaasNotificationKind DeliveryInfo { get; } = new("deliveryInfo");

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the values this version of the SDK documents.</summary>
    public bool IsKnown => Equals(Inbound) || Equals(Outbound) || Equals(SubscriptionCancel) || Equals(Event) || Equals(DeliveryInfo);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator ==(CpaasNotificationKind left, CpaasNotificationKind right) => left.Equals(right);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator !=(CpaasNotificationKind left, CpaasNotificationKind right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(CpaasNotificationKind other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CpaasNotificationKind other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
