using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>
/// Issue 13: anyone who can text the number controls the message text (and, on a webhook, the sender field). Human
/// output escapes every control character, so nothing a sender writes can clear, recolour or retitle the terminal.
/// </summary>
public sealed class HostileTextTests
{
    /// <summary>Clear screen, red, set the window title (OSC … BEL), a C1 CSI, a bidi override, a newline that fakes a line.</summary>
    internal const string Hostile = "\u001b[2J\u001b[31mEVIL\u001b]0;title\u0007 \u009b31m \u202eevil\u202c\nerror: fake line";

    [Fact]
    public void Escape_leaves_nothing_a_terminal_acts_on_and_keeps_ordinary_text()
    {
        var escaped = TerminalText.Escape(Hostile);

        AssertInert(escaped);
        Assert.Equal("\\e[2J\\e[31mEVIL\\e]0;title\\a \\u009B31m \\u202Eevil\\u202C\\nerror: fake line", escaped);
        Assert.Equal("héllo 👋 +1613…  \"quoted\"", TerminalText.Escape("héllo 👋 +1613…  \"quoted\""));
        Assert.Equal(string.Empty, TerminalText.Escape(null));
    }

    [Fact]
    public async Task Messages_and_threads_print_a_hostile_inbound_SMS_escaped()
    {
        await using var emulator = await Emulators.StartAsync();
        await emulator.SimulateInboundSmsAsync(Emulators.Friend, Emulators.OwnNumber, Hostile);

        var messages = await Cli.RunAsync(Cli.At(emulator, "sms", "messages", "--remote", Emulators.Friend, "--local", Emulators.OwnNumber));
        var threads = await Cli.RunAsync(Cli.At(emulator, "sms", "threads"));
        var json = await Cli.RunAsync(Cli.At(emulator, "sms", "messages", "--remote", Emulators.Friend, "--local", Emulators.OwnNumber, "--json"));

        Assert.True(messages.ExitCode == ExitCodes.Ok, messages.ToString());
        Assert.True(threads.ExitCode == ExitCodes.Ok, threads.ToString());
        foreach (var run in new[] { messages, threads })
        {
            AssertInert(run.Out);
            Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the newline did not fake a second line
            Assert.Contains("\\e[2J\\e[31mEVIL", run.Out, StringComparison.Ordinal);
        }

        // --json keeps the exact text (JSON escapes it).
        Assert.Equal(Hostile, json.Json().GetProperty("messages")[0].GetProperty("message").GetString());
    }

    internal static void AssertInert(string output)
    {
        foreach (var c in output)
        {
            Assert.False(c != '\n' && (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'), "raw U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " in: " + output);
        }
    }
}
