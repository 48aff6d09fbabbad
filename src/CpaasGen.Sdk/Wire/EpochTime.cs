using System;

namespace Cpaas;

/// <summary>
/// Epoch timestamps as Kandy sends them: real traffic is milliseconds, some documented examples are seconds. Values at
/// or above <see cref="MillisecondsThreshold"/> are read as milliseconds, smaller ones as seconds.
/// </summary>
internal static class EpochTime
{
    /// <summary>10^11: as milliseconds, 1973; as seconds, the year 5138.</summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>The instant of an epoch value; null for null, negative or out-of-range values.</summary>
    public static DateTimeOffset? ToDateTimeOffset(long? value)
    {
        if (value is not { } v || v < 0)
        {
            return null;
        }

        try
        {
            return v >= MillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(v) : DateTimeOffset.FromUnixTimeSeconds(v);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>An instant as epoch milliseconds (the unit of real traffic); null for null.</summary>
    public static long? ToMilliseconds(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();
}
