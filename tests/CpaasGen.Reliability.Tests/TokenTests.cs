using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>Token single flight under load, half-life refresh on a fake clock, and refresh-once on a 401.</summary>
public sealed class TokenTests : IClassFixture<KandyStub>
{
    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public TokenTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    /// <summary>Serves a different token on each request (the last repeats); returns the access tokens in serving order.</summary>
    private IReadOnlyList<string> StubTokenSequence(int count, TimeSpan lifetime)
    {
        var tokens = Enumerable.Range(0, count).Select(_ => TestJwt.Response(DateTimeOffset.UtcNow, lifetime)).ToList();
        _kandy.Sequence("POST", KandyStub.TokenPath, tokens.Select(t => KandyStub.Json(200, t.Body)).ToArray());
        return tokens.Select(t => t.AccessToken).ToList();
    }

    private static string? Bearer(WireMock.Logging.ILogEntry entry)
    {
        var headers = entry.RequestMessage.Headers;
        return headers is not null && headers.TryGetValue("Authorization", out var value) ? value.ToString() : null;
    }

    [Fact]
    public async Task AThousandConcurrentCallersOnAFreshClientMakeExactlyOneTokenRequest()
    {
        const int callers = 1000;
        _kandy.StubToken(delay: TimeSpan.FromMilliseconds(300)); // every caller arrives while the first request is in flight
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        _kandy.Stub("POST", KandyStub.SendPath, 201, Fixture.Read("send-response.json"));
        using var client = new CpaasClient(_kandy.Options(), new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }));

        // Each caller: list subscriptions, send an SMS, list again (3 calls).
        var stopwatch = Stopwatch.StartNew();
        var failures = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            var failed = 0;
            foreach (var op in new[] { Op.Get, Op.Send, Op.Get })
            {
                try
                {
                    await Calls.Run(client, op);
                }
                catch (CpaasApiException)
                {
                    failed++;
                }
            }

            return failed;
        })));
        stopwatch.Stop();

        var failed = failures.Sum();
        var apiCalls = _kandy.ApiCalls.Count;
        _output.WriteLine($"LOAD: {callers} concurrent callers, {apiCalls} API calls ({_kandy.Calls(KandyStub.SendPath).Count} sends), {failed} failures, {_kandy.TokenCalls.Count} token request(s), {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(0, failed);
        Assert.Single(_kandy.TokenCalls);
        Assert.Equal(1, client.TokenRequestCount);
        Assert.Equal(callers * 3, apiCalls);
    }

    [Fact]
    public async Task TheTokenIsRefreshedOnceHalfItsLifetimeHasPassed()
    {
        var tokens = StubTokenSequence(3, TimeSpan.FromHours(1));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var client = _kandy.Client(o => o.TimeProvider = clock);

        await client.Conversation.GetSubscriptionsAsync();
        clock.Advance(TimeSpan.FromMinutes(29));
        await client.Conversation.GetSubscriptionsAsync();
        Assert.Equal(1, client.TokenRequestCount);

        clock.Advance(TimeSpan.FromMinutes(2)); // 31 minutes: past half of the 1-hour lifetime
        await client.Conversation.GetSubscriptionsAsync();
        await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, client.TokenRequestCount);
        Assert.Equal(2, _kandy.TokenCalls.Count);
        var bearers = _kandy.Calls(KandyStub.SubscriptionsPath).Select(Bearer).ToList();
        Assert.Equal(new[] { "Bearer " + tokens[0], "Bearer " + tokens[0], "Bearer " + tokens[1], "Bearer " + tokens[1] }, bearers);
    }

    [Fact]
    public async Task A401RefreshesTheTokenOnceAndRetriesWithTheNewOne()
    {
        var tokens = StubTokenSequence(2, TimeSpan.FromHours(8));
        _kandy.Sequence("GET", KandyStub.SubscriptionsPath, KandyStub.Json(401, "{\"error\":\"invalid_token\"}"), KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        using var client = _kandy.Client();

        var subscriptions = await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, subscriptions.Count);
        Assert.Equal(2, _kandy.TokenCalls.Count);
        var bearers = _kandy.Calls(KandyStub.SubscriptionsPath).Select(Bearer).ToList();
        Assert.Equal(new[] { "Bearer " + tokens[0], "Bearer " + tokens[1] }, bearers);
    }

    [Fact]
    public async Task APersistent401IsRefreshedOnlyOnceThenThrown()
    {
        StubTokenSequence(3, TimeSpan.FromHours(8));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 401, "{\"error\":\"invalid_token\",\"error_description\":\"Token is not active\"}");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_token", error.ExceptionId);
        Assert.Equal(2, _kandy.Calls(KandyStub.SubscriptionsPath).Count);
        Assert.Equal(2, _kandy.TokenCalls.Count);
    }

    [Fact]
    public async Task ManyConcurrent401sOnTheSameTokenCauseOneRefresh()
    {
        var tokens = StubTokenSequence(5, TimeSpan.FromHours(8));
        _kandy.Server.Given(KandyStub.RawPath(KandyStub.SubscriptionsPath).UsingGet().WithHeader("Authorization", "Bearer " + tokens[0]))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithDelay(TimeSpan.FromMilliseconds(50)));
        _kandy.Server.Given(KandyStub.RawPath(KandyStub.SubscriptionsPath).UsingGet())
            .AtPriority(2)
            .RespondWith(KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        using var client = _kandy.Client();
        await client.GetUserIdAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.Conversation.GetSubscriptionsAsync()));

        Assert.All(results, r => Assert.Equal(2, r.Count));
        _output.WriteLine($"50 concurrent 401s on token #1 → {_kandy.TokenCalls.Count} token requests in all");
        Assert.Equal(2, _kandy.TokenCalls.Count);
    }
}
