using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests.Behaviour;

/// <summary>
/// One behaviour suite for every way of constructing a client: <see cref="PlainClientBehaviourTests"/> runs it on
/// <c>new CpaasClient(…)</c>, <see cref="DependencyInjectionClientBehaviourTests"/> on <c>AddCpaasClient(…)</c>. The
/// request path (redirect refusal, retries and Retry-After, the per-request deadline, the 401 refresh, "maybe
/// processed", error mapping, transport security) must behave identically under both: there is one pipeline.
/// </summary>
public abstract partial class ClientBehaviourSuite : IClassFixture<BehaviourServers>, IDisposable
{
    private readonly List<CpaasClient> _clients = new();

    protected ClientBehaviourSuite(BehaviourServers servers, ITestOutputHelper output)
    {
        Servers = servers;
        Servers.Reset();
        Output = output;
    }

    protected BehaviourServers Servers { get; }

    protected KandyStub Kandy => Servers.Kandy;

    protected ITestOutputHelper Output { get; }

    /// <summary>How the client is built, for the test output.</summary>
    protected abstract string Construction { get; }

    /// <summary>What a configuration mistake throws under this construction.</summary>
    protected abstract Type ConfigurationError { get; }

    /// <summary>Builds a client from <paramref name="options"/>; <paramref name="handler"/> replaces the primary handler when given.</summary>
    protected abstract CpaasClient Create(CpaasClientOptions options, HttpMessageHandler? handler, ILoggerFactory? loggers);

    private CpaasClient Client(Action<CpaasClientOptions>? configure = null, HttpMessageHandler? handler = null, ILoggerFactory? loggers = null)
    {
        var client = Create(Kandy.Options(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        }), handler, loggers);
        _clients.Add(client);
        return client;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private IResponseBuilder RedirectTo(int status, string path)
        => Response.Create().WithStatusCode(status).WithHeader("Location", Servers.ElsewhereUrl + path);

    private void AssertNothingReachedElsewhere()
        => Assert.True(Servers.Elsewhere.LogEntries.Count() == 0, "the other host received: " + string.Join(", ", Servers.Elsewhere.LogEntries.Select(e => e.RequestMessage.Method + " " + e.RequestMessage.Path + " " + e.RequestMessage.Body)));

