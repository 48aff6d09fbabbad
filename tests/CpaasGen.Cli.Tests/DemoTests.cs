using System;
using System.Diagnostics;
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
        Assert.DoesNotContain("error:", run.Err, StringComparison.Ordinal);
    }
}
