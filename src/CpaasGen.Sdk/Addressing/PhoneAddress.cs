using System;
using System.Diagnostics.CodeAnalysis;

namespace Cpaas;

/// <summary>
/// The address rules, in one place for the SDK, the emulator and the test kit: validates SMS addresses in the four
/// formats the Kandy documentation accepts (<c>+16131234567</c>, <c>tel:+16131234567</c>, <c>sip:+16131234567@domain</c>
/// and <c>sip:6131234567@domain</c>, 7 to 15 digits) and normalises them to one key (<see cref="Normalize"/>).
/// </summary>
public static class PhoneAddress
{
    /// <summary>The sender keyword that lets Kandy pick the user's default SMS number.</summary>
    public const string DefaultSender = "default";

    /// <summary>True when <paramref name="address"/> is in one of the four accepted formats.</summary>
    /// <param name="address">The address.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValid(string? address) => Problem(address) is null;

    /// <summary>Checks an address without an exception.</summary>
    /// <param name="address">The address.</param>
    /// <param name="error">Why it is not valid (a sentence such as "The address is empty.", numbers masked), or null when it is.</param>
    /// <returns>Whether the address is valid.</returns>
    public static bool TryValidate(string? address, [NotNullWhen(false)] out string? error)
    {
        var problem = Problem(address);
        error = problem is null ? null : "The address " + problem;
        return problem is null;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming <paramref name="field"/> when the address is not valid.</summary>
    /// <param name="address">The address.</param>
    /// <param name="field">The field name to report (for example <c>DestinationAddress</c>).</param>
    /// <exception cref="ArgumentException">The address is empty or not in an accepted format.</exception>
    public static void Validate(string? address, string field)
    {
        var problem = Problem(address);
        if (problem is not null)
        {
            throw new ArgumentException(field + " " + problem, field);
        }
    }

    /// <summary>Why an address is not valid, as a phrase completing its name ("is empty."), or null when it is.</summary>
    internal static string? Problem(string? address)
    {
        if (address is null)
        {
            return "is missing.";
        }

        if (address.Trim().Length == 0)
        {
            return "is empty.";
        }

        var span = address.AsSpan();
        if (span.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return E164(span[4..]) ? null : Describe(address, "tel: must be followed by + and 7 to 15 digits");
        }

        if (span.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = span[4..];
            var at = rest.IndexOf('@');
            if (at <= 0 || at == rest.Length - 1)
            {
                return Describe(address, "a sip: address needs the form sip:number@domain");
            }

            var user = rest[..at];
            var domain = rest[(at + 1)..];
            var userOk = user.Length > 0 && user[0] == '+' ? E164(user) : Digits(user);
            if (!userOk)
            {
                return Describe(address, "the user part of a sip: address must be 7 to 15 digits, optionally after +");
            }

            return Domain(domain) ? null : Describe(address, "the domain of a sip: address is not a valid host name");
        }

        return E164(span) ? null : Describe(address, "expected +, then 7 to 15 digits (E.164), tel:+…, or sip:…@domain");
    }

    /// <summary>True when <paramref name="address"/> is an E.164 number: <c>+</c> and 7 to 15 digits, nothing else (the form of a project number).</summary>
    /// <param name="address">The address.</param>
    /// <returns>Whether it is a bare E.164 number.</returns>
    public static bool IsE164(string? address) => address is not null && E164(address);

    /// <summary>
    /// The one form of an address used as a key (a thread's remote party, a subscribed number): the E.164 number of
    /// <c>+16131234567</c>, <c>tel:+16131234567</c> and <c>sip:+16131234567@domain</c> (all <c>+16131234567</c>); a
    /// <c>sip:</c> user without a country code (<c>sip:6131234567@domain</c>) has no E.164 form and is returned as it is.
    /// </summary>
    /// <param name="address">An address in one of the four accepted formats.</param>
    /// <returns>The normalised address.</returns>
    /// <exception cref="ArgumentException">The address is not valid (the message says why, the number masked).</exception>
    public static string Normalize(string address)
    {
        var problem = Problem(address);
        if (problem is not null)
        {
            throw new ArgumentException("The address " + problem, nameof(address));
        }

        return NormalizeValid(address);
    }

    /// <summary>Like <see cref="Normalize"/>, without an exception: false (and null) for an address that is not valid.</summary>
    /// <param name="address">The address.</param>
    /// <param name="normalized">The normalised address, or null.</param>
    /// <returns>Whether the address is valid.</returns>
    public static bool TryNormalize(string? address, [NotNullWhen(true)] out string? normalized)
    {
        normalized = Problem(address) is null ? NormalizeValid(address!) : null;
        return normalized is not null;
    }

    private static string NormalizeValid(string address)
    {
        var span = address.AsSpan();
        if (span.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return address[4..];
        }

        if (span.StartsWith("sip:+", StringComparison.OrdinalIgnoreCase))
        {
            return address[4..address.IndexOf('@', StringComparison.Ordinal)];
        }

        return address;
    }

    private static bool E164(ReadOnlySpan<char> value) => value.Length > 1 && value[0] == '+' && Digits(value[1..]);

    private static bool Digits(ReadOnlySpan<char> value)
    {
        if (value.Length < 7 || value.Length > 15)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Domain(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 253 || value[0] == '.' || value[^1] == '.' || value[0] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(string address, string reason) => "'" + PhoneMasking.Mask(address) + "' is not a valid address: " + reason + ".";
}
