using System;

namespace Cpaas.Emulator.Http;

/// <summary>
/// SMS addresses as the emulator stores them. Which addresses are valid is decided by the SDK's
/// <see cref="PhoneAddress"/> (the one implementation of the rules, shared by the SDK, the emulator and the test kit);
/// this only maps the documented forms of one number onto one thread key.
/// </summary>
internal static class Addresses
{
    public static bool IsValid(string? value) => PhoneAddress.IsValid(value);

    /// <summary>An E.164 number (<c>+</c> and digits), the only form a project number can take.</summary>
    public static bool IsE164(string? value) => value is not null && value.StartsWith('+') && PhoneAddress.IsValid(value);

    /// <summary>
    /// The form used as a thread's remote address: <c>tel:+E.164</c> and <c>sip:+E.164@domain</c> become <c>+E.164</c>;
    /// other values (<c>+E.164</c>, <c>sip:digits@domain</c>) are kept unchanged. Call it on valid addresses only.
    /// </summary>
    public static string Normalize(string value)
    {
        if (value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) && IsE164(value[4..]))
        {
            return value[4..];
        }

        if (value.StartsWith("sip:+", StringComparison.OrdinalIgnoreCase) && value.IndexOf('@', StringComparison.Ordinal) is > 5 and var at
            && IsE164(value[4..at]) && PhoneAddress.IsValid(value))
        {
            return value[4..at];
        }

        return value;
    }
}
