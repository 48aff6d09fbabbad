using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cpaas.Tests;

/// <summary>
/// One WireMock server per test class (IClassFixture), reset between tests, with helpers for the token endpoint
/// and the Kandy paths. Tests assert on the requests WireMock received: method, raw path, headers and body.
/// </summary>
public sealed class KandyServer : IDisposable
{
    public const string ClientId = "PRIV-test-project";
    public const string ClientSecret = "s3cr3t-value-never-logged";
    public const string UserBase = "/cpaas/smsmessaging/v1/" + TestJwt.UserId;
    public const string ChannelBase = "/cpaas/notificationchannel/v1/" + TestJwt.UserId + "/channels";
    public const string TokenPath = "/cpaas/auth/v1/token";

    public KandyServer() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string Url => Server.Urls[0];

    public void Reset() => Server.Reset();

    public CpaasClientOptions Options(Action<CpaasClientOptions>? configure = null)
    {
        var options = new CpaasClientOptions { BaseUrl = new Uri(Url), ClientId = ClientId, ClientSecret = ClientSecret, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return options;
    }

    public CpaasClient Client(Action<CpaasClientOptions>? configure = null) => new(Options(configure), new HttpClient());

    /// <summary>Stubs the token endpoint with an 8-hour token issued now (optionally slow, or for another user).</summary>
    public void StubToken(TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null, string userId = TestJwt.UserId, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody(TestJwt.TokenResponse(issuedAt ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(8), userId));
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        Server.Given(Request.Create().WithPath(TokenPath).UsingPost()).RespondWith(response);
    }

    /// <summary>
    /// Stubs the token endpoint to hand out a different token on each call (the last one repeats), and returns the
    /// access tokens in the order they will be served.
    /// </summary>
    public IReadOnlyList<string> StubTokenSequence(int count)
    {
        var bodies = new List<(int, string?)>();
        var accessTokens = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var body = TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8));
            using var document = System.Text.Json.JsonDocument.Parse(body);
            accessTokens.Add(document.RootElement.GetProperty("access_token").GetString()!);
            bodies.Add((200, body));
        }

        StubSequence("POST", TokenPath, bodies.ToArray());
        return accessTokens;
    }

    /// <summary>Answers successive calls to <paramref name="path"/> with the given responses in order; the last one repeats.</summary>
    public void StubSequence(string method, string path, params (int Status, string? Body)[] responses)
    {
        var builders = new List<IResponseBuilder>(responses.Length);
        foreach (var (status, body) in responses)
        {
            builders.Add(Build(status, body, "application/json"));
        }

        WireMockRaw.Sequence(Server, method, path, builders);
    }

    /// <summary>Stubs a path whose raw query string satisfies <paramref name="query"/> (e.g. to serve pages by their <c>next</c> value).</summary>
    public void StubQuery(string method, string path, Func<string, bool> query, int status, string? body = null)
        => Server.Given(Request.Create().WithUrl(url => string.Equals(new Uri(url).AbsolutePath, path, StringComparison.Ordinal) && query(new Uri(url).Query.TrimStart('?'))).UsingMethod(method))
            .RespondWith(Build(status, body, "application/json"));

    public void Stub(string method, string path, int status, string? body = null, string contentType = "application/json")
        => Server.Given(RawPath(path).UsingMethod(method)).RespondWith(Build(status, body, contentType));

    private static IResponseBuilder Build(int status, string? body, string contentType)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(body);
        }

        return response;
    }

    /// <summary>Matches the raw request path (see <see cref="WireMockRaw"/>).</summary>
    public static IRequestBuilder RawPath(string path) => WireMockRaw.RawPath(path);

    /// <summary>The path exactly as it was on the wire ('+' not decoded).</summary>
    public static string PathOf(ILogEntry entry) => WireMockRaw.PathOf(entry);

    /// <summary>The raw query string, without '?'.</summary>
    public static string QueryOf(ILogEntry entry) => WireMockRaw.QueryOf(entry);

    /// <summary>
    /// Stubs a slow response and returns a task that completes when the request ARRIVES (before the delayed answer), so a
    /// test can act while the call is in flight without guessing with Task.Delay.
    /// </summary>
    public System.Threading.Tasks.Task StubDelayed(string method, string path, TimeSpan delay, int status = 200, string? body = null)
    {
        var arrived = new System.Threading.Tasks.TaskCompletionSource(System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
        Server.Given(Request.Create().UsingMethod(method).WithUrl(url =>
            {
                var match = string.Equals(new Uri(url).AbsolutePath, path, StringComparison.Ordinal);
                if (match)
                {
                    arrived.TrySetResult();
                }

                return match;
            }))
            .RespondWith(Build(status, body, "application/json").WithDelay(delay));
        return arrived.Task;
    }

    public IReadOnlyList<ILogEntry> Calls(string? pathPrefix = null)
        => Server.LogEntries.Where(e => pathPrefix is null || e.RequestMessage.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public IReadOnlyList<ILogEntry> TokenCalls => Calls(TokenPath);

    public IReadOnlyList<ILogEntry> ApiCalls => Server.LogEntries.Where(e => !e.RequestMessage.Path.StartsWith("/cpaas/auth", StringComparison.Ordinal)).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public void Dispose() => Server.Stop();
}
