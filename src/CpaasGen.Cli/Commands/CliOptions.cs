using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Cpaas.Cli.Commands;

/// <summary>Options several commands share, parsed so that a bad value is a usage error naming the flag (never an exception).</summary>
internal static class CliOptions
{
    /// <summary><c>--max</c>: a page size of 1 or more.</summary>
    public static Option<int?> PageSize() => new("--max")
    {
        Description = "Page size (1 or more).",
        CustomParser = result => ParseInt(result, "--max", 1, int.MaxValue, "a whole number of 1 or more"),
    };

    /// <summary><c>--port</c> on 127.0.0.1: 0 (any free port) to 65535.</summary>
    public static Option<int> Port(int defaultPort) => new("--port")
    {
        Description = "Port on 127.0.0.1 (0 = any free port).",
        DefaultValueFactory = _ => defaultPort,
        CustomParser = result => ParseInt(result, "--port", 0, 65535, "a port from 0 to 65535") ?? defaultPort,
    };

    /// <summary>A whole-number option from <paramref name="min"/> to <paramref name="max"/>, with a default.</summary>
    public static Option<int> Range(string name, int min, int max, int defaultValue, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseInt(result, name, min, max, "a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture)) ?? defaultValue,
    };

    private static int? ParseInt(ArgumentResult result, string flag, int min, int max, string expected)
    {
        var token = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
        if (token is null)
        {
            return null;
        }

        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError(flag + " must be " + expected + "; '" + TerminalText.Escape(token) + "' is not.");
        return null;
    }
}
