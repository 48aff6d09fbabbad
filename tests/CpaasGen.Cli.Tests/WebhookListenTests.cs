using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>
/// <c>cpaas webhook listen</c>. CliApp.RunAsync(args) takes no CancellationToken (it only listens to
/// Console.CancelKeyPress), so an in-process listener could never be stopped: the command is tested as a process that
/// receives SIGINT, as Ctrl+C in a terminal would send it.
/// </summary>
public sealed class WebhookListenTests
{
    [Fact]
    public async Task Listen_on_port_0_prints_a_notification_the_emulator_posts_to_it_and_stops_on_ctrl_c()
    {
        await using var emulator = await Emulators.StartAsync();
        using var listener = CpaasProcess.Start("webhook", "listen", "--port", "0");

        var banner = await listener.WaitForLineAsync(stderr: true, l => l.StartsWith("Listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var url = new Uri(Regex.Match(banner, @"^Listening on (\S+)").Groups[1].Value);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.NotEqual(0, url.Port);
        Assert.Equal("/webhook", url.AbsolutePath);

        // Subscribe the listener through the CLI itself, then let the emulator deliver an inbound SMS to it.
        var subscribed = await Cli.RunAsync(Cli.At(emulator, "sms", "subscribe", "--webhook", url.ToString()));
        Assert.True(subscribed.ExitCode == ExitCodes.Ok, subscribed.ToString());
        await emulator.SimulateInboundSmsAsync(Emulators.Friend, Emulators.OwnNumber, "hello listener");

        var line = await listener.WaitForLineAsync(stderr: false, l => l.Contains("hello listener", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.StartsWith("inbound", line, StringComparison.Ordinal);
        Assert.Contains(Emulators.Friend + " → " + Emulators.OwnNumber, line, StringComparison.Ordinal);
        await emulator.WaitForDeliveriesAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(emulator.Deliveries, d => d.WebhookUrl == url.ToString() && d.StatusCode is >= 200 and < 300);

        listener.Interrupt();
        await listener.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(listener.ExitCode is ExitCodes.Ok or ExitCodes.Cancelled, "exit " + listener.ExitCode + "\n" + listener.Err);
        Assert.DoesNotContain("   at ", listener.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_with_json_prints_one_JSON_object_per_notification()
    {
        await using var emulator = await Emulators.StartAsync();
        using var listener = CpaasProcess.Start("webhook", "listen", "--port", "0", "--path", "/hook", "--secret", "s3cret", "--json");
        var banner = await listener.WaitForLineAsync(stderr: true, l => l.StartsWith("Listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var url = new Uri(Regex.Match(banner, @"^Listening on (\S+)").Groups[1].Value);
        Assert.Equal("/hook", url.AbsolutePath);
        Assert.Contains("token=s3cret", url.Query, StringComparison.Ordinal); // the secret is in the URL to subscribe

        using var client = Emulators.Client(emulator);
        var subscription = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = url });
        await emulator.UnassignNumberAsync(Emulators.OwnNumber);

        await listener.WaitForLineAsync(stderr: false, l => l.Contains(subscription.SubscriptionId, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("\"type\": \"subscriptionCancel\"", listener.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_stops_on_SIGTERM()
    {
        using var listener = CpaasProcess.Start("webhook", "listen", "--port", "0");
        await listener.WaitForLineAsync(stderr: true, l => l.StartsWith("Listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        listener.Terminate();

        // Today the receiver's host (WebApplication.CreateSlimBuilder, with its ConsoleLifetime) swallows SIGTERM and
        // stops only Kestrel, while the command keeps waiting for notifications: the process never exits.
        await listener.WaitForExitAsync(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("   at ", listener.Err, StringComparison.Ordinal);
    }
}
