using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Retries over real HTTP (WireMock): Retry-After in seconds and as an HTTP-date, backoff on 503 capped by
/// MaxRetries, retries off, POST never retried on a status, and the overall deadline. Timing bounds are generous on
/// purpose: they prove a wait happened and ended, not its precision.
/// </summary>
public sealed class RetryTests : IClassFixture<KandyStub>
{
    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public RetryTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    [Fact]
    public async Task A429WithRetryAfterSecondsIsRetriedAfterThatLongAndSucceeds()
    {
        _kandy.StubToken();
        _kandy.Sequence(
            "GET",
            KandyStub.SubscriptionsPath,
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"),
            KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        using var client = _kandy.Client();

        var subscriptions = await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, subscriptions.Count);
        var calls = _kandy.Calls(KandyStub.SubscriptionsPath);
        Assert.Equal(2, calls.Count);
        var gap = calls[1].RequestMessage.DateTime - calls[0].RequestMessage.DateTime;
        _output.WriteLine($"429 Retry-After: 1 → retried after {gap.TotalMilliseconds:0} ms");
        Assert.InRange(gap, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A429WithRetryAfterHttpDateIsRetriedAtThatTimeAndSucceeds()
    {
        _kandy.StubToken();
        var retryAt = DateTimeOffset.UtcNow.AddSeconds(3);
        _kandy.Sequence(
            "GET",
            KandyStub.SubscriptionsPath,
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", retryAt.ToString("R", CultureInfo.InvariantCulture)),
            KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        using var client = _kandy.Client();

        var subscriptions = await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, subscriptions.Count);
        var calls = _kandy.Calls(KandyStub.SubscriptionsPath);
        Assert.Equal(2, calls.Count);
        var first = new DateTimeOffset(calls[0].RequestMessage.DateTime, TimeSpan.Zero);
        var second = new DateTimeOffset(calls[1].RequestMessage.DateTime, TimeSpan.Zero);

        // An HTTP-date has whole seconds: the header says "no earlier than retryAt truncated to the second".
        var truncated = new DateTimeOffset(retryAt.Ticks - (retryAt.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        _output.WriteLine($"429 Retry-After: <HTTP-date {(truncated - first).TotalMilliseconds:0} ms ahead> → retried after {(second - first).TotalMilliseconds:0} ms");
        Assert.True(second >= truncated - TimeSpan.FromMilliseconds(250), $"retried at {second:O}, before the Retry-After date {truncated:O}");
        Assert.InRange(second - first, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task A503OnAGetIsRetriedWithBackoffUntilMaxRetriesThenFails()
    {
        _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 503, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0003\",\"text\":\"busy\"}}}");
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(
            o =>
            {
                o.Retry.MaxRetries = 3;
                o.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
                o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            },
            loggers: factory);

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());
        stopwatch.Stop();

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("SVC0003", error.ExceptionId);
        var calls = _kandy.Calls(KandyStub.SubscriptionsPath);
        Assert.Equal(4, calls.Count); // 1 + MaxRetries
        var delays = Calls.LoggedRetryDelays(logs);
        Assert.Equal(3, delays.Count);

        // Full jitter: attempt n waits a random time up to BaseDelay × 2^(n-1).
        Assert.InRange(delays[0], 0, 100.5);
        Assert.InRange(delays[1], 0, 200.5);
        Assert.InRange(delays[2], 0, 400.5);
        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b.RequestMessage.DateTime - a.RequestMessage.DateTime).TotalMilliseconds).ToList();
        _output.WriteLine($"503 ×4: announced delays [{string.Join(", ", delays.Select(d => d.ToString("0", CultureInfo.InvariantCulture)))}] ms, observed gaps [{string.Join(", ", gaps.Select(g => g.ToString("0", CultureInfo.InvariantCulture)))}] ms, total {stopwatch.ElapsedMilliseconds} ms");
        for (var i = 0; i < gaps.Count; i++)
        {
            Assert.True(gaps[i] >= delays[i] - 50, $"retry {i + 1} came {gaps[i]:0} ms after the previous attempt, before its announced {delays[i]:0} ms backoff");
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), "took " + stopwatch.Elapsed);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task RetriesCanBeTurnedOff(int status)
    {
        _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, Response.Create().WithStatusCode(status).WithHeader("Retry-After", "0"));
        using var client = _kandy.Client(o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.Single(_kandy.Calls(KandyStub.SubscriptionsPath));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task ASendAnsweredWithARetryableStatusIsNotRetried(int status)
    {
        _kandy.StubToken();
        _kandy.Stub("POST", KandyStub.SendPath, Response.Create().WithStatusCode(status).WithHeader("Retry-After", "0"));
        using var client = _kandy.Client(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(_kandy.Calls(KandyStub.SendPath));
    }

    [Fact]
    public async Task TheTimeoutIsAnOverallDeadlineThatRetriesRespect()
    {
        _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, Response.Create().WithStatusCode(503).WithHeader("Retry-After", "1"));
        using var client = _kandy.Client(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(2);
            o.Retry.MaxRetries = 10;
        });

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());
        stopwatch.Stop();

        var calls = _kandy.Calls(KandyStub.SubscriptionsPath).Count;
        _output.WriteLine($"Timeout 2 s, always 503 + Retry-After: 1 → {error.GetType().Name} {error.StatusCode} after {stopwatch.ElapsedMilliseconds} ms and {calls} requests");
        Assert.True(stopwatch.Elapsed <= TimeSpan.FromSeconds(3.2), "the call took " + stopwatch.Elapsed + ", past its 2 s timeout");
        Assert.InRange(calls, 2, 3);
        Assert.True(error.StatusCode == 503 || error.Kind == CpaasErrorKind.Transport, error.ToString());
    }
}
