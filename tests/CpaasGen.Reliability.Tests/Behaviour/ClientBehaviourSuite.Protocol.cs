using System;
using System.Linq;
using System.Threading.Tasks;
using Cpaas.Api;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Cpaas.Reliability.Tests.Behaviour;

/// <summary>
/// The protocol layer (<see cref="CpaasClient.Api"/>, the client generated from the spec) runs on the same request
/// pipeline as the convenience methods, under both constructions: authenticated, retried per the user's options,
/// redirects refused, the size limit applied, errors mapped to <see cref="CpaasApiException"/>, echoed secrets redacted.
/// </summary>
public abstract partial class ClientBehaviourSuite
{
    private static OutboundSmsMessageRequestBody ProtocolSendBody(string text) => new()
    {
        OutboundSmsMessageRequest = new OutboundSmsMessageRequest
        {
            Address = [Calls.Destination],
            OutboundSmsTextMessage = new OutboundSmsTextMessage { Message = text },
        },
    };

    [Fact]
    public async Task AProtocolCallIsAuthenticatedAndGetsTheUserIdFromTheToken()
    {
        var (accessToken, _) = Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        var client = Client();

        var page = await client.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CpaasClient.CurrentUser);

        Assert.NotEmpty(page.SubscriptionList!.Subscription!);
        var call = Assert.Single(Kandy.Calls(KandyStub.SubscriptionsPath)); // the user id from the token, in the path
        Assert.Equal("Bearer " + accessToken, call.RequestMessage.Headers!["Authorization"].Single());
        Assert.True(call.RequestMessage.Headers!.ContainsKey("X-Cpaas-Agent"), "the agent header is missing");
        Assert.Single(Kandy.TokenCalls);
    }

    [Fact]
    public async Task AProtocolCallSharesTheConvenienceCallsToken()
    {
        Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        var client = Client();

        await client.Conversation.GetSubscriptionsAsync();
        await client.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CpaasClient.CurrentUser);

        Assert.Single(Kandy.TokenCalls); // one pipeline, one token provider
        Assert.Equal(2, Kandy.Calls(KandyStub.SubscriptionsPath).Count);
    }

    [Fact]
    public async Task AProtocolCallAnswered401RefreshesTheTokenOnce()
    {
        Kandy.StubToken();
        Kandy.Sequence("GET", KandyStub.SubscriptionsPath, KandyStub.Json(401), KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        var client = Client();

        await client.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CpaasClient.CurrentUser);

        Assert.Equal(2, Kandy.TokenCalls.Count);
        Assert.Equal(2, Kandy.Calls(KandyStub.SubscriptionsPath).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task AProtocolGetIsRetriedExactlyAsTheOptionsSay(int maxRetries)
    {
        Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 503, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0003\",\"text\":\"busy\"}}}");
        var client = Client(o => o.Retry.MaxRetries = maxRetries);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CpaasClient.CurrentUser));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1 + maxRetries, Kandy.Calls(KandyStub.SubscriptionsPath).Count);
    }

    [Fact]
    public async Task AProtocolSendAnswered503IsSentOnce()
    {
        Kandy.StubToken();
        Kandy.Stub("POST", KandyStub.SendPath, 503);
        var client = Client(o => o.Retry.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Api.SmsOutbound.CreateOutboundSmsMessageAsync(CpaasClient.CurrentUser, KandyStub.Sender, ProtocolSendBody("once")));

        Assert.Equal(503, error.StatusCode);
        Assert.False(error.MayHaveBeenProcessed);
        Assert.Single(Kandy.Calls(KandyStub.SendPath));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task AProtocolSendAnsweredWithARedirectIsRefusedAndNothingReachesTheOtherHost(int status)
    {
        Kandy.StubToken();
        Servers.Elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(KandyStub.Json(201, Fixture.Read("send-response.json")));
        Kandy.Stub("POST", KandyStub.SendPath, RedirectTo(status, KandyStub.SendPath));
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Api.SmsOutbound.CreateOutboundSmsMessageAsync(CpaasClient.CurrentUser, KandyStub.Sender, ProtocolSendBody("stay home")));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Redirect, error.Kind);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.Single(Kandy.Calls(KandyStub.SendPath));
        AssertNothingReachedElsewhere();
    }

    [Fact]
    public async Task AProtocolErrorIsTheSameTypedExceptionAsAConvenienceError()
    {
        Kandy.StubToken();
        Kandy.Stub("POST", KandyStub.SendPath, 403, "{\"requestError\":{\"policyException\":{\"messageId\":\"POL1001\",\"text\":\"Sender %1 is not assigned to the project\",\"variables\":[\"" + KandyStub.Sender + "\"]}}}");
        var client = Client();

        var convenience = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));
        var protocol = await Assert.ThrowsAsync<CpaasApiException>(() => client.Api.SmsOutbound.CreateOutboundSmsMessageAsync(CpaasClient.CurrentUser, KandyStub.Sender, ProtocolSendBody("x")));

        Assert.Equal(403, protocol.StatusCode);
        Assert.Equal("POL1001", protocol.ExceptionId);
        Assert.Equal(convenience.Kind, protocol.Kind);
        Assert.Equal(convenience.Text, protocol.Text);
        Assert.Equal(convenience.Variables, protocol.Variables);
    }

    [Fact]
    public async Task AProtocolErrorEchoingTheSecretOrTheTokenIsRedacted()
    {
        var (accessToken, _) = Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 400, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0001\",\"text\":\"bad %1 %2\",\"variables\":[\"" + KandyStub.ClientSecret + "\",\"Bearer " + accessToken + "\"]}}}");
        var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CpaasClient.CurrentUser));

        Assert.Equal("SVC0001", error.ExceptionId);
        foreach (var text in new[] { error.Message, error.Text ?? string.Empty, string.Join(" ", error.Variables) })
        {
            Assert.DoesNotContain(KandyStub.ClientSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(accessToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AProtocolAnswerOverMaxResponseBytesIsRefused()
    {
        Kandy.StubToken();
        Kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, "{\"subscriptionList\":{\"subscription\":[],\"pad\":\"" + new string('x', 64 * 1024) + "\"}}");
        var client = Client(o => o.MaxResponseBytes = 16 * 1024);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CpaasClient.CurrentUser));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
    }
}
