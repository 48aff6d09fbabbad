using System;
using System.Globalization;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>Tiny "--name value" option reader for the non-BenchmarkDotNet modes.</summary>
internal static class Cli
{
    public static string? Get(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static double GetDouble(string[] args, string name, double fallback)
        => Get(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static int GetInt(string[] args, string name, int fallback)
        => Get(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
