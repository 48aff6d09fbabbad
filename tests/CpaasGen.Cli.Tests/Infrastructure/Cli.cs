using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cpaas.Emulator;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>What one in-process run of the CLI produced.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Out); // the whole of stdout must be the JSON document
        return document.RootElement.Clone();
    }

    public override string ToString() => "exit " + ExitCode + "\n--- stdout\n" + Out + "--- stderr\n" + Err;
}

/// <summary>Runs <c>new CliApp(out, err, env).RunAsync(args)</c> with StringWriters and a controlled environment.</summary>
internal static class Cli
{
    /// <summary>No CPAAS_* variable at all, whatever the machine running the tests has.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(NoEnvironment, args);

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) => RunWithInputAsync(environment, string.Empty, args);

    /// <summary>Runs the CLI with <paramref name="input"/> as its standard input.</summary>
    public static async Task<CliRun> RunWithInputAsync(IReadOnlyDictionary<string, string> environment, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var app = new CliApp(output, error, name => environment.TryGetValue(name, out var value) ? value : null, reader);
        var exitCode = await app.RunAsync(args);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The args plus <c>--base-url</c> of <paramref name="emulator"/> and its credentials (the CLI sends no default
    /// credentials to a server it did not start itself).
    /// </summary>
    public static string[] At(CpaasEmulator emulator, params string[] args)
        => args.Concat(new[] { "--base-url", BaseUrl(emulator), "--client-id", emulator.Options.ClientId, "--client-secret", emulator.Options.ClientSecret }).ToArray();

    public static string BaseUrl(CpaasEmulator emulator) => emulator.BaseUrl.GetLeftPart(UriPartial.Authority);

    /// <summary>An API failure as the CLI promises it: exactly one line on stderr, "error: …", no stack trace, nothing on stdout.</summary>
    public static string AssertOneErrorLine(CliRun run)
    {
        var line = Assert.Single(run.ErrLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", run.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
        return line;
    }
}
