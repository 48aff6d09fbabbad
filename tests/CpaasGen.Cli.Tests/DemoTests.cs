using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary><c>cpaas demo</c>: the whole SMS guide against an embedded emulator.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_exits_0_within_60_seconds_and_shows_every_step()
    {
        var clock = Stopwatch.StartNew();
        var run = await Cli.RunAsync("demo").WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
        var o = run.Out;
        Assert.Contains("── 1. Send \"hi :)\" to +16131234567 from \"default\"", o, StringComparison.Ordinal);
        Assert.Contains("Sent from +16135550100  (\"default\" resolved by Kandy)", o, StringComparison.Ordinal); // send from default
        Assert.Matches(@"Subscribed \+16135550100  subscription [0-9a-f-]{36}", o); // subscribe
        Assert.Matches("webhook received  inbound   \\+16131234567 → \\+16135550100  \"hi back!\"", o); // inbound
        Assert.Matches("webhook received  outbound  \\+16135550100 → \\+16131234567  \"glad you got it\"", o); // outbound sync
        Assert.Matches("  Inbound  DeliveredToTerminal  \"hi back!\"", o); // the history
        Assert.Matches("webhook received  subscriptionCancel  subscription [0-9a-f-]{36} was cancelled", o); // cancellation
        Assert.Matches("CpaasApiException 403 POL[0-9]{4}", o); // the 403
        Assert.Contains("── 8. Two-factor authentication: send a code by SMS to +16131234567", o, StringComparison.Ordinal);
        Assert.Matches("handset \\+16131234567 received from \\+16135550101:  \"Your Kandy demo code is [0-9]{6}\"", o); // read from the history, as a phone would
        Assert.Matches("verify a wrong code      [0-9]{6}  → Not verified: Code invalid or expired", o);
        Assert.Matches("verify the code received [0-9]{6}  → Verified", o);
        Assert.Matches("verify the same, again   [0-9]{6}  → Not verified: Code invalid or expired", o);
        Assert.Contains("Done in ", o, StringComparison.Ordinal);
        Assert.Matches(@"Inbox page +http://127\.0\.0\.1:[0-9]+/ ", o); // the page, while it runs (issue 14)
        Assert.DoesNotContain("error:", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_with_keep_running_serves_its_inbox_page_until_ctrl_c()
    {
        using var demo = CpaasProcess.Start("demo", "--keep-running");
        var line = await demo.WaitForLineAsync(stderr: false, l => l.Contains("until Ctrl+C", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var url = new Uri(Regex.Match(line, @"(http://127\.0\.0\.1:[0-9]+/)").Groups[1].Value);
        var printed = Regex.Match(demo.Out, @"Inbox page +(\S+)").Groups[1].Value;
        Assert.Equal(url.ToString(), printed);

        using var http = new HttpClient();
        var page = await http.GetStringAsync(url);
        using var events = await http.GetAsync(new Uri(url, "/emulator/events"), HttpCompletionOption.ResponseHeadersRead);
        var snapshot = await new StreamReader(await events.Content.ReadAsStreamAsync()).ReadLineAsync(); // the demo's state is there
        Assert.Contains("id=\"threads-pane\"", page, StringComparison.Ordinal);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(snapshot);

        demo.Interrupt();
        await demo.WaitForExitAsync(TimeSpan.FromSeconds(15));
        Assert.True(demo.ExitCode is ExitCodes.Ok or ExitCodes.Cancelled, "exit " + demo.ExitCode + "\n" + demo.Err);
        Assert.DoesNotContain("   at ", demo.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_prints_and_serves_its_inbox_page()
    {
        using var emulator = CpaasProcess.Start("emulator", "--port", "0");
        var line = await emulator.WaitForLineAsync(stderr: false, l => l.TrimStart().StartsWith("Inbox page", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var url = new Uri(Regex.Match(line, @"(http://127\.0\.0\.1:[0-9]+/)").Groups[1].Value);

        using var http = new HttpClient();
        using var page = await http.GetAsync(url);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"handset-pane\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        emulator.Interrupt();
        await emulator.WaitForExitAsync(TimeSpan.FromSeconds(15));
    }
}
