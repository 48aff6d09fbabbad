using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>SubscribeAsync: channel, then subscription; rollback of the channel when the subscription fails.</summary>
public sealed class SubscribeTests : IClassFixture<KandyServer>
{
    private const string SubscriptionsPath = KandyServer.UserBase + "/inbound/subscriptions";
    private const string ChannelId = "wh-72b43d88-4cc1-466e-a453-ecbea3733a2e";
    private const string Correlator = KandyServer.ClientId + "-csharp";

    private static readonly Uri Webhook = new("https://myapp.com/abc123");

    private readonly KandyServer _kandy;

    public SubscribeTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task CreatesTheWebhookChannelThenTheSubscriptionThatNotifiesIt()
    {
        _kandy.Stub("POST", KandyServer.ChannelBase, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", SubscriptionsPath, 201, Fixture.Read("subscription-response.json"));
        using var client = _kandy.Client();

        var result = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook, DestinationAddress = "+16137001234" });

        var calls = _kandy.ApiCalls;
        Assert.Equal(2, calls.Count);
        Wire.AssertApiCall(calls[0], "POST", KandyServer.ChannelBase, hasBody: true);
        Wire.AssertJson(
            """{"notificationChannel":{"channelData":{"x-webhookURL":"https://myapp.com/abc123"},"channelType":"webhooks","clientCorrelator":"PRIV-test-project-csharp"}}""",
            calls[0].RequestMessage.Body);
        Wire.AssertApiCall(calls[1], "POST", SubscriptionsPath, hasBody: true);
        Wire.AssertJson(
            """{"subscription":{"callbackReference":{"notifyURL":"wh-72b43d88-4cc1-466e-a453-ecbea3733a2e"},"clientCorrelator":"PRIV-test-project-csharp","destinationAddress":"+16137001234"}}""",
            calls[1].RequestMessage.Body);
        Assert.Contains("\"+16137001234\"", calls[1].RequestMessage.Body); // '+' not escaped

        Assert.Equal("f179f10b-e846-4370-af20-db5f7dc0f985", result.SubscriptionId);
        Assert.Equal("+16137001234", result.DestinationAddress);
        Assert.Equal(ChannelId, result.ChannelId);
        Assert.Equal(Webhook, result.WebhookUrl);
    }

    [Fact]
    public async Task WithoutADestinationTheMemberIsOmittedAndTheNumberIsEchoedFromTheResponse()
    {
        var response = JsonNode.Parse(Fixture.Read("subscription-response.json"))!;
        response["subscription"]!["destinationAddress"] = "+16135550100"; // Kandy's default number for this user
        _kandy.Stub("POST", KandyServer.ChannelBase, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", SubscriptionsPath, 201, response.ToJsonString());
        using var client = _kandy.Client();

        var result = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook });

        var subscribe = _kandy.ApiCalls[1];
        Wire.AssertJson(
            """{"subscription":{"callbackReference":{"notifyURL":"wh-72b43d88-4cc1-466e-a453-ecbea3733a2e"},"clientCorrelator":"PRIV-test-project-csharp"}}""",
            subscribe.RequestMessage.Body);
        Assert.DoesNotContain("destinationAddress", subscribe.RequestMessage.Body);
        Assert.Equal("+16135550100", result.DestinationAddress);
        Assert.Equal("f179f10b-e846-4370-af20-db5f7dc0f985", result.SubscriptionId);
    }

    [Fact]
    public async Task ARequestClientCorrelatorIsUsedInBothBodies()
    {
        _kandy.Stub("POST", KandyServer.ChannelBase, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", SubscriptionsPath, 201, Fixture.Read("subscription-response.json"));
        using var client = _kandy.Client(o => o.ClientCorrelator = "from-options");

        await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook, ClientCorrelator = "mine-1" });

        Assert.All(_kandy.ApiCalls, c => Assert.Contains("\"clientCorrelator\":\"mine-1\"", c.RequestMessage.Body));
    }

    [Fact]
    public async Task WhenTheSubscriptionIsForbiddenTheChannelIsDeletedBeforeTheErrorIsThrown()
    {
        const string policy = """{"requestError":{"policyException":{"messageId":"POL0001","text":"Number %1 is not assigned to %2","variables":["+16137001234","project"]}}}""";
        _kandy.Stub("POST", KandyServer.ChannelBase, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", SubscriptionsPath, 403, policy);
        _kandy.Stub("DELETE", KandyServer.ChannelBase + "/" + ChannelId, 204);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook, DestinationAddress = "+16137001234" }));

        var calls = _kandy.ApiCalls;
        Assert.Equal(new[] { "POST", "POST", "DELETE" }, calls.Select(c => c.RequestMessage.Method));
        Wire.AssertApiCall(calls[2], "DELETE", KandyServer.ChannelBase + "/" + ChannelId, hasBody: false, expectsJson: false);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(CpaasErrorKind.PolicyException, error.Kind);
        Assert.Equal("POL0001", error.ExceptionId);
        Assert.Equal("Number +16137001234 is not assigned to project", error.Text);
        Assert.Contains("not owned", error.Message);
        Assert.Contains("not assigned", error.Message);
        Assert.Contains("+1613***1234", error.Message);
        Assert.DoesNotContain("16137001234", error.Message);
    }

    [Fact]
    public async Task WhenTheSubscriptionFailsOtherwiseTheChannelIsStillDeleted()
    {
        _kandy.Stub("POST", KandyServer.ChannelBase, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", SubscriptionsPath, 500, Fixture.Read("error-service.json"));
        _kandy.Stub("DELETE", KandyServer.ChannelBase + "/" + ChannelId, 204);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook }));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(KandyServer.ChannelBase + "/" + ChannelId, KandyServer.PathOf(_kandy.ApiCalls.Last()));
        Assert.Equal("DELETE", _kandy.ApiCalls.Last().RequestMessage.Method);
    }

    [Fact]
    public async Task WhenTheChannelCannotBeCreatedNoSubscriptionIsAttempted()
    {
        _kandy.Stub("POST", KandyServer.ChannelBase, 400, Fixture.Read("error-service.json"));
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(KandyServer.ChannelBase, KandyServer.PathOf(Assert.Single(_kandy.ApiCalls)));
    }

    public static TheoryData<Uri?> InvalidWebhooks => new()
    {
        new Uri("/inbound-sms/webhook", UriKind.Relative),
        new Uri("ftp://myapp.com/webhook"),
        new Uri("file:///tmp/webhook"),
        null,
    };

    [Theory]
    [MemberData(nameof(InvalidWebhooks))]
    public async Task AnInvalidWebhookUrlIsRejectedBeforeAnyCall(Uri? webhook)
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = webhook! }));

        Assert.Equal("WebhookUrl", error.ParamName);
        Assert.Contains("WebhookUrl", error.Message);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("6137001234")]
    [InlineData("+1613700123x")]
    public async Task AnInvalidDestinationIsRejectedBeforeAnyCall(string destination)
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook, DestinationAddress = destination }));

        Assert.Equal("DestinationAddress", error.ParamName);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Fact]
    public async Task SubscribeResultToStringMasksTheNumber()
    {
        _kandy.Stub("POST", KandyServer.ChannelBase, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", SubscriptionsPath, 201, Fixture.Read("subscription-response.json"));
        using var client = _kandy.Client();

        var result = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = Webhook, DestinationAddress = "+16137001234" });

        Assert.Contains("+1613***1234", result.ToString());
        Assert.DoesNotContain("16137001234", result.ToString());
    }
}
