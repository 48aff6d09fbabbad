using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>UnsubscribeAsync: GET subscription → DELETE subscription → GET channel → DELETE channel (webhook channels only).</summary>
public sealed class UnsubscribeTests : IClassFixture<KandyServer>
{
    private const string SubscriptionId = "f179f10b-e846-4370-af20-db5f7dc0f985";
    private const string SubscriptionPath = KandyServer.UserBase + "/inbound/subscriptions/" + SubscriptionId;
    private const string ChannelId = "wh-72b43d88-4cc1-466e-a453-ecbea3733a2e";
    private const string ChannelPath = KandyServer.ChannelBase + "/" + ChannelId;

    private readonly KandyServer _kandy;

    public UnsubscribeTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    /// <summary>The subscription fixture, notifying the webhook channel of channel-response.json.</summary>
    private static string WebhookSubscription()
        => Fixture.Read("subscription-response.json").Replace("ws-72b43d88-4cc1-466e-a453-ecbea3733a2e", ChannelId, StringComparison.Ordinal);

    [Fact]
    public async Task DeletesTheSubscriptionAndItsWebhookChannelInOrder()
    {
        _kandy.Stub("GET", SubscriptionPath, 200, WebhookSubscription());
        _kandy.Stub("DELETE", SubscriptionPath, 204);
        _kandy.Stub("GET", ChannelPath, 200, Fixture.Read("channel-response.json")); // "channelType": "Webhooks"
        _kandy.Stub("DELETE", ChannelPath, 204);
        using var client = _kandy.Client();

        var result = await client.Conversation.UnsubscribeAsync(SubscriptionId);

        var calls = _kandy.ApiCalls;
        Assert.Equal(4, calls.Count);
        Wire.AssertApiCall(calls[0], "GET", SubscriptionPath);
        Wire.AssertApiCall(calls[1], "DELETE", SubscriptionPath, expectsJson: false);
        Wire.AssertApiCall(calls[2], "GET", ChannelPath);
        Wire.AssertApiCall(calls[3], "DELETE", ChannelPath, expectsJson: false);
        Assert.Equal(SubscriptionId, result.SubscriptionId);
        Assert.Equal(ChannelId, result.ChannelId);
        Assert.True(result.ChannelDeleted);
    }

    [Theory]
    [InlineData("websockets")]
    [InlineData("push")]
    public async Task AChannelThatIsNotAWebhookChannelIsLeftAlone(string channelType)
    {
        _kandy.Stub("GET", SubscriptionPath, 200, WebhookSubscription());
        _kandy.Stub("DELETE", SubscriptionPath, 204);
        _kandy.Stub("GET", ChannelPath, 200, Fixture.Read("channel-response.json").Replace("\"Webhooks\"", "\"" + channelType + "\"", StringComparison.Ordinal));
        _kandy.Stub("DELETE", ChannelPath, 204);
        using var client = _kandy.Client();

        var result = await client.Conversation.UnsubscribeAsync(SubscriptionId);

        Assert.Equal(new[] { "GET", "DELETE", "GET" }, _kandy.ApiCalls.Select(c => c.RequestMessage.Method));
        Assert.DoesNotContain(_kandy.ApiCalls, c => c.RequestMessage.Method == "DELETE" && KandyServer.PathOf(c) == ChannelPath);
        Assert.False(result.ChannelDeleted);
        Assert.Equal(SubscriptionId, result.SubscriptionId);
    }

