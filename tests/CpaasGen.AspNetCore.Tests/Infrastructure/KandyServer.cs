using System;
using System.Collections.Generic;
using System.Linq;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cpaas.AspNetCore.Tests;

/// <summary>
/// A WireMock stand-in for Kandy (the parts the DI tests need; adapted from the SDK tests' KandyServer). WireMock's
/// path matcher form-decodes '+' to a space, so Kandy paths with E.164 numbers are matched on the raw URL.
/// </summary>
public sealed class KandyServer : IDisposable
{
    public const string ClientId = "PRIV-test-project";
    public const string ClientSecret = "s3cr3t-value-never-logged";
    public const string TokenPath = "/cpaas/auth/v1/token";
    public const string UserBase = "/cpaas/smsmessaging/v1/" + TestJwt.UserId;
    public const string Sender = "+16137001234";
    public const string SendPath = UserBase + "/outbound/" + Sender + "/requests";
    public const string SubscriptionsPath = UserBase + "/inbound/subscriptions";

    public KandyServer() => Server = WireMockServer.Start();

    public WireMockServer Server { get; }

    public string Url => Server.Urls[0];

    public void Reset() => Server.Reset();

    /// <summary>Stubs the token endpoint with an 8-hour token for <paramref name="userId"/>.</summary>
    public void StubToken(string userId = TestJwt.UserId)
        => Server.Given(Request.Create().WithPath(TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8), userId)));

    public void Stub(string method, string path, int status, string? body = null, params (string Name, string Value)[] headers)
        => Server.Given(RawPath(path).UsingMethod(method)).RespondWith(Build(status, body, headers));

    /// <summary>Answers successive calls with the given responses in order; the last one repeats.</summary>
    public void StubSequence(string method, string path, params (int Status, string? Body, (string Name, string Value)[] Headers)[] responses)
    {
        var builders = new List<IResponseBuilder>(responses.Length);
        foreach (var (status, body, headers) in responses)
        {
            builders.Add(Build(status, body, headers));
        }

        WireMockRaw.Sequence(Server, method, path, builders);
    }

    private static IResponseBuilder Build(int status, string? body, (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return body is null ? response : response.WithHeader("Content-Type", "application/json").WithBody(body);
    }

    /// <summary>Matches the raw request path ('+' is literal in a URL path; WireMock's path matcher decodes it to a space).</summary>
    public static IRequestBuilder RawPath(string path) => WireMockRaw.RawPath(path);

    public static string PathOf(ILogEntry entry) => WireMockRaw.PathOf(entry);

    /// <summary>The calls to <paramref name="path"/> (raw path), in arrival order.</summary>
    public IReadOnlyList<ILogEntry> Calls(string path)
        => Server.LogEntries.Where(e => PathOf(e) == path).OrderBy(e => e.RequestMessage.DateTime).ToList();

    public void Dispose() => Server.Stop();
}
