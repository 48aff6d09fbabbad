using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>Invocations a user naturally types.</summary>
public sealed class UsabilityTests
{
    [Fact]
    public async Task Send_with_the_message_right_after_to_sends_it()
    {
        // `--to` accepts several values per token (AllowMultipleArgumentsPerToken), so today the message is swallowed
        // as a second destination and the command fails with "Required argument missing for command: 'send'".
        var run = await Cli.RunAsync("sms", "send", "--to", Emulators.Friend, "hello");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("to " + Emulators.Friend, run.Out, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_0_and_lists_the_commands()
    {
        var run = await Cli.RunAsync("--help");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        foreach (var command in new[] { "sms", "webhook", "emulator", "demo" })
        {
            Assert.Contains(command, run.Out, System.StringComparison.Ordinal);
        }
    }
}
