using System;

namespace Cpaas;

/// <summary>
/// What happened to a stored message in an <see cref="SmsEventNotification"/> (the API's <c>eventType</c>), for example <see cref="MessageDeleted"/>.
/// Extensible: any other value is kept (see <see cref="IsKnown"/>); comparisons ignore case.
/// </summary>
public readonly struct SmsEventType : IEquatable<SmsEventType>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value.</param>
    public SmsEventType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The message was deleted.</summary>
    public static SmsEventType MessageDeleted { get; } = new("MessageDeleted");

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the values this version of the SDK documents.</summary>
    public bool IsKnown => Equals(MessageDeleted);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator ==(SmsEventType left, SmsEventType right) => left.Equals(right);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator !=(SmsEventType left, SmsEventType right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(SmsEventType other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SmsEventType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
