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

    /// <summary>Stubs the token endpoint with an 8-hour token issued now.</summary>
    public void StubToken(TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null)
        => Server.Given(Request.Create().WithPath("/cpaas/auth/v1/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(TestJwt.TokenResponse(issuedAt ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(8))));

    public void Stub(string method, string path, int status, string? body = null, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(body);
        }

        Server.Given(RawPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>
    /// Matches the raw request path. WireMock's own path matcher form-decodes '+' to a space, but '+' is literal in a
    /// URL path (RFC 3986) and is what the SDK sends for E.164 numbers, so the tests match on the undecoded URL.
    /// </summary>
    public static IRequestBuilder RawPath(string path)
        => Request.Create().WithUrl(url => string.Equals(new Uri(url).AbsolutePath, path, StringComparison.Ordinal));

    /// <summary>The path exactly as it was on the wire ('+' not decoded).</summary>
    public static string PathOf(ILogEntry entry) => new Uri(entry.RequestMessage.Url).AbsolutePath;

    /// <summary>The raw query string, without '?'.</summary>
    public static string QueryOf(ILogEntry entry) => new Uri(entry.RequestMessage.Url).Query.TrimStart('?');

    public IReadOnlyList<ILogEntry> Calls(string? pathPrefix = null)
        => Server.LogEntries.Where(e => pathPrefix is null || e.RequestMessage.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public IReadOnlyList<ILogEntry> TokenCalls => Calls("/cpaas/auth/v1/token");

    public IReadOnlyList<ILogEntry> ApiCalls => Server.LogEntries.Where(e => !e.RequestMessage.Path.StartsWith("/cpaas/auth", StringComparison.Ordinal)).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public void Dispose() => Server.Stop();
}
