using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>
/// The live feed's delivery guarantees over real HTTP: resumption with <c>Last-Event-ID</c> (no gap, no duplicate, even
/// while notifications keep arriving), and a stalled client that is dropped without ever holding up the webhook.
/// </summary>
public sealed class LiveFeedDeliveryTests
{
    private const string FeedPath = LiveFeedTests.FeedPath;

    [Fact]
    public async Task AReconnectWithLastEventIdResumesWithoutGapsOrDuplicates()
    {
        await using var app = await LiveFeedTests.StartAsync(feed: o => o.ReplayBufferSize = 5);
        string lastSeen;
        await using (var first = await FeedClient.ConnectAsync(app.Http, FeedPath))
        {
            await first.NextAsync();
            await PostAsync(app, "m1", "m2", "m3");
            Assert.Equal(["m1", "m2", "m3"], Texts(await first.NotificationsAsync(3)));
            lastSeen = first.LastEventId!;
        }

        await PostAsync(app, "m4", "m5", "m6", "m7"); // while no client is connected

        await using var resumed = await FeedClient.ConnectAsync(app.Http, FeedPath, lastEventId: lastSeen);
        var ready = await resumed.NextAsync();
        Assert.Equal("ready", ready.Type);
        Assert.Equal("resumed", ready.Json.GetProperty("start").GetString());
        Assert.Equal(4, ready.Json.GetProperty("replayed").GetInt32());
        Assert.Equal(["m4", "m5", "m6", "m7"], Texts(await resumed.NotificationsAsync(4)));
        await PostAsync(app, "m8");
        Assert.Equal(["m8"], Texts(await resumed.NotificationsAsync(1)));
        Assert.True(await resumed.IsQuietAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [InlineData("too-old")]
    [InlineData("other-instance")]
    [InlineData("from-the-future")]
    [InlineData("garbage")]
    public async Task AnIdThatCannotBeResumedFromGetsAResetAtTheCurrentPosition(string kind)
    {
        await using var app = await LiveFeedTests.StartAsync(feed: o => o.ReplayBufferSize = 2);
        string old;
        await using (var first = await FeedClient.ConnectAsync(app.Http, FeedPath))
        {
            await first.NextAsync();
            await PostAsync(app, "m1");
            await first.NotificationsAsync(1);
            old = first.LastEventId!;
        }

        await PostAsync(app, "m2", "m3", "m4");
        var epoch = old[..old.IndexOf('-', StringComparison.Ordinal)];
        var lastEventId = kind switch
        {
            "too-old" => old, // m1: m2 is no longer in a buffer of 2 (m3, m4)
            "other-instance" => "0badf00d-4",
            "from-the-future" => epoch + "-99",
            _ => "not an id",
        };

        await using var client = await FeedClient.ConnectAsync(app.Http, FeedPath, lastEventId: lastEventId);
        var reset = await client.NextAsync();
        Assert.Equal("reset", reset.Type);
        Assert.Equal(epoch + "-4", reset.Id); // the client is now at the newest notification: resuming from here has no gap
        await PostAsync(app, "m5");
        Assert.Equal(["m5"], Texts(await client.NotificationsAsync(1)));
    }

    [Fact]
    public async Task ReconnectingWhileNotificationsKeepArrivingLosesAndRepeatsNothing()
    {
        await using var app = await LiveFeedTests.StartAsync();
        const int Count = 150;
        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i++)
            {
                await PostAsync(app, "m" + i);
            }
        });

        var received = new List<string>();
        string? lastEventId = null;
        var random = new Random(14);
        var connections = 0;
        while (received.Count == 0 || received[^1] != "m" + (Count - 1))
        {
            connections++;
            await using var client = await FeedClient.ConnectAsync(app.Http, FeedPath, lastEventId: lastEventId);
            var opening = await client.NextAsync();
            Assert.Equal("ready", opening.Type);
            var take = random.Next(1, 12);
            for (var i = 0; i < take && (received.Count == 0 || received[^1] != "m" + (Count - 1)); i++)
            {
                received.Add(Texts(await client.NotificationsAsync(1))[0]);
            }

            lastEventId = client.LastEventId;
        }

        await posting;
        var first = int.Parse(received[0][1..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Enumerable.Range(first, Count - first).Select(i => "m" + i), received);
        Assert.True(connections > 5, "the test reconnected only " + connections + " times");
    }

    [Fact]
    public async Task AStalledClientIsDroppedAndNeverHoldsUpTheWebhookOrOtherClients()
    {
        await using var app = await LiveFeedTests.StartAsync(feed: o => o.ClientQueueCapacity = 16);
        var hub = app.App.Services.GetRequiredService<LiveFeedHub>();

        // A "browser" that asks for the feed and then never reads: its socket's buffers fill, Kestrel's writes stall.
        using var stalled = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync(IPAddress.Loopback, app.Address.Port);
        await stalled.SendAsync(Encoding.ASCII.GetBytes("GET " + FeedPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" + TestAuth.Header + ": alice\r\n\r\n"));
        await using var healthy = await FeedClient.ConnectAsync(app.Http, FeedPath);
        await healthy.NextAsync();
        await WaitUntilAsync(() => hub.Broadcaster.Subscribers == 2);

        const int Count = 300;
        var text = new string('x', 30_000); // 300 × 30 KB: far more than the socket buffers hold
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await app.PostAsync(Notifications.Inbound(i + text));
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // never a 5xx or a timeout: Kandy never retries
        }

        var got = await healthy.NotificationsAsync(Count, TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, Count).Select(i => i + text), got.Select(e => e.Json.GetProperty("message").GetString()));
        Assert.Equal(1, hub.Broadcaster.Dropped);
        Assert.Equal(1, hub.Broadcaster.Subscribers);
        Assert.Contains(app.Logs.In(LiveFeedHub.LogCategory), e => e.Level == LogLevel.Warning && e.Message.Contains("dropped a client", StringComparison.Ordinal));
        Assert.True(slowest < TimeSpan.FromSeconds(2), "the slowest webhook call took " + slowest);

        // The stalled client's connection was ended by the server: after what the buffers held, its socket reads an end.
        Assert.True(await EndsAsync(stalled, TimeSpan.FromSeconds(10)), "the stalled connection was not closed by the server");
    }

    private static async Task<bool> EndsAsync(Socket socket, TimeSpan within)
    {
        var buffer = new byte[64 * 1024];
        var deadline = Stopwatch.StartNew();
        try
        {
            while (deadline.Elapsed < within)
            {
                using var timeout = new System.Threading.CancellationTokenSource(within - deadline.Elapsed);
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true; // reset by the server
        }
        catch (OperationCanceledException)
        {
        }

        return false;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    private static async Task PostAsync(WebhookApp app, params string[] texts)
    {
        foreach (var text in texts)
        {
            using var response = await app.PostAsync(Notifications.Inbound(text));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static string[] Texts(IReadOnlyList<SseEvent> events) => [.. events.Select(e => e.Json.GetProperty("message").GetString()!)];
}
