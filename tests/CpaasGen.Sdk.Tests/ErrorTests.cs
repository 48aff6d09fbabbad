using System;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>How API failures surface: 401 refresh-and-retry, ParlayREST error bodies, non-JSON bodies, bad success bodies.</summary>
public sealed class ErrorTests : IClassFixture<KandyServer>
{
    private const string SendPath = KandyServer.UserBase + "/outbound/+16137001234/requests";
    private const string SubscriptionsPath = KandyServer.UserBase + "/inbound/subscriptions";

    private readonly KandyServer _kandy;

    public ErrorTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
    }

    private static CreateMessageRequest Send() => SendMessageTests.Message("+16137001234");

    [Fact]
    public async Task A401IsAnsweredByOneTokenRefreshAndOneRetryWithTheNewToken()
    {
        var tokens = _kandy.StubTokenSequence(2);
        _kandy.StubSequence("POST", SendPath, (401, null), (201, Fixture.Read("send-response.json")));
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Send());

        Assert.Equal("+16137001234", sent.SenderAddress);
        Assert.Equal(2, _kandy.TokenCalls.Count);
        var calls = _kandy.ApiCalls;
        Assert.Equal(2, calls.Count);
        Wire.AssertApiCall(calls[0], "POST", SendPath, hasBody: true, bearer: tokens[0]);
        Wire.AssertApiCall(calls[1], "POST", SendPath, hasBody: true, bearer: tokens[1]);
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Equal(calls[0].RequestMessage.Body, calls[1].RequestMessage.Body); // the body is replayed unchanged
        Assert.Equal(2, client.TokenRequestCount);
    }

    [Fact]
    public async Task A401TwiceThrowsAfterExactlyOneRetry()
    {
        _kandy.StubTokenSequence(3);
        _kandy.Stub("GET", SubscriptionsPath, 401, """{"requestError":{"serviceException":{"messageId":"SVC0001","text":"Invalid token","variables":[]}}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("SVC0001", error.ExceptionId);
        Assert.Equal(2, _kandy.ApiCalls.Count);
        Assert.Equal(2, _kandy.TokenCalls.Count);
    }

    [Fact]
    public async Task A403PolicyExceptionIsTypedSubstitutedAndMasked()
    {
        _kandy.StubToken();
        _kandy.Stub("POST", SendPath, 403, """{"requestError":{"policyException":{"messageId":"POL0001","text":"Sender %1 is not owned by %2; %1 again","variables":["+16137001234","project"]}}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(Send()));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal((int)System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(CpaasErrorKind.PolicyException, error.Kind);
        Assert.Equal("POL0001", error.ExceptionId);
        Assert.Equal("Sender +16137001234 is not owned by project; +16137001234 again", error.Text);
        Assert.Equal(new[] { "+16137001234", "project" }, error.Variables);
        Assert.Contains("+1613***1234", error.Message);
        Assert.DoesNotContain("16137001234", error.Message);
        Assert.Contains("not owned", error.Message);
        Assert.Contains("not assigned", error.Message);
        Assert.NotNull(error.Hint);
        Assert.DoesNotContain(KandyServer.ClientSecret, error.ToString());
    }

    [Fact]
    public async Task TheServiceExceptionFixtureIsSubstituted()
    {
        _kandy.StubToken();
        _kandy.Stub("POST", SendPath, 400, Fixture.Read("error-service.json"));
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(Send()));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(CpaasErrorKind.ServiceException, error.Kind);
        Assert.Equal("test-exception-id", error.ExceptionId);
        Assert.Equal("Attribute john specified in message part userName is a duplicate", error.Text);
        Assert.Equal(new[] { "john", "userName" }, error.Variables);
        Assert.Contains("Attribute john specified in message part userName is a duplicate", error.Message);
    }

    [Fact]
    public async Task A404WithARequestErrorIsTyped()
    {
        _kandy.StubToken();
        _kandy.Stub("GET", SubscriptionsPath + "/gone", 404, """{"requestError":{"serviceException":{"messageId":"SVC0004","text":"No valid addresses provided in message part %1","variables":["subscriptionId"]}}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionAsync("gone"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(CpaasErrorKind.ServiceException, error.Kind);
        Assert.Equal("SVC0004", error.ExceptionId);
        Assert.Equal("No valid addresses provided in message part subscriptionId", error.Text);
        Assert.Single(_kandy.ApiCalls); // no retry on 404
    }

    [Fact]
    public async Task A500WithAnHtmlBodyGivesAMaskedSnippetAndNoJsonError()
    {
        _kandy.StubToken();
        _kandy.Stub("POST", SendPath, 500, "<html><body>Bad gateway while sending to +16131234567</body></html>", "text/html");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(Send()));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Unknown, error.Kind);
        Assert.Null(error.ExceptionId);
        Assert.NotNull(error.ResponseSnippet);
        Assert.Contains("Bad gateway", error.ResponseSnippet);
        Assert.Contains("+1613***4567", error.ResponseSnippet);
        Assert.DoesNotContain("16131234567", error.ResponseSnippet);
        Assert.DoesNotContain("16131234567", error.Message);
        Assert.IsNotAssignableFrom<JsonException>(error.InnerException);
        Assert.Null(error.InnerException);
        Assert.Single(_kandy.ApiCalls); // 5xx on a POST is not retried
    }

    [Fact]
    public async Task A503WithAnEmptyBodyIsReported()
    {
        _kandy.StubToken();
        _kandy.Stub("GET", SubscriptionsPath, 503);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Unknown, error.Kind);
        Assert.Null(error.InnerException);
        Assert.Contains("503", error.Message);
    }

    [Fact]
    public async Task A200WithAnEmptyBodyWhereJsonIsExpectedIsAnApiError()
    {
        _kandy.StubToken();
        _kandy.Stub("GET", SubscriptionsPath, 200, string.Empty);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(200, error.StatusCode);
    }

    [Theory]
    [InlineData("{\"subscriptionList\": {\"subscription\": [")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{\"subscriptionList\": 5}")]
    [InlineData("{}")]
    public async Task A200WithMalformedJsonIsAnApiErrorNotAJsonException(string body)
    {
        _kandy.StubToken();
        _kandy.Stub("GET", SubscriptionsPath, 200, body);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Unknown, error.Kind);
    }

    [Fact]
    public async Task TheTokenEndpointsOAuthErrorIsAnAuthenticationException()
    {
        _kandy.Stub("POST", KandyServer.TokenPath, 401, """{"error":"invalid_client","error_description":"Invalid client secret"}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.CreateMessageAsync(Send()));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(CpaasErrorKind.OAuth, error.Kind);
        Assert.Equal("invalid_client", error.ExceptionId);
        Assert.Equal("Invalid client secret", error.Text);
        Assert.DoesNotContain(KandyServer.ClientSecret, error.ToString());
        Assert.Single(_kandy.TokenCalls);
        Assert.Empty(_kandy.ApiCalls);
    }

    [Fact]
    public async Task ATokenEndpoint500WithHtmlIsAnAuthenticationException()
    {
        _kandy.Stub("POST", KandyServer.TokenPath, 500, "<html><body>Internal error</body></html>", "text/html");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Unknown, error.Kind);
        Assert.Contains("Internal error", error.ResponseSnippet);
        Assert.Empty(_kandy.ApiCalls);
    }

    [Fact]
    public async Task AFailedTokenRequestIsRetriedOnTheNextCall()
    {
        _kandy.StubSequence("POST", KandyServer.TokenPath, (500, null), (200, TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8))));
        _kandy.Stub("GET", SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client();

        await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());
        var list = await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, list.Count);
        Assert.Equal(2, _kandy.TokenCalls.Count);
    }
}
