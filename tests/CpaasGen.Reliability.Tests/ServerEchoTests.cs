using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// A server that echoes what it was sent (the token form, the Authorization header, the request body) into its error
/// answer. Whatever it echoes, the client secret, the password, the current and previous tokens and the message text
/// appear in no exception message, ToString(), Text, Variables, snippet or log line.
/// </summary>
public sealed class ServerEchoTests : IClassFixture<KandyStub>
{
    private const string Password = "pa55-w0rd/with&odd=chars";
    private const string Text = "the secret message text 42";

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public ServerEchoTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    private static IEnumerable<string> Texts(Exception error, CapturingLoggerProvider logs)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }

        yield return error.ToString();
        if (error is CpaasApiException api)
        {
            yield return api.Text ?? string.Empty;
            yield return api.ResponseSnippet ?? string.Empty;
            yield return api.Hint ?? string.Empty;
            foreach (var variable in api.Variables)
            {
                yield return variable;
            }
        }

        foreach (var text in logs.AllText)
        {
            yield return text;
        }
    }

    private void AssertAbsent(Exception error, CapturingLoggerProvider logs, params (string What, string Value)[] secrets)
    {
        var texts = Texts(error, logs).ToList();
        _output.WriteLine(error.GetType().Name + ": " + error.Message);
        var leaks = (from t in texts from s in secrets where s.Value.Length > 0 && t.Contains(s.Value, StringComparison.Ordinal) select s.What + " in: " + t).Distinct().ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task ATokenErrorEchoingTheFormDoesNotLeakTheClientSecret(string contentType)
    {
        var form = "grant_type=client_credentials&client_id=" + KandyStub.ClientId + "&client_secret=" + KandyStub.ClientSecret + "&scope=openid";
        var body = contentType == "text/html"
            ? "<html><body>Bad request: " + form + "</body></html>"
            : "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client for " + form + " (secret " + KandyStub.ClientSecret + ")\"}";
        _kandy.Server.Given(Request.Create().WithPath(KandyStub.TokenPath).UsingPost()).RespondWith(KandyStub.Json(401, body, contentType));
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(loggers: factory);

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(401, error.StatusCode);
        AssertAbsent(error, logs, ("client secret", KandyStub.ClientSecret), ("client secret (form-encoded)", WebUtility.UrlEncode(KandyStub.ClientSecret)));
    }

    [Fact]
    public async Task APasswordGrantErrorEchoingTheFormDoesNotLeakThePassword()
    {
        var body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials: username=dev%40example.com&password=" + WebUtility.UrlEncode(Password) + " / " + Password + "\"}";
        _kandy.Server.Given(Request.Create().WithPath(KandyStub.TokenPath).UsingPost()).RespondWith(KandyStub.Json(401, body));
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(
            o =>
            {
                o.ClientSecret = null;
                o.Email = "dev@example.com";
                o.Password = Password;
            },
            loggers: factory);

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal("invalid_grant", error.ExceptionId);
        AssertAbsent(error, logs, ("password", Password), ("password (form-encoded)", WebUtility.UrlEncode(Password)));
    }

    [Fact]
    public async Task AnHtml500EchoingTheAuthorizationHeaderDoesNotLeakTheToken()
    {
        var token = _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 500, "<html><body><h1>500</h1><pre>GET /subscriptions\nAuthorization: Bearer " + token.AccessToken + "\n</pre></body></html>", "text/html");
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(o => o.Retry.MaxRetries = 0, loggers: factory);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        var parts = token.AccessToken.Split('.');
        AssertAbsent(error, logs, ("access token", token.AccessToken), ("access token payload", parts[1][..24]), ("access token signature", parts[2]));
    }

    [Fact]
    public async Task AnErrorEchoingThePreviousTokenAfterARefreshDoesNotLeakIt()
    {
        var tokens = Enumerable.Range(0, 2).Select(_ => TestJwt.Response()).ToList();
        _kandy.Sequence("POST", KandyStub.TokenPath, tokens.Select(t => KandyStub.Json(200, t.Body)).ToArray());
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 401, "{\"error\":\"invalid_token\",\"error_description\":\"Token " + tokens[0].AccessToken + " and then " + tokens[1].AccessToken + " are not active\"}");
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(loggers: factory);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_token", error.ExceptionId);
        AssertAbsent(error, logs, ("previous token", tokens[0].AccessToken), ("current token", tokens[1].AccessToken), ("previous token payload", tokens[0].AccessToken.Split('.')[1][..24]));
    }

    [Theory]
    [InlineData("requestError")]
    [InlineData("html")]
    [InlineData("2xx")]
    public async Task AnAnswerEchoingTheSendDoesNotLeakTheMessageText(string shape)
    {
        _kandy.StubToken();
        var (status, body, type) = shape switch
        {
            "requestError" => (400, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0002\",\"text\":\"Invalid input value for message part %1: %2\",\"variables\":[\"message\",\"" + Text + "\"]}}}", "application/json"),
            "html" => (400, "<html><body>rejected: {\"outboundSMSTextMessage\":{\"message\":\"" + Text + "\"}}</body></html>", "text/html"),
            _ => (201, "<html><body>queued \"" + Text + "\"</body></html>", "text/html"),
        };
        _kandy.Stub("POST", KandyStub.SendPath, status, body, type);
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(loggers: factory);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client, text: Text));

        Assert.Equal(status, error.StatusCode);
        AssertAbsent(error, logs, ("message text", Text));
    }
}
