using System.Text.RegularExpressions;

namespace Cpaas.Emulator.Internal;

/// <summary>Validation and normalisation of SMS addresses in the four documented forms.</summary>
internal static partial class Addresses
{
    // +16131234567 (E.164: a country code not starting with 0, at most 15 digits in total).
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    // tel:+16131234567
    [GeneratedRegex(@"^tel:(\+[1-9][0-9]{6,14})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Tel();

    // sip:+16131234567@domain
    [GeneratedRegex(@"^sip:(\+[1-9][0-9]{6,14})@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SipE164();

    // sip:6131234567@domain
    [GeneratedRegex(@"^sip:[0-9]{3,15}@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SipDigits();

    public static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    /// <summary>True for +E.164, tel:+E.164, sip:+E.164@domain and sip:digits@domain.</summary>
    public static bool IsValid(string? value) =>
        value is not null && (E164().IsMatch(value) || Tel().IsMatch(value) || SipE164().IsMatch(value) || SipDigits().IsMatch(value));

    /// <summary>
    /// The form used as a thread's remote address: tel:+E.164 and sip:+E.164@domain become +E.164; other values are
    /// kept unchanged.
    /// </summary>
    public static string Normalize(string value)
    {
        var m = Tel().Match(value);
        if (m.Success)
        {
            return m.Groups[1].Value;
        }
        m = SipE164().Match(value);
        return m.Success ? m.Groups[1].Value : value;
    }
}
