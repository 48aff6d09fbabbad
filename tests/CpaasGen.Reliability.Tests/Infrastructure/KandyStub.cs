using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// A WireMock server playing Kandy: one per test class (IClassFixture), reset by each test's constructor. Paths are
/// matched on the raw URL because WireMock's path matcher form-decodes '+' (see tests/CpaasGen.Sdk.Tests KandyServer).
/// </summary>
public sealed class KandyStub : IDisposable
{
    public const string ClientId = "PRIV-reliability-project";
    public const string ClientSecret = "cl13nt-s3cr3t-NEVER-LOGGED";
    public const string TokenPath = "/cpaas/auth/v1/token";
    public const string UserBase = "/cpaas/smsmessaging/v1/" + TestJwt.UserId;
    public const string SubscriptionsPath = UserBase + "/inbound/subscriptions";
    public const string ChannelsPath = "/cpaas/notificationchannel/v1/" + TestJwt.UserId + "/channels";
    public const string Sender = "+16137001234";
    public const string SendPath = UserBase + "/outbound/" + Sender + "/requests";

    public KandyStub() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string Url => Server.Urls[0];

    public void Reset() => Server.Reset();

    public CpaasClientOptions Options(Action<CpaasClientOptions>? configure = null)
    {
        var options = new CpaasClientOptions { BaseUrl = new Uri(Url), ClientId = ClientId, ClientSecret = ClientSecret, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client on its own HttpClient (so no connection is shared between tests), optionally with a handler and a logger factory.</summary>
    public CpaasClient Client(Action<CpaasClientOptions>? configure = null, HttpMessageHandler? handler = null, ILoggerFactory? loggers = null)
        => new(Options(configure), new HttpClient(handler ?? new SocketsHttpHandler()), loggers);

    /// <summary>Stubs the token endpoint with an 8-hour token issued now; returns the body's tokens.</summary>
    public (string AccessToken, string IdToken) StubToken(TimeSpan? delay = null)
    {
        var token = TestJwt.Response();
        var response = Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(token.Body);
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        Server.Given(Request.Create().WithPath(TokenPath).UsingPost()).RespondWith(response);
        return (token.AccessToken, token.IdToken);
    }

    public void Stub(string method, string path, int status, string? body = null, string contentType = "application/json")
        => Server.Given(RawPath(path).UsingMethod(method)).RespondWith(Json(status, body, contentType));

    public void Stub(string method, string path, IResponseBuilder response)
        => Server.Given(RawPath(path).UsingMethod(method)).RespondWith(response);

    /// <summary>Answers successive calls with the given responses in order; the last one repeats.</summary>
    public void Sequence(string method, string path, params IResponseBuilder[] responses)
        => WireMockRaw.Sequence(Server, method, path, responses);

    public static IResponseBuilder Json(int status, string? body = null, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(body);
        }

        return response;
    }

    public static IRequestBuilder RawPath(string path) => WireMockRaw.RawPath(path);

    public static string PathOf(ILogEntry entry) => WireMockRaw.PathOf(entry);

    /// <summary>The requests received for a raw path, oldest first.</summary>
    public IReadOnlyList<ILogEntry> Calls(string path)
        => Server.LogEntries.Where(e => PathOf(e) == path).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public IReadOnlyList<ILogEntry> TokenCalls => Calls(TokenPath);

    public IReadOnlyList<ILogEntry> ApiCalls => Server.LogEntries.Where(e => PathOf(e) != TokenPath).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public void Dispose() => Server.Stop();
}
