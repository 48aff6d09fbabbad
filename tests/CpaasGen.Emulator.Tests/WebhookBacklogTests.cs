using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.Emulator.Tests;

/// <summary>
/// A dead webhook must not grow memory without bound or hold up other webhooks (issue 11: one subscription to an
/// unreachable URL plus 200 senders for 30 s left 44,977 deliveries pending).
/// </summary>
public sealed class WebhookBacklogTests
{
    private static async Task<string> ClosedUrlAsync()
    {
        int port;
        await using (var closed = await WebhookReceiver.StartAsync())
        {
            port = closed.BaseUrl.Port;
        }
        return $"http://127.0.0.1:{port}/dead";
    }

    [Fact]
    public async Task The_backlog_of_a_dead_webhook_is_bounded_dropping_the_oldest_with_a_log_line_and_a_counter()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions
        {
            WebhookRetries = 3,
            WebhookRetryDelay = TimeSpan.FromSeconds(2),
            WebhookBacklogPerUrl = 10,
            LoggerFactory = loggerFactory,
        });
        using var api = await ApiClient.ConnectAsync(emulator);
        var dead = await ClosedUrlAsync();
        await api.SubscribeWebhookAsync(dead, "+16135550100");

        for (var i = 0; i < 50; i++)
        {
            await api.SendSmsAsync("+16135550100", "+16139998877", $"m{i}");
        }

        // At most the backlog plus the one delivery in flight; the 39+ oldest are dropped, counted and logged.
        Assert.InRange(emulator.PendingDeliveries, 1, 11);
        Assert.InRange(emulator.DroppedDeliveries, 39, 49);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("dropped", StringComparison.OrdinalIgnoreCase));
        using var anonymous = new ApiClient(emulator);
        var info = await anonymous.GetAsync("/emulator");
        var deliveries = await anonymous.GetAsync("/emulator/deliveries");
        Assert.Equal(emulator.DroppedDeliveries, (long)info.Json["droppedDeliveries"]!);
        Assert.True((long)deliveries.Json["dropped"]! >= 39, deliveries.Body);
        var webhook = Assert.Single(deliveries.Json["webhooks"]!.AsArray());
        Assert.Equal(dead, (string?)webhook!["webhookURL"]);
        Assert.True((long)webhook["dropped"]! >= 39);
        Assert.InRange((int)webhook["pending"]!, 1, 11);
    }

    [Fact]
    public async Task Retries_to_a_dead_webhook_do_not_hold_up_another_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions
        {
            WebhookRetries = 5,
            WebhookRetryDelay = TimeSpan.FromSeconds(5),
            WebhookBacklogPerUrl = 100,
        });
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(await ClosedUrlAsync(), "+16135550100");
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550101");
        for (var i = 0; i < 100; i++)
        {
            await api.SendSmsAsync("+16135550100", "+16139998877", $"dead {i}");
        }

        var clock = Stopwatch.StartNew();
        await api.SendSmsAsync("+16135550101", "+16139998877", "live");
        while (receiver.Accepted.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Single(receiver.Accepted);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the live webhook waited {clock.Elapsed}");
        Assert.True(emulator.PendingDeliveries > 0, "the dead webhook's deliveries are still being retried");
    }

    [Fact]
    public async Task The_token_of_a_webhook_url_is_never_logged_nor_shown_by_the_admin_endpoints()
    {
        const string secret = "s3cr3t-webhook-token";
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var receiver = await WebhookReceiver.StartAsync(call => call == 1 ? 500 : 200);
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions
        {
            WebhookRetryDelay = TimeSpan.FromMilliseconds(10),
            LoggerFactory = loggerFactory,
        });
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url("/hook?token=" + secret), "+16135550100");
        await api.SubscribeWebhookAsync(await ClosedUrlAsync() + "?token=" + secret, "+16135550101");

        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "hi");
        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550101", "hi");
        await emulator.WaitForDeliveriesAsync(TimeSpan.FromSeconds(10));
        using var anonymous = new ApiClient(emulator);
        var deliveries = await anonymous.GetAsync("/emulator/deliveries");
        var info = await anonymous.GetAsync("/emulator");

        Assert.Equal(2, receiver.Requests.Count); // delivered to the real URL, token included
        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, deliveries.Body, StringComparison.Ordinal);
        Assert.Contains("token=", deliveries.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, info.Body, StringComparison.Ordinal);
        Assert.All(emulator.Deliveries, d =>
        {
            Assert.DoesNotContain(secret, d.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, d.WebhookUrl, StringComparison.Ordinal);
        });
        Assert.Equal(HttpStatusCode.OK, deliveries.Status);
    }
}
