using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary><c>cpaas sms threads</c> and <c>cpaas sms messages</c> after sends made through the CLI.</summary>
public sealed class HistoryTests
{
    private const string Friend = Emulators.Friend;
    private const string Local = Emulators.OwnNumber;

    [Fact]
    public async Task Threads_lists_the_thread_of_the_sends()
    {
        await using var emulator = await SentTwiceAsync();

        var text = await Cli.RunAsync(Cli.At(emulator, "sms", "threads"));
        var json = await Cli.RunAsync(Cli.At(emulator, "sms", "threads", "--json"));

        Assert.True(text.ExitCode == ExitCodes.Ok, text.ToString());
        var line = Assert.Single(text.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Local, line, StringComparison.Ordinal);
        Assert.Contains(Friend, line, StringComparison.Ordinal);
        Assert.Contains("2 message(s)", line, StringComparison.Ordinal);
        Assert.Contains("\"second\"", line, StringComparison.Ordinal);

        var thread = Assert.Single(json.Json().GetProperty("threads").EnumerateArray());
        Assert.Equal(Friend, thread.GetProperty("remoteAddress").GetString());
        Assert.Equal(Local, thread.GetProperty("localAddress").GetString());
        Assert.Equal("second", thread.GetProperty("lastText").GetString());
        Assert.Equal(2, thread.GetProperty("length").GetInt32());
    }

    [Fact]
    public async Task Threads_with_a_remote_number_and_an_empty_history()
    {
        await using var emulator = await SentTwiceAsync();

        var mine = await Cli.RunAsync(Cli.At(emulator, "sms", "threads", "--remote", Friend, "--json"));
        var none = await Cli.RunAsync(Cli.At(emulator, "sms", "threads", "--remote", "+16137654321"));

        Assert.Single(mine.Json().GetProperty("threads").EnumerateArray());
        Assert.True(none.ExitCode == ExitCodes.Ok, none.ToString());
        Assert.Equal("No threads.", none.Out.Trim());
    }

    [Fact]
    public async Task Messages_all_lists_every_message_of_the_thread()
    {
        await using var emulator = await SentTwiceAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "messages", "--remote", Friend, "--local", Local, "--all"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"first\"", StringComparison.Ordinal) && l.Contains("Outbound", StringComparison.Ordinal) && l.Contains("DeliveredToNetwork", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"second\"", StringComparison.Ordinal));
        Assert.DoesNotContain("more: --next", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_all_follows_the_pages_and_max_alone_prints_the_next_pointer()
    {
        await using var emulator = await SentTwiceAsync();

        var all = await Cli.RunAsync(Cli.At(emulator, "sms", "messages", "--remote", Friend, "--local", Local, "--all", "--max", "1", "--json"));
        var onePage = await Cli.RunAsync(Cli.At(emulator, "sms", "messages", "--remote", Friend, "--local", Local, "--max", "1"));

        Assert.True(all.ExitCode == ExitCodes.Ok, all.ToString());
        Assert.Equal(new[] { "first", "second" }, all.Json().GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("message").GetString()).Order());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, all.Json().GetProperty("next").ValueKind);
        Assert.True(onePage.ExitCode == ExitCodes.Ok, onePage.ToString());
        Assert.Contains("more: --next ", onePage.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_includes_an_inbound_SMS()
    {
        await using var emulator = await SentTwiceAsync();
        await emulator.SimulateInboundSmsAsync(Friend, Local, "a reply");

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "messages", "--remote", Friend, "--local", Local, "--json"));

        var inbound = Assert.Single(run.Json().GetProperty("messages").EnumerateArray(), m => m.GetProperty("type").GetString() == "Inbound");
        Assert.Equal("a reply", inbound.GetProperty("message").GetString());
    }

    /// <summary>An emulator in which the CLI sent "first" then "second" from its default number to <see cref="Friend"/>.</summary>
    private static async Task<Cpaas.Emulator.CpaasEmulator> SentTwiceAsync()
    {
        var emulator = await Emulators.StartAsync();
        try
        {
            foreach (var text in new[] { "first", "second" })
            {
                var run = await Cli.RunAsync(Cli.At(emulator, "sms", "send", "--to", Friend, "--from", "default", text));
                Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
            }

            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }
}
