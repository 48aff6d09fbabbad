using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// Error bodies in the other shapes official SDKs handle (issue 11), read by the spec's generated error models: the
/// flattened <c>requestError</c>, the exception at the top level, and a plain <c>{"message": …}</c>. Id and text are
/// kept, and redacted and masked as for the ParlayREST shape.
/// </summary>
public sealed class ErrorShapeTests : IClassFixture<KandyServer>
{
    private const string SendPath = KandyServer.UserBase + "/outbound/+16137001234/requests";
    private const string SubscriptionsPath = KandyServer.UserBase + "/inbound/subscriptions";

    private readonly KandyServer _kandy;

    public ErrorShapeTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task AFlattenedRequestErrorKeepsItsIdTextAndVariables()
    {
        _kandy.Stub("GET", SubscriptionsPath, 400, """{"requestError":{"messageId":"SVC0002","text":"Invalid input value for message part %1","variables":["destinationAddress"]}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(CpaasErrorKind.ServiceException, error.Kind);
        Assert.Equal("SVC0002", error.ExceptionId);
        Assert.Equal("Invalid input value for message part destinationAddress", error.Text);
        Assert.Equal(new[] { "destinationAddress" }, error.Variables);
        Assert.Null(error.ResponseSnippet);
    }

    [Fact]
    public async Task AFlattenedRequestErrorWithAPolicyIdIsAPolicyException()
    {
        _kandy.Stub("POST", SendPath, 403, """{"requestError":{"messageId":"POL0001","text":"Sender %1 is not allowed","variables":["+16137001234"]}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234")));

        Assert.Equal(CpaasErrorKind.PolicyException, error.Kind);
        Assert.Equal("POL0001", error.ExceptionId);
        Assert.Equal("Sender +16137001234 is not allowed", error.Text);
        Assert.NotNull(error.Hint);
        Assert.DoesNotContain("16137001234", error.Message);
    }

    [Theory]
    [InlineData("serviceException", CpaasErrorKind.ServiceException)]
    [InlineData("policyException", CpaasErrorKind.PolicyException)]
    public async Task AnExceptionAtTheTopLevelKeepsItsIdAndText(string member, CpaasErrorKind kind)
    {
        _kandy.Stub("GET", SubscriptionsPath, 400, "{\"" + member + "\":{\"messageId\":\"SVC0005\",\"text\":\"Duplicate %1\",\"variables\":[\"clientCorrelator\"]}}");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(kind, error.Kind);
        Assert.Equal("SVC0005", error.ExceptionId);
        Assert.Equal("Duplicate clientCorrelator", error.Text);
    }

    [Fact]
    public async Task APlainMessageBodyKeepsItsText()
    {
        _kandy.Stub("GET", SubscriptionsPath, 429, """{"message":"API rate limit exceeded for +16137001234"}""");
        using var client = _kandy.Client(o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(CpaasErrorKind.PlainMessage, error.Kind);
        Assert.Null(error.ExceptionId);
        Assert.Equal("API rate limit exceeded for +16137001234", error.Text);
        Assert.Null(error.ResponseSnippet);
        Assert.Contains("API rate limit exceeded for +1613***1234", error.Message);
        Assert.DoesNotContain("16137001234", error.Message);
    }

    [Theory]
    [InlineData("""{"requestError":{"messageId":"SVC0002","text":"Bad value %1 in %2","variables":["{secret}","{text}"]}}""")]
    [InlineData("""{"serviceException":{"messageId":"SVC0002","text":"Bad value %1 in %2","variables":["{secret}","{text}"]}}""")]
    [InlineData("""{"message":"Bad value {secret} in {text}"}""")]
    public async Task EveryShapeIsRedactedLikeTheParlayRestShape(string template)
    {
        const string text = "the launch code is 0000";
        var body = template.Replace("{secret}", KandyServer.ClientSecret, System.StringComparison.Ordinal).Replace("{text}", text, System.StringComparison.Ordinal);
        _kandy.Stub("POST", SendPath, 400, body);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16139998877"],
            SenderAddress = "+16137001234",
            Message = text,
        }));

        Assert.NotNull(error.Text);
        Assert.StartsWith("Bad value", error.Text);
        foreach (var shown in new[] { error.Text, error.Message, error.ToString(), string.Join(" ", error.Variables) })
        {
            Assert.DoesNotContain(KandyServer.ClientSecret, shown, System.StringComparison.Ordinal);
            Assert.DoesNotContain(text, shown, System.StringComparison.Ordinal);
        }
    }
}
