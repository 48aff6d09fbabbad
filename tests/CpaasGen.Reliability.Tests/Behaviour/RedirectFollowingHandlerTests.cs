using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests.Behaviour;

/// <summary>
/// An injected HttpClient whose handler follows redirects (the default of HttpClientHandler and SocketsHttpHandler):
/// the SDK cannot stop that handler from sending the redirected request's headers, but the request body (the client
/// secret, the message text) never reaches the other host, and the other host's answer is never taken as Kandy's.
/// </summary>
public sealed class RedirectFollowingHandlerTests : IClassFixture<BehaviourServers>
{
    private readonly BehaviourServers _servers;
    private readonly ITestOutputHelper _output;

    public RedirectFollowingHandlerTests(BehaviourServers servers, ITestOutputHelper output)
    {
        _servers = servers;
        _servers.Reset();
        _output = output;
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task TheTokenRequestsBodyNeverReachesTheOtherHost(int status)
    {
        _servers.Elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(KandyStub.Json(200, TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8))));
        _servers.Kandy.Stub("POST", KandyStub.TokenPath, WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithHeader("Location", _servers.ElsewhereUrl + KandyStub.TokenPath));
        using var client = new CpaasClient(_servers.Kandy.Options(), new HttpClient()); // follows redirects

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());
        await Task.Delay(200);

        _output.WriteLine($"token {status} with a redirect-following HttpClient → {error.Message}; the other host logged {_servers.Elsewhere.LogEntries.Count()} request(s)");
        Assert.Equal(CpaasErrorKind.Redirect, error.Kind);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_servers.Elsewhere.LogEntries, e => (e.RequestMessage.Body ?? string.Empty).Contains(KandyStub.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASendsBodyNeverReachesTheOtherHostAndItsAnswerIsNotTaken()
    {
        _servers.Kandy.StubToken();
        _servers.Elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(KandyStub.Json(201, Fixture.Read("send-response.json")));
        _servers.Kandy.Stub("POST", KandyStub.SendPath, WireMock.ResponseBuilders.Response.Create().WithStatusCode(307).WithHeader("Location", _servers.ElsewhereUrl + KandyStub.SendPath));
        using var client = new CpaasClient(_servers.Kandy.Options(), new HttpClient());

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client, text: "never to the other host"));
        await Task.Delay(200);

        Assert.Equal(CpaasErrorKind.Redirect, error.Kind);
        Assert.DoesNotContain(_servers.Elsewhere.LogEntries, e => (e.RequestMessage.Body ?? string.Empty).Contains("never to the other host", StringComparison.Ordinal));
        Assert.DoesNotContain(_servers.Elsewhere.LogEntries, e => e.RequestMessage.Headers?.ContainsKey("Authorization") == true);
    }

    [Fact]
    public async Task AGetWhoseRedirectTheHandlerFollowedIsRefused()
    {
        _servers.Kandy.StubToken();
        _servers.Elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        _servers.Kandy.Stub("GET", KandyStub.SubscriptionsPath, WireMock.ResponseBuilders.Response.Create().WithStatusCode(302).WithHeader("Location", _servers.ElsewhereUrl + KandyStub.SubscriptionsPath));
        using var client = new CpaasClient(_servers.Kandy.Options(), new HttpClient());

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(CpaasErrorKind.Redirect, error.Kind);
        Assert.Contains("AllowAutoRedirect", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_servers.Elsewhere.LogEntries, e => e.RequestMessage.Headers?.ContainsKey("Authorization") == true);
    }
}
