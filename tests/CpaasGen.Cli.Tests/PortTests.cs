using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>Issue 11/13: a port in use is one line naming it and its own exit code, never a stack trace (real processes: what the user sees).</summary>
public sealed class PortTests
{
    [Theory]
    [InlineData("webhook", "listen")]
    [InlineData("emulator")]
    public async Task A_busy_port_is_one_line_naming_the_port_and_exit_6(params string[] command)
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, output, error) = await CpaasProcess.RunAsync(TimeSpan.FromSeconds(30), command.Concat(new[] { "--port", port }).ToArray());

        Assert.True(exitCode == ExitCodes.PortUnavailable, "exit " + exitCode + "\n" + output + "\n" + error);
        var lines = (output + "\n" + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(port, line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_port_with_json_is_one_JSON_object()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await Cli.RunAsync("webhook", "listen", "--port", port, "--json");

        Assert.True(run.ExitCode == ExitCodes.PortUnavailable, run.ToString());
        Assert.Contains(port, run.Json().GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
