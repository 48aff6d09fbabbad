using System;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>The real tool, as a process: the exit code of a real invocation reaches the shell.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task A_real_invocation_exits_with_the_documented_code_and_one_error_line()
    {
        var (exitCode, output, error) = await CpaasProcess.RunAsync(
            TimeSpan.FromSeconds(30), "sms", "send", "--to", Emulators.Friend, "--from", "+16130000000", "hi");

        Assert.True(exitCode == ExitCodes.ApiError, "exit " + exitCode + "\n" + output + "\n" + error);
        Assert.Equal(string.Empty, output);
        Assert.Contains("embedded", error, StringComparison.Ordinal); // no CPAAS_* variables: the embedded emulator
        Assert.Matches("(?m)^error: .*POL[0-9]{4}", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
