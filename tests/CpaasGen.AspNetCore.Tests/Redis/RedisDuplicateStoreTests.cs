using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>
/// The Redis duplicate store on a real Redis (127.0.0.1:6379), shared by two app instances on two
/// ports. Never skipped: without Redis these tests fail and say how to start it.
/// </summary>
public sealed class RedisDuplicateStoreTests
{
    private const string Redis = "127.0.0.1:6379";

    /// <summary>Unique per test run (and per test), so reruns against the same Redis never see old claims.</summary>
    private readonly string _prefix = "cpaasgen-tests:" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + ":" + Guid.NewGuid().ToString("N") + ":";

    private int _handled;

    [Fact]
    public async Task TwoInstancesSharingRedisHandleANotificationOnceInTotal()
    {
        await RequireRedisAsync();
        await using var first = await StartInstance();
        await using var second = await StartInstance();
        Assert.NotEqual(first.Address.Port, second.Address.Port);

        using var a = await first.PostAsync(Fixture.Read("notification-inbound.json"));
        using var b = await second.PostAsync(Fixture.Read("notification-inbound.json"));
        using var c = await first.PostAsync(Fixture.Read("notification-inbound.json"));

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.False(a.Headers.Contains("X-Cpaas-Duplicate"));
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal("true", b.Headers.GetValues("X-Cpaas-Duplicate").Single());
        Assert.Equal("true", c.Headers.GetValues("X-Cpaas-Duplicate").Single());
        Assert.Equal(1, _handled);

        // The claim lives in Redis under the prefix, and expires with the duplicate window (1 hour here).
        using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        var key = _prefix + "441fc36e-aab7-45dd-905c-4aaec7a7464d";
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(55), TimeSpan.FromHours(1));
        await redis.GetDatabase().KeyDeleteAsync(key);
    }

    [Fact]
    public async Task AFailureOnOneInstanceReleasesTheClaimForTheOther()
    {
        await RequireRedisAsync();
        await using var failing = await StartInstance(fail: true);
        await using var healthy = await StartInstance();

        using var failed = await failing.PostAsync(Fixture.Read("notification-event.json"));
        using var redelivered = await healthy.PostAsync(Fixture.Read("notification-event.json"));
        using var again = await failing.PostAsync(Fixture.Read("notification-event.json"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.False(redelivered.Headers.Contains("X-Cpaas-Duplicate"));
        Assert.Equal("true", again.Headers.GetValues("X-Cpaas-Duplicate").Single());
        Assert.Equal(1, _handled);

        using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        await redis.GetDatabase().KeyDeleteAsync(_prefix + "8c30d6c7-d15e-41a0-800b-e7dc401403fb");
    }

    private Task<WebhookApp> StartInstance(bool fail = false)
        => WebhookApp.StartAsync(
            s =>
            {
                s.AddCpaasWebhooks(WebhookApp.Secured(o => o.DuplicateWindow = TimeSpan.FromHours(1))).UseRedisDuplicateStore(Redis, _prefix);
            },
            app => app.MapCpaasWebhook(WebhookApp.Path, (_, _) =>
            {
                if (fail)
                {
                    throw new InvalidOperationException("this instance cannot handle it");
                }

                Interlocked.Increment(ref _handled);
                return Task.CompletedTask;
            }));

    /// <summary>Fails (never skips) with how to start Redis when nothing answers PING on 127.0.0.1:6379.</summary>
    internal static async Task RequireRedisAsync()
    {
        string? problem;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, 6379, timeout.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes("PING\r\n"), SocketFlags.None, timeout.Token);
            var buffer = new byte[64];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            var answer = Encoding.ASCII.GetString(buffer, 0, read).Trim();
            problem = answer == "+PONG" ? null : "it answered PING with '" + answer + "'";
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            problem = ex.GetType().Name + ": " + ex.Message;
        }

        if (problem is not null)
        {
            Assert.Fail("Redis is not reachable on " + Redis + " (" + problem + "): start redis-server on 127.0.0.1:6379; .ci/run does this (.ci/steps.d/10-redis.sh).");
        }
    }
}