    /// <summary>
    /// The same user's websocket (browser SDK) and push (mobile app) channels, as GET …/channels/{id} really answers them:
    /// <c>channelData.channelURL</c>, no <c>x-webhookURL</c> (issue 11). Not ours: the subscription goes, the channel stays,
    /// and nothing is logged as a failure.
    /// </summary>
    [Theory]
    [InlineData(RealBodies.WebSocketChannelId)]
    [InlineData(RealBodies.PushChannelId)]
    public async Task AWebSocketOrPushSubscriptionTakesTheNotOursBranchWithoutWarnings(string channelId)
    {
        var channelPath = KandyServer.ChannelBase + "/" + channelId;
        var channel = channelId.StartsWith("ws-", StringComparison.Ordinal) ? RealBodies.WebSocketChannel(channelId) : RealBodies.PushChannel(channelId);
        _kandy.Stub("GET", SubscriptionPath, 200, RealBodies.SubscriptionBody(RealBodies.Subscription(channelId, "+16137001234", SubscriptionId)));
        _kandy.Stub("DELETE", SubscriptionPath, 204);
        _kandy.Stub("GET", channelPath, 200, RealBodies.ChannelBody(channel));
        _kandy.Stub("DELETE", channelPath, 204);
        var logs = new CapturingLoggerFactory();
        using var client = new CpaasClient(_kandy.Options(), new System.Net.Http.HttpClient(), logs);

        var result = await client.Conversation.UnsubscribeAsync(SubscriptionId);

        Assert.Equal(new[] { "GET", "DELETE", "GET" }, _kandy.ApiCalls.Select(c => c.RequestMessage.Method));
        Assert.DoesNotContain(_kandy.ApiCalls, c => c.RequestMessage.Method == "DELETE" && KandyServer.PathOf(c) == channelPath);
        Assert.Equal(SubscriptionId, result.SubscriptionId);
        Assert.Equal(channelId, result.ChannelId);
        Assert.False(result.ChannelDeleted);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task ASubscriptionListedWithoutDestinationAddressIsStillDeleted()
    {
        _kandy.Stub("GET", SubscriptionPath, 200, RealBodies.SubscriptionBody(RealBodies.Subscription(ChannelId, null, SubscriptionId)));
        _kandy.Stub("DELETE", SubscriptionPath, 204);
        _kandy.Stub("GET", ChannelPath, 200, Fixture.Read("channel-response.json"));
        _kandy.Stub("DELETE", ChannelPath, 204);
        using var client = _kandy.Client();

        var result = await client.Conversation.UnsubscribeAsync(SubscriptionId);

        Assert.Contains(_kandy.ApiCalls, c => c.RequestMessage.Method == "DELETE" && KandyServer.PathOf(c) == SubscriptionPath);
        Assert.True(result.ChannelDeleted);
    }

    [Fact]
    public async Task AChannelThatIsAlreadyGoneCountsAsDeleted()
    {
        _kandy.Stub("GET", SubscriptionPath, 200, WebhookSubscription());
        _kandy.Stub("DELETE", SubscriptionPath, 204);
        _kandy.Stub("GET", ChannelPath, 404, """{"requestError":{"serviceException":{"messageId":"SVC0004","text":"No valid channel","variables":[]}}}""");
        using var client = _kandy.Client();

        var result = await client.Conversation.UnsubscribeAsync(SubscriptionId);

        Assert.True(result.ChannelDeleted);
        Assert.Equal(3, _kandy.ApiCalls.Count);
        Assert.DoesNotContain(_kandy.ApiCalls, c => c.RequestMessage.Method == "DELETE" && KandyServer.PathOf(c) == ChannelPath);
    }

    [Fact]
    public async Task AMissingSubscriptionThrows404AndDeletesNothing()
    {
        _kandy.Stub("GET", SubscriptionPath, 404, """{"requestError":{"serviceException":{"messageId":"SVC0004","text":"No valid subscription for %1","variables":["f179f10b-e846-4370-af20-db5f7dc0f985"]}}}""");
        _kandy.Stub("DELETE", SubscriptionPath, 204);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.UnsubscribeAsync(SubscriptionId));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(CpaasErrorKind.ServiceException, error.Kind);
        Assert.Equal("No valid subscription for " + SubscriptionId, error.Text);
        var call = Assert.Single(_kandy.ApiCalls);
        Assert.Equal("GET", call.RequestMessage.Method);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task AnEmptyIdIsRejectedBeforeAnyCall(string? id)
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.UnsubscribeAsync(id!));

        Assert.Equal("subscriptionId", error.ParamName);
        Assert.Empty(_kandy.Server.LogEntries);
    }
}