    // ---- redirects: never followed -----------------------------------------------------------------------------

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task ASendAnsweredWithARedirectIsRefusedAndNothingReachesTheOtherHost(int status)
    {
        Kandy.StubToken();
        Servers.Elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(KandyStub.Json(201, Fixture.Read("send-response.json")));
        Kandy.Stub("POST", KandyStub.SendPath, RedirectTo(status, KandyStub.SendPath));
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client, text: "the text must stay home"));

        Output.WriteLine($"{Construction}: send answered {status} → {error.GetType().Name}: {error.Message}");
        Assert.Equal(status, error.StatusCode);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal); // the Location's host
        Assert.False(error.MayHaveBeenProcessed);
        Assert.Single(Kandy.Calls(KandyStub.SendPath));
        AssertNothingReachedElsewhere();
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task ATokenRequestAnsweredWithARedirectIsRefusedAndTheSecretNeverLeaves(int status)
    {
        Servers.Elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(KandyStub.Json(200, TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8))));
        Kandy.Stub("POST", KandyStub.TokenPath, RedirectTo(status, KandyStub.TokenPath));
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        Output.WriteLine($"{Construction}: token answered {status} → {error.Message}");
        Assert.Equal(status, error.StatusCode);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("check ClientId", error.Message, StringComparison.Ordinal); // not a credentials problem
        Assert.Empty(Kandy.Calls(KandyStub.SubscriptionsPath));
        AssertNothingReachedElsewhere();
    }

    [Fact]
    public async Task AGetAnsweredWithARedirectIsRefused()
    {
        Kandy.StubToken();
        Servers.Elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, RedirectTo(301, KandyStub.SubscriptionsPath));
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(301, error.StatusCode);
        AssertNothingReachedElsewhere();
    }

    // ---- retries: one owner, the user's settings ---------------------------------------------------------------

    [Fact]
    public async Task AGetAnswered503IsRetriedExactlyMaxRetriesTimes()
    {
        Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 503, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0003\",\"text\":\"busy\"}}}");
        var client = Client(o => o.Retry.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("SVC0003", error.ExceptionId);
        Assert.Equal(3, Kandy.Calls(KandyStub.SubscriptionsPath).Count); // 1 + MaxRetries, the user's setting
    }

    [Fact]
    public async Task RetriesTurnedOffMeanOneRequest()
    {
        Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        var client = Client(o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Single(Kandy.Calls(KandyStub.SubscriptionsPath));
    }

    [Fact]
    public async Task ASendAnswered503IsSentOnceAndWasNotProcessed()
    {
        Kandy.StubToken();
        Kandy.Stub("POST", KandyStub.SendPath, Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"));
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));

        Assert.Equal(503, error.StatusCode);
        Assert.False(error.MayHaveBeenProcessed);
        Assert.Single(Kandy.Calls(KandyStub.SendPath));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task ARetryAfterBeyondTheRequestsBudgetSurfacesTheStatusAtOnce(int status)
    {
        Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, Response.Create().WithStatusCode(status).WithHeader("Retry-After", "100000"));
        var client = Client(o => o.Timeout = TimeSpan.FromSeconds(20));

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());
        stopwatch.Stop();

        Output.WriteLine($"{Construction}: GET {status} Retry-After 100000, Timeout 20 s → {error.GetType().Name} {error.StatusCode} {error.Kind} RetryAfter {error.RetryAfter} after {stopwatch.ElapsedMilliseconds} ms");
        Assert.Equal(status, error.StatusCode);
        Assert.NotEqual(CpaasErrorKind.Transport, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(100000), error.RetryAfter);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), "waited " + stopwatch.Elapsed + " for a Retry-After that could never fit");
        Assert.Single(Kandy.Calls(KandyStub.SubscriptionsPath));
    }

    [Fact]
    public async Task ARetryAfterThatFitsIsHonoured()
    {
        Kandy.StubToken();
        Kandy.Sequence(
            "GET",
            KandyStub.SubscriptionsPath,
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"),
            KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        var client = Client();

        var subscriptions = await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, subscriptions.Count);
        var calls = Kandy.Calls(KandyStub.SubscriptionsPath);
        Assert.Equal(2, calls.Count);
        Assert.InRange(calls[1].RequestMessage.DateTime - calls[0].RequestMessage.DateTime, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
    }

    // ---- deadline ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ASlowSendEndsAtTheTimeoutAndSaysItMayHaveBeenProcessed()
    {
        Kandy.StubToken();
        Kandy.Stub("POST", KandyStub.SendPath, KandyStub.Json(201, Fixture.Read("send-response.json")).WithDelay(TimeSpan.FromSeconds(3)));
        var handler = new CountingHandler(); // WireMock does not log a request whose delayed answer nobody waited for
        var client = Client(o => o.Timeout = TimeSpan.FromSeconds(1), handler);
        await client.GetUserIdAsync();

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));
        stopwatch.Stop();

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(error.MayHaveBeenProcessed, "a send that timed out after it left may have gone out");
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(2.5));
        Assert.Single(handler.AttemptsTo("/outbound/"));

        // WireMock may still finish the delayed answer (and log the request) after the client gave up; let it do so
        // inside this test, or the entry lands in the shared server's log during the next test of the class.
        var left = TimeSpan.FromSeconds(3.2) - stopwatch.Elapsed;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }
    }

    // ---- 401: one refresh ----------------------------------------------------------------------------------------

    [Fact]
    public async Task A401IsAnsweredByOneRefreshAndOneRetry()
    {
        var tokens = Enumerable.Range(0, 3).Select(_ => TestJwt.Response()).ToList();
        Kandy.Sequence("POST", KandyStub.TokenPath, tokens.Select(t => KandyStub.Json(200, t.Body)).ToArray());
        Kandy.Sequence("GET", KandyStub.SubscriptionsPath, KandyStub.Json(401, "{\"error\":\"invalid_token\"}"), KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        var client = Client();

        Assert.Equal(2, (await client.Conversation.GetSubscriptionsAsync()).Count);

        Assert.Equal(2, Kandy.TokenCalls.Count);
        Assert.Equal(2, client.TokenRequestCount);
    }

    // ---- maybe processed -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData(201, "<html><body>sent, probably</body></html>", true)]
    [InlineData(400, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0002\",\"text\":\"bad\"}}}", false)]
    [InlineData(403, "{\"requestError\":{\"policyException\":{\"messageId\":\"POL0001\",\"text\":\"not yours\"}}}", false)]
    [InlineData(500, "<html>oops</html>", true)]
    [InlineData(502, null, true)]
    [InlineData(503, null, false)]
    [InlineData(504, null, true)]
    public async Task ASendsExceptionSaysWhetherTheSmsMayHaveGoneOut(int status, string? body, bool mayHaveBeenProcessed)
    {
        Kandy.StubToken();
        Kandy.Stub("POST", KandyStub.SendPath, status, body, body?.StartsWith('<') == true ? "text/html" : "application/json");
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));

        Output.WriteLine($"{Construction}: send answered {status} → MayHaveBeenProcessed {error.MayHaveBeenProcessed}: {error.Message}");
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(mayHaveBeenProcessed, error.MayHaveBeenProcessed);
        Assert.Single(Kandy.Calls(KandyStub.SendPath));
    }

    [Fact]
    public async Task ASendThatNeverLeftWasNotProcessed()
    {
        Kandy.StubToken();
        var dead = TransportRetryTests.ClosedPort();
        var handler = new CountingHandler(uri => uri.AbsolutePath == KandyStub.TokenPath ? null : new UriBuilder(uri) { Port = dead }.Uri);
        var client = Client(o => o.Retry.MaxRetries = 1, handler);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.False(error.MayHaveBeenProcessed, "a refused connection: the send never reached the server");
        Assert.Equal(2, handler.AttemptsTo("/outbound/").Count); // retried: it provably never left
    }

    [Fact]
    public async Task ASendWhoseTokenFailedWasNotProcessed()
    {
        Kandy.Stub("POST", KandyStub.TokenPath, 401, "{\"error\":\"invalid_client\"}");
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => Calls.Send(client));

        Assert.False(error.MayHaveBeenProcessed);
        Assert.Empty(Kandy.Calls(KandyStub.SendPath));
    }

    // ---- errors --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task A403PolicyExceptionIsTyped()
    {
        Kandy.StubToken();
        Kandy.Stub("POST", KandyStub.SendPath, 403, "{\"requestError\":{\"policyException\":{\"messageId\":\"POL0001\",\"text\":\"Sender %1 not allowed\",\"variables\":[\"" + KandyStub.Sender + "\"]}}}");
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));

        Assert.Equal(CpaasErrorKind.PolicyException, error.Kind);
        Assert.Equal("POL0001", error.ExceptionId);
        Assert.Equal("Sender " + KandyStub.Sender + " not allowed", error.Text);
    }

    // ---- transport security --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("http://kandy.internal.example")]
    [InlineData("http://10.1.2.3:8080")]
    [InlineData("http://oauth-cpaas.att.com")]
    public void PlainHttpToAHostThatIsNotLoopbackIsRefusedNamingTheOption(string baseUrl)
    {
        var handler = new InMemoryKandy();

        var error = Assert.ThrowsAny<Exception>(() => Client(o => o.BaseUrl = new Uri(baseUrl), handler));

        Output.WriteLine($"{Construction}: BaseUrl {baseUrl} → {error.GetType().Name}: {error.Message}");
        Assert.IsType(ConfigurationError, error);
        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowInsecureTransport", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AllowInsecureTransportIsTheExplicitOptIn()
    {
        var handler = new InMemoryKandy();
        var client = Client(
            o =>
            {
                o.BaseUrl = new Uri("http://kandy.internal.example");
                o.AllowInsecureTransport = true;
            },
            handler);

        Assert.Equal(2, (await client.Conversation.GetSubscriptionsAsync()).Count);
        Assert.All(handler.Requests, u => Assert.Equal("http://kandy.internal.example", u.GetLeftPart(UriPartial.Authority)));
    }

    [Fact]
    public async Task PlainHttpToLoopbackIsAllowedForTheEmulatorAndTests()
    {
        Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        var client = Client(o => o.BaseUrl = new Uri(Kandy.Url.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)));

        Assert.Equal(2, (await client.Conversation.GetSubscriptionsAsync()).Count);
    }
}
