using System;
using System.Net.Http;
using System.Text.Json;
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
    public async Task Listen_with_json_prints_one_JSON_object_per_line_and_never_the_secret()
    {
        const string Secret = "listen-s3cret-0123456789";
        await using var emulator = await Emulators.StartAsync();
        using var listener = CpaasProcess.Start("webhook", "listen", "--port", "0", "--path", "/hook", "--secret", Secret, "--json");
        var banner = await listener.WaitForLineAsync(stderr: true, l => l.StartsWith("Listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var shown = new Uri(Regex.Match(banner, @"^Listening on (\S+)").Groups[1].Value);
        Assert.Equal("/hook", shown.AbsolutePath);
        Assert.Equal("?token=***", shown.Query); // issue 13: the token is never printed; the user knows the secret they chose
        Assert.DoesNotContain(Secret, listener.Err, StringComparison.Ordinal);

        using var client = Emulators.Client(emulator);
        var url = new Uri(shown.GetLeftPart(UriPartial.Path) + "?token=" + Secret);
        var subscription = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = url });
        await emulator.SimulateInboundSmsAsync(Emulators.Friend, Emulators.OwnNumber, "line one\nline two");
        await emulator.UnassignNumberAsync(Emulators.OwnNumber);

        await listener.WaitForLineAsync(stderr: false, l => l.Contains(subscription.SubscriptionId, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var lines = listener.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // NDJSON: one complete object per line
        var inbound = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("inbound", inbound.GetProperty("type").GetString());
        Assert.Equal("line one\nline two", inbound.GetProperty("message").GetString());
        Assert.Equal("subscriptionCancel", JsonDocument.Parse(lines[1]).RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain(Secret, listener.Out + listener.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_prints_a_hostile_sender_and_text_escaped()
    {
        using var listener = CpaasProcess.Start("webhook", "listen", "--port", "0");
        var banner = await listener.WaitForLineAsync(stderr: true, l => l.StartsWith("Listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var url = new Uri(Regex.Match(banner, @"^Listening on (\S+)").Groups[1].Value);
        var body = JsonSerializer.Serialize(new
        {
            inboundSMSMessageNotification = new
            {
                inboundSMSMessage = new { dateTime = 1, destinationAddress = "+16135550142", message = HostileTextTests.Hostile, messageId = "m-1", senderAddress = "+1613\u001b[2J\u001b]0;pwned\u0007" },
                dateTime = 1,
                id = "hostile-1",
            },
        });

        using var http = new HttpClient();
        using var response = await http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var line = await listener.WaitForLineAsync(stderr: false, l => l.Contains("hostile-1", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        HostileTextTests.AssertInert(listener.Out);
        Assert.Contains("+1613\\e[2J\\e]0;pwned\\a", line, StringComparison.Ordinal);
        Assert.Contains("\\e[2J\\e[31mEVIL", line, StringComparison.Ordinal);
    }

    /// <summary>Issue 11: the fifth notification kind, the outbound delivery receipt, is printed like the others (text and JSON).</summary>
    [Fact]
    public async Task Listen_prints_a_delivery_receipt()
    {
        using var listener = CpaasProcess.Start("webhook", "listen", "--port", "0");
        var banner = await listener.WaitForLineAsync(stderr: true, l => l.StartsWith("Listening on ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var url = new Uri(Regex.Match(banner, @"^Listening on (\S+)").Groups[1].Value);
        const string Body = """{"deliveryInfoNotification":{"deliveryInfo":{"address":"+16135550142","deliveryStatus":"DeliveredToTerminal","messageId":"SM-receipt-1"},"dateTime":1,"id":"receipt-1"}}""";

        using var http = new HttpClient();
        using var response = await http.PostAsync(url, new StringContent(Body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var line = await listener.WaitForLineAsync(stderr: false, l => l.Contains("SM-receipt-1", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.StartsWith("deliveryInfo", line, StringComparison.Ordinal);
        Assert.Contains("DeliveredToTerminal", line, StringComparison.Ordinal);
        Assert.Contains("+16135550142", line, StringComparison.Ordinal);
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
