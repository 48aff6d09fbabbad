using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// The per-call timeout (CpaasClientOptions.Timeout) ends a slow call with a Transport error whose inner exception is
/// a TimeoutException; the caller's CancellationToken ends it with OperationCanceledException; neither leaves work behind.
/// </summary>
public sealed class TimeoutAndCancellationTests : IClassFixture<KandyStub>
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1.5);

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public TimeoutAndCancellationTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    [Theory]
    [InlineData(Op.Get)]
    [InlineData(Op.Send)]
    public async Task ASlowResponseEndsAtTheTimeoutAsATransportErrorWithATimeoutInside(Op op)
    {
        _kandy.StubToken();
        _kandy.Stub(Calls.Method(op), Calls.Path(op), KandyStub.Json(200, Calls.SuccessBody(op)).WithDelay(TimeSpan.FromSeconds(4)));
        var timeout = TimeSpan.FromSeconds(1);
        using var client = _kandy.Client(o => o.Timeout = timeout);

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Run(client, op));
        stopwatch.Stop();

        _output.WriteLine($"{op}, response delayed 4 s, Timeout 1 s → {error.Kind} after {stopwatch.ElapsedMilliseconds} ms: {error.Message}");
        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.InRange(stopwatch.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + Slack);
    }

    [Fact]
    public async Task ASlowTokenEndpointEndsAtTheTimeout()
    {
        _kandy.StubToken(delay: TimeSpan.FromSeconds(4));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        var timeout = TimeSpan.FromSeconds(1);
        using var client = _kandy.Client(o => o.Timeout = timeout);

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());
        stopwatch.Stop();

        _output.WriteLine($"token delayed 4 s, Timeout 1 s → {error.GetType().Name} {error.Kind} after {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.InRange(stopwatch.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + Slack);
    }

    [Theory]
    [InlineData(Op.Get)]
    [InlineData(Op.Send)]
    public async Task CancellingMidCallThrowsOperationCanceledPromptly(Op op)
    {
        _kandy.StubToken();
        _kandy.Stub(Calls.Method(op), Calls.Path(op), KandyStub.Json(200, Calls.SuccessBody(op)).WithDelay(TimeSpan.FromSeconds(4)));
        var handler = new CountingHandler();
        using var client = _kandy.Client(handler: handler);
        await client.GetUserIdAsync(); // the token first, so the cancellation hits the API call itself
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Calls.Run(client, op, cancellation.Token));
        stopwatch.Stop();

        _output.WriteLine($"{op} cancelled at 300 ms → {error.GetType().Name} after {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(300) + Slack, "took " + stopwatch.Elapsed);
        Assert.Single(handler.AttemptsTo(op == Op.Get ? "/inbound/subscriptions" : "/outbound/"));
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): the OperationCanceledException carries the SDK's internal linked token (timeout + caller), not the
    /// caller's token, so the usual <c>catch (OperationCanceledException e) when (e.CancellationToken == myToken)</c>
    /// does not match. HttpClient itself rethrows with the caller's token; CpaasRequestAdapter.SendCoreAsync passes the
    /// linked <c>timeout.Token</c> down and lets that exception escape unchanged.
    /// </summary>
    [Theory]
    [InlineData(Op.Get)]
    [InlineData(Op.Send)]
    public async Task TheOperationCanceledExceptionCarriesTheCallersToken(Op op)
    {
        _kandy.StubToken();
        _kandy.Stub(Calls.Method(op), Calls.Path(op), KandyStub.Json(200, Calls.SuccessBody(op)).WithDelay(TimeSpan.FromSeconds(3)));
        using var client = _kandy.Client();
        await client.GetUserIdAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Calls.Run(client, op, cancellation.Token));

        Assert.True(error.CancellationToken == cancellation.Token, "OperationCanceledException.CancellationToken is not the token the caller cancelled.");
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): CpaasClientOptions.Timeout is documented as "the time one call may take, retries and token
    /// refresh included", but the first token wait (Conversation → ClientCore.UserIdAsync) runs before
    /// CpaasRequestAdapter.SendCoreAsync starts the call's clock, so a slow token endpoint plus a slow API call can take
    /// up to twice the timeout.
    /// </summary>
    [Fact]
    public async Task TheTimeoutIncludesGettingTheToken()
    {
        _kandy.StubToken(delay: TimeSpan.FromMilliseconds(1700));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, KandyStub.Json(200, Fixture.Read("subscription-list.json")).WithDelay(TimeSpan.FromSeconds(10)));
        var timeout = TimeSpan.FromSeconds(2);
        using var client = _kandy.Client(o => o.Timeout = timeout);

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());
        stopwatch.Stop();

        _output.WriteLine($"token takes 1.7 s, API call 10 s, Timeout 2 s → {error.Kind} after {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.True(stopwatch.Elapsed <= timeout + TimeSpan.FromSeconds(1), $"the call took {stopwatch.ElapsedMilliseconds} ms with a {timeout.TotalSeconds} s timeout");
    }

    [Fact]
    public async Task CancellingWhileWaitingForTheTokenThrowsOperationCanceledPromptly()
    {
        _kandy.StubToken(delay: TimeSpan.FromSeconds(3));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Conversation.GetSubscriptionsAsync(cancellation.Token));
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(200) + Slack, "took " + stopwatch.Elapsed);

        // The shared token request goes on for the next caller (a caller's cancellation never stops it): join it, so it
        // ends here, successfully, rather than against a reset or stopped server after this test.
        Assert.Equal(TestJwt.UserId, await client.GetUserIdAsync());
        Assert.Equal(1, client.TokenRequestCount);
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): a call made with an already-cancelled token still starts the shared token request in the
    /// background (Conversation → ClientCore.UserIdAsync → TokenProvider.GetSlowAsync creates the fetch before
    /// <c>pending.WaitAsync(cancellationToken)</c> observes the cancellation; CpaasRequestAdapter's
    /// ThrowIfCancellationRequested is never reached). Network I/O for a call that was cancelled before it began — and
    /// if that request fails, nobody observes it (see UnobservedTaskExceptionTests).
    /// </summary>
    [Fact]
    public async Task AnAlreadyCancelledTokenSendsNothing()
    {
        _kandy.StubToken();
        var handler = new CountingHandler();
        using var client = _kandy.Client(handler: handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Calls.Send(client, new CancellationToken(canceled: true)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Conversation.GetSubscriptionsAsync(new CancellationToken(canceled: true)));
        await Task.Delay(500); // let a background token request, if one was started, finish while its stub still exists

        Assert.DoesNotContain(handler.Attempts, a => a.Uri.AbsolutePath.Contains("/outbound/", StringComparison.Ordinal));
        Assert.True(handler.Attempts.Count == 0, $"{handler.Attempts.Count} request(s) sent for calls cancelled before they started: " + string.Join(", ", handler.Attempts.Select(a => a.Method + " " + a.Uri.AbsolutePath)));
    }

    [Fact]
    public async Task ACancelledCallLeavesNoBackgroundWorkAndTheClientKeepsWorking()
    {
        _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, KandyStub.Json(200, Fixture.Read("subscription-list.json")).WithDelay(TimeSpan.FromMilliseconds(700)));
        var handler = new CountingHandler();
        using var client = _kandy.Client(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10), handler);
        await client.GetUserIdAsync();

        for (var i = 0; i < 5; i++)
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50 + (i * 40)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Conversation.GetSubscriptionsAsync(cancellation.Token));
        }

        var afterCancelled = handler.Attempts.Count;
        var subscriptions = await client.Conversation.GetSubscriptionsAsync();
        Assert.Equal(2, subscriptions.Count);
        var afterSuccess = handler.Attempts.Count;

        await Task.Delay(1500); // long enough for any retry or straggler the SDK might still have running
        _output.WriteLine($"5 cancelled calls: {afterCancelled - 1} attempts; then one successful call; attempts after settling: {handler.Attempts.Count - afterSuccess}");
        Assert.InRange(afterCancelled, 1, 1 + 5); // the token + at most one attempt per cancelled call: no retries
        Assert.Equal(afterCancelled + 1, afterSuccess);
        Assert.Equal(afterSuccess, handler.Attempts.Count);
        Assert.Equal(1, client.TokenRequestCount);
    }
}
