using System;
using System.Diagnostics.CodeAnalysis;

namespace Cpaas;

/// <summary>
/// Validates the e-mail addresses a two-factor code can be sent to: <c>local@domain</c>, one <c>@</c>, an ASCII local
/// part of at most 64 characters (letters, digits, <c>.</c> not first, last or doubled, and
/// <c>!#$%&amp;'*+/=?^_`{|}~-</c>), a host name of at least two labels, at most 254 characters in all. Quoted local
/// parts, IP-address domains, display names (<c>John &lt;john@example.com&gt;</c>) and non-ASCII addresses are refused:
/// give the plain address (a non-ASCII domain in its <c>xn--</c> form). The one implementation of the rule, shared by the
/// SDK, the emulator and the CLI, as <see cref="PhoneAddress"/> is for numbers.
/// </summary>
public static class EmailAddress
{
    /// <summary>The longest address accepted (RFC 5321's path limit, less the angle brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>True when <paramref name="address"/> is a plain e-mail address.</summary>
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
    /// <exception cref="ArgumentException">The address is empty or not a plain e-mail address.</exception>
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

        var value = address.AsSpan().Trim();
        if (value.Length == 0)
        {
            return "is empty.";
        }

        if (value.Length > MaxLength)
        {
            return "is longer than " + MaxLength + " characters, so it is not an e-mail address.";
        }

        var at = value.IndexOf('@');
        if (at < 0 || value.LastIndexOf('@') != at)
        {
            return Describe(address, "an e-mail address has exactly one @, as in name@example.com");
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        if (!Local(local))
        {
            return Describe(address, "the part before @ must be 1 to 64 letters, digits or !#$%&'*+/=?^_`{|}~.- (no leading, trailing or double dot)");
        }

        return Domain(domain) ? null : Describe(address, "the part after @ must be a host name such as example.com");
    }

    /// <summary>
    /// Masks an address for logs and messages: the first character of the local part, then <c>***</c>, then the domain
    /// (<c>john.doe@example.com</c> → <c>j***@example.com</c>). Text that is not an address keeps only its first character.
    /// </summary>
    /// <param name="address">An e-mail address.</param>
    /// <returns>The masked text; <c>(none)</c> for null.</returns>
    public static string Mask(string? address)
    {
        if (address is null)
        {
            return "(none)";
        }

        var trimmed = address.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        var at = trimmed.LastIndexOf('@');
        return at > 0 ? trimmed[0] + "***" + trimmed[at..] : trimmed[0] + "***";
    }

    private static bool Local(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 64 || value[0] == '.' || value[^1] == '.' || value.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".Contains(c, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Domain(ReadOnlySpan<char> value)
    {
        // At least two labels, and a top-level label with a letter (no IP addresses such as 10.0.0.1).
        var lastDot = value.LastIndexOf('.');
        if (value.Length is 0 or > 253 || lastDot < 0 || !value[(lastDot + 1)..].ContainsAnyInRange('A', 'Z') && !value[(lastDot + 1)..].ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        foreach (var range in value.Split('.'))
        {
            var label = value[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Describe(string address, string reason) => "'" + Mask(address) + "' is not a valid e-mail address: " + reason + ".";
}
