using System;

namespace Cpaas;

/// <summary>
/// The direction of a stored message (the API's <c>type</c>): <see cref="Inbound"/> or <see cref="Outbound"/>.
/// Extensible: any other value the API sends is kept (see <see cref="IsKnown"/>); comparisons ignore case.
/// </summary>
public readonly struct SmsMessageDirection : IEquatable<SmsMessageDirection>
{
    private readonly string? _value;

    /// <summary>Creates a direction from its wire value.</summary>
    /// <param name="value">The value.</param>
    public SmsMessageDirection(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Received by your number.</summary>
    public static SmsMessageDirection Inbound { get; } = new("Inbound");

    /// <summary>Sent from your number.</summary>
    public static SmsMessageDirection Outbound { get; } = new("Outbound");

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the documented values.</summary>
    public bool IsKnown => Equals(Inbound) || Equals(Outbound);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator ==(SmsMessageDirection left, SmsMessageDirection right) => left.Equals(right);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator !=(SmsMessageDirection left, SmsMessageDirection right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(SmsMessageDirection other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SmsMessageDirection other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
