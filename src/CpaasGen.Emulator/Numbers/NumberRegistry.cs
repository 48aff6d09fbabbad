using System;
using System.Collections.Generic;

namespace Cpaas.Emulator.Numbers;

/// <summary>
/// The numbers assigned to the project, in order: the first is the default SMS number. Not thread-safe: used under
/// <see cref="State.EmulatorState.Gate"/>.
/// </summary>
internal sealed class NumberRegistry(IEnumerable<string> numbers)
{
    private readonly List<string> _numbers = [.. numbers];

    /// <summary>The default SMS number (what the sender <c>default</c> and a subscription without a number use), or null when none is left.</summary>
    public string? Default => _numbers.Count > 0 ? _numbers[0] : null;

    public bool Owns(string number) => _numbers.Contains(number);

    public bool Unassign(string number) => _numbers.Remove(number);

    public IReadOnlyList<string> Snapshot() => [.. _numbers];

    /// <summary>
    /// The number a sender path segment stands for: <c>default</c> and the user id (the vendor's SDK docs: the sender
    /// "can either have default or the same value as the userId") are the default number; anything else is itself.
    /// </summary>
    public string? ResolveSender(string senderSegment, string userId)
        => string.Equals(senderSegment, PhoneAddress.DefaultSender, StringComparison.OrdinalIgnoreCase)
           || string.Equals(senderSegment, userId, StringComparison.Ordinal)
            ? Default
            : senderSegment;
}
