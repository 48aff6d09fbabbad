using System;

namespace Cpaas;

/// <summary>
/// The delivery status Kandy reports for a message: <see cref="DeliveredToNetwork"/>, <see cref="DeliveryImpossible"/>
/// or <see cref="DeliveredToTerminal"/>. Extensible: any other value the API sends is kept (see <see cref="IsKnown"/>);
/// comparisons ignore case.
/// </summary>
public readonly struct DeliveryStatus : IEquatable<DeliveryStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The value.</param>
    public DeliveryStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The message was handed to the network.</summary>
    public static DeliveryStatus DeliveredToNetwork { get; } = new("DeliveredToNetwork");

    /// <summary>The message cannot be delivered.</summary>
    public static DeliveryStatus DeliveryImpossible { get; } = new("DeliveryImpossible");

    /// <summary>The message reached the handset (reported for stored messages).</summary>
    public static DeliveryStatus DeliveredToTerminal { get; } = new("DeliveredToTerminal");

    /// <summary>The wire value (empty for <c>default</c>).</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the three documented values.</summary>
    public bool IsKnown => Equals(DeliveredToNetwork) || Equals(DeliveryImpossible) || Equals(DeliveredToTerminal);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator ==(DeliveryStatus left, DeliveryStatus right) => left.Equals(right);

    /// <summary>Compares, ignoring case.</summary>
    /// <param name="left">First.</param>
    /// <param name="right">Second.</param>
    public static bool operator !=(DeliveryStatus left, DeliveryStatus right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(DeliveryStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is DeliveryStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire value.</summary>
    /// <returns>The value.</returns>
    public override string ToString() => Value;
}
