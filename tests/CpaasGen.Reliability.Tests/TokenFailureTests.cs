using System;
using System.Buffers.Text;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Every way the token endpoint can fail ends in a CpaasAuthenticationException carrying the HTTP status and, where
/// the server sent one, its error code — never a JsonException, NullReferenceException or other untyped exception —
/// and a failed token request is not cached: the next call asks again.
/// </summary>
public sealed class TokenFailureTests : IClassFixture<KandyStub>
{
    private static readonly string Jwt = TestJwt.Create("Bearer", DateTimeOffset.UtcNow, TimeSpan.FromHours(8));

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public TokenFailureTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    public static TheoryData<string, int, string?, string?, string, int, string?, CpaasErrorKind?> Cases() => new()
    {
        // name, status, content type, body, (expected) → status, exception id, kind
        { "OAuth 401 invalid_client", 401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}", "", 401, "invalid_client", CpaasErrorKind.OAuth },
        { "OAuth 400 invalid_grant", 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}", "", 400, "invalid_grant", CpaasErrorKind.OAuth },
        { "500 requestError", 500, "application/json", "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0001\",\"text\":\"A service error occurred. Error code is %1\",\"variables\":[\"E42\"]}}}", "", 500, "SVC0001", CpaasErrorKind.ServiceException },
        { "503 HTML page", 503, "text/html", "<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1></body></html>", "", 503, null, CpaasErrorKind.Unknown },
        { "200 HTML page", 200, "text/html", "<html><body><form action=\"/login\">Sign in</form></body></html>", "", 200, null, null },
        { "empty 502", 502, null, null, "", 502, null, CpaasErrorKind.Unknown },
        { "200 empty body", 200, "application/json", "", "", 200, null, null },
        { "200 not JSON", 200, "application/json", "this is not json", "", 200, null, null },
        { "200 truncated JSON", 200, "application/json", "{\"access_token\":\"eyJhbGciOi", "", 200, null, null },
        { "200 JSON null", 200, "application/json", "null", "", 200, null, null },
        { "200 JSON array", 200, "application/json", "[]", "", 200, null, null },
        { "200 no id_token", 200, "application/json", "{\"access_token\":\"" + Jwt + "\"}", "", 200, null, null },
        { "200 no access_token", 200, "application/json", "{\"id_token\":\"" + Jwt + "\"}", "", 200, null, null },
        { "200 empty tokens", 200, "application/json", "{\"access_token\":\"\",\"id_token\":\"\"}", "", 200, null, null },
        { "200 tokens of wrong types", 200, "application/json", "{\"access_token\":12,\"id_token\":{\"a\":[1]}}", "", 200, null, null },
        { "200 id_token not a JWT", 200, "application/json", "{\"access_token\":\"abc\",\"id_token\":\"not-a-jwt\"}", "", 200, null, null },
        { "200 id_token bad base64", 200, "application/json", "{\"access_token\":\"abc\",\"id_token\":\"a.!!!*.c\"}", "", 200, null, null },
        { "200 id_token payload not JSON", 200, "application/json", "{\"access_token\":\"abc\",\"id_token\":\"a." + B64("not json") + ".c\"}", "", 200, null, null },
        { "200 id_token without preferred_username", 200, "application/json", "{\"access_token\":\"abc\",\"id_token\":\"a." + B64("{\"sub\":\"x\"}") + ".c\"}", "", 200, null, null },
        { "200 preferred_username not a string", 200, "application/json", "{\"access_token\":\"abc\",\"id_token\":\"a." + B64("{\"preferred_username\":42}") + ".c\"}", "", 200, null, null },
        { "200 invalid UTF-8", 200, "application/json", null, "invalid-utf8", 200, null, null },
    };

    private static string B64(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AFailingTokenEndpointGivesATypedAuthenticationError(string name, int status, string? contentType, string? body, string special, int expectedStatus, string? expectedId, CpaasErrorKind? expectedKind)
    {
        var response = Response.Create().WithStatusCode(status);
        if (special == "invalid-utf8")
        {
            // A valid token shape whose unknown member name is not UTF-8.
            var bytes = Encoding.UTF8.GetBytes("{\"access_token\":\"abc\",\"\u0001\":1,\"id_token\":\"x\"}");
            bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;
            response = response.WithHeader("Content-Type", "application/json").WithBody(bytes);
        }
        else if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType!).WithBody(body);
        }

        _kandy.Server.Given(Request.Create().WithPath(KandyStub.TokenPath).UsingPost()).RespondWith(response);
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client(o => o.Retry.MaxRetries = 0);

        var outcome = await Outcome.Of(() => client.Conversation.GetSubscriptionsAsync(), TimeSpan.FromSeconds(15));

        _output.WriteLine(name + " → " + outcome.Describe() + (outcome.Error is null ? string.Empty : ": " + outcome.Error.Message));
        var error = Assert.IsType<CpaasAuthenticationException>(outcome.Error);
        Assert.Equal(expectedStatus, error.StatusCode);
        Assert.Equal(expectedId, error.ExceptionId);
        if (expectedKind is { } kind)
        {
            Assert.Equal(kind, error.Kind);
        }

        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            Assert.False(e is NullReferenceException or InvalidCastException or IndexOutOfRangeException, "untyped failure inside: " + e);
        }

        Assert.Empty(_kandy.Calls(KandyStub.SubscriptionsPath));
    }

    [Fact]
    public async Task AFailedTokenRequestIsNotCachedTheNextCallAsksAgain()
    {
        _kandy.Server.Given(Request.Create().WithPath(KandyStub.TokenPath).UsingPost())
            .RespondWith(KandyStub.Json(401, "{\"error\":\"invalid_client\"}"));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client();

        await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());
        _kandy.Reset();
        _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));

        Assert.Equal(2, (await client.Conversation.GetSubscriptionsAsync()).Count);
        Assert.Equal(2, client.TokenRequestCount);
    }

    [Fact]
    public async Task ConcurrentCallersAllSeeTheSameTokenFailure()
    {
        _kandy.Server.Given(Request.Create().WithPath(KandyStub.TokenPath).UsingPost())
            .RespondWith(KandyStub.Json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}").WithDelay(TimeSpan.FromMilliseconds(200)));
        using var client = _kandy.Client();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Outcome.Of(() => client.Conversation.GetSubscriptionsAsync(), TimeSpan.FromSeconds(15))));

        Assert.All(outcomes, o => Assert.Equal("invalid_client", Assert.IsType<CpaasAuthenticationException>(o.Error).ExceptionId));
        Assert.Single(_kandy.TokenCalls);
    }
}
