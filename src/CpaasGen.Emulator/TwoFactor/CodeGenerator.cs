using System.Security.Cryptography;
using System.Text;

namespace Cpaas.Emulator.TwoFactor;

/// <summary>
/// Generates two-factor codes with the cryptographic random number generator, uniformly over the format's characters:
/// <c>numeric</c> digits, <c>alphabetic</c> upper-case letters A–Z, <c>alphanumeric</c> both. Letters are upper case and
/// a typed code is compared ignoring case (<see cref="Matches"/>), so a user who types <c>k7q2</c> for <c>K7Q2</c> is
/// not refused.
/// </summary>
internal static class CodeGenerator
{
    public const string Numeric = "numeric";
    public const string Alphanumeric = "alphanumeric";
    public const string Alphabetic = "alphabetic";

    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string LettersAndDigits = Letters + Digits;

    /// <summary>A new code of <paramref name="length"/> characters of the format <paramref name="type"/> (a known one).</summary>
    public static string New(int length, string type)
        => RandomNumberGenerator.GetString(type switch
        {
            Alphabetic => Letters,
            Alphanumeric => LettersAndDigits,
            _ => Digits,
        }, length);

    /// <summary>Whether <paramref name="typed"/> is <paramref name="code"/> (ignoring case and surrounding whitespace), in time independent of where they differ.</summary>
    public static bool Matches(string code, string typed)
    {
        var expected = Encoding.UTF8.GetBytes(code);
        var given = Encoding.UTF8.GetBytes(typed.Trim().ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
