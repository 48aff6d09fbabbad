using System;
using System.Globalization;

namespace Cpaas;

/// <summary>
/// How long an access token is used: the JWT's <c>exp − iat</c>, else the response's <c>expires_in</c>, else 10 minutes;
/// measured from when the token was received (a skewed server clock cannot cause a refresh loop) and clamped to
/// [1 minute, 24 hours]. Times in milliseconds (as some servers send them) are recognised by an <c>iat</c> past the year
/// 5138 in seconds. Whatever the server sent, the result is a usable lifetime — never an exception on every call —
/// and <see cref="Adjustment"/> says what was changed, for one log line.
/// </summary>
internal readonly record struct TokenLifetime(TimeSpan Value, string? Adjustment)
{
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);
    public static readonly TimeSpan Fallback = TimeSpan.FromMinutes(10);

    /// <summary>100,000,000,000 s is in the year 5138: a Unix time beyond it is in milliseconds.</summary>
    private const double MillisecondsThreshold = 100_000_000_000;

    public static TokenLifetime From(double? issuedAt, double? expiresAt, double? expiresIn)
    {
        double seconds;
        string? adjustment = null;
        if (issuedAt is { } iat && expiresAt is { } exp && exp - iat > 0)
        {
            seconds = exp - iat;
            if (iat > MillisecondsThreshold)
            {
                seconds /= 1000;
                adjustment = "the access token's iat/exp are in milliseconds";
            }
        }
        else if (expiresIn is { } inSeconds && double.IsFinite(inSeconds) && inSeconds > 0)
        {
            seconds = inSeconds;
        }
        else
        {
            return new TokenLifetime(Fallback, "the token response has no usable lifetime (no exp after iat, no positive expires_in)");
        }

        if (!double.IsFinite(seconds) || seconds > Maximum.TotalSeconds)
        {
            return new TokenLifetime(Maximum, Join(adjustment, "the server's lifetime of " + Describe(seconds) + " is longer than " + Maximum.TotalHours.ToString(CultureInfo.InvariantCulture) + " h"));
        }

        if (seconds < Minimum.TotalSeconds)
        {
            return new TokenLifetime(Minimum, Join(adjustment, "the server's lifetime of " + Describe(seconds) + " is shorter than " + Minimum.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s"));
        }

        return new TokenLifetime(TimeSpan.FromSeconds(seconds), adjustment);
    }

    private static string Describe(double seconds)
        => double.IsFinite(seconds) ? seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "an overflowing value";

    private static string Join(string? first, string second) => first is null ? second : first + "; " + second;
}
