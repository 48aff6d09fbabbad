using System;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>GetSubscriptionsAsync and GetSubscriptionAsync.</summary>
public sealed class SubscriptionListTests : IClassFixture<KandyServer>
{
    private const string SubscriptionsPath = KandyServer.UserBase + "/inbound/subscriptions";

    private readonly KandyServer _kandy;

    public SubscriptionListTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task ListsTheFixtureSubscriptionsWithIdsFromTheirResourceUrls()
    {
        _kandy.Stub("GET", SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client();

        var list = await client.Conversation.GetSubscriptionsAsync();

        Wire.AssertApiCall(Assert.Single(_kandy.ApiCalls), "GET", SubscriptionsPath);
        Assert.Equal(string.Empty, KandyServer.QueryOf(_kandy.ApiCalls[0]));
        Assert.Collection(
            list,
            s =>
            {
                Assert.Equal("f179f10b-e846-4370-af20-db5f7dc0f985", s.SubscriptionId);
                Assert.Equal("ws-72b43d88-4cc1-466e-a453-ecbea3733a2e", s.ChannelId);
                Assert.Equal("+16137001234", s.DestinationAddress);
                Assert.Equal("987", s.ClientCorrelator);
                Assert.Equal(SubscriptionsPath + "/f179f10b-e846-4370-af20-db5f7dc0f985", s.ResourceUrl?.OriginalString);
            },
            s =>
            {
                Assert.Equal("a854f10b-e846-4370-af20-db5f7dc0f525", s.SubscriptionId);
                Assert.Equal("ps-32c43d88-4cc1-466e-a453-ecbea3733f2a", s.ChannelId);
                Assert.Equal("+16137001234", s.DestinationAddress);
            });
    }

    [Fact]
    public async Task ASubscriptionWithoutAnIdIsATypedErrorNotAnEmptyId()
    {
        // Before issue 15, SubscriptionId silently became "" when the (required) resourceURL named no id.
        _kandy.Stub("GET", SubscriptionsPath, 200, """{"subscriptionList":{"subscription":[{"callbackReference":{"notifyURL":"wh-1"},"resourceURL":""}]}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(CpaasErrorKind.Unknown, error.Kind);
        Assert.Contains("resourceURL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChannelWithoutAnIdIsATypedErrorNotAnEmptyId()
    {
        _kandy.Stub("GET", KandyServer.ChannelBase, 200, """{"notificationChannelList":{"notificationChannel":[{"callbackURL":"","channelType":"Webhooks"}]}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetChannelsAsync());

        Assert.Contains("callbackURL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnItemWithoutDestinationAddressDoesNotFailTheList()
    {
        var body = "{\"subscriptionList\":{\"subscription\":["
                   + RealBodies.Subscription(RealBodies.WebSocketChannelId, null, "a1") + ","
                   + RealBodies.Subscription(RealBodies.WebhookChannelId, "+16137001234", "b2") + "]}}";
        _kandy.Stub("GET", SubscriptionsPath, 200, body);
        using var client = _kandy.Client();

        var list = await client.Conversation.GetSubscriptionsAsync();

        Assert.Collection(
            list,
            s =>
            {
                Assert.Equal("a1", s.SubscriptionId);
                Assert.Null(s.DestinationAddress);
                Assert.Equal(RealBodies.WebSocketChannelId, s.ChannelId);
            },
            s => Assert.Equal("+16137001234", s.DestinationAddress));
    }

    [Fact]
    public async Task AListWithoutSubscriptionsIsEmptyNotNull()
    {
        _kandy.Stub("GET", SubscriptionsPath, 200, """{"subscriptionList":{"resourceURL":"/cpaas/smsmessaging/v1/e33c51d7-6585-4aee-88ae-005dfae1fd3b/inbound/subscriptions"}}""");
        using var client = _kandy.Client();

        var list = await client.Conversation.GetSubscriptionsAsync();

        Assert.NotNull(list);
        Assert.Empty(list);
    }

    [Fact]
    public async Task GetsOneSubscription()
    {
        const string id = "f179f10b-e846-4370-af20-db5f7dc0f985";
        _kandy.Stub("GET", SubscriptionsPath + "/" + id, 200, Fixture.Read("subscription-response.json"));
        using var client = _kandy.Client();

        var subscription = await client.Conversation.GetSubscriptionAsync(id);

        Wire.AssertApiCall(Assert.Single(_kandy.ApiCalls), "GET", SubscriptionsPath + "/" + id);
        Assert.Equal(id, subscription.SubscriptionId);
        Assert.Equal("ws-72b43d88-4cc1-466e-a453-ecbea3733a2e", subscription.ChannelId);
        Assert.Equal("+16137001234", subscription.DestinationAddress);
        Assert.Equal("987", subscription.ClientCorrelator);
        Assert.Contains("+1613***1234", subscription.ToString());
        Assert.DoesNotContain("16137001234", subscription.ToString());
    }

    [Fact]
    public async Task AnUnknownSubscriptionThrows404()
    {
        _kandy.Stub("GET", SubscriptionsPath + "/nope", 404, """{"requestError":{"serviceException":{"messageId":"SVC0004","text":"No valid subscription","variables":[]}}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionAsync("nope"));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("SVC0004", error.ExceptionId);
    }

    [Fact]
    public async Task AnEmptyIdIsRejectedBeforeAnyCall()
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.GetSubscriptionAsync(" "));

        Assert.Equal("subscriptionId", error.ParamName);
        Assert.Empty(_kandy.Server.LogEntries);
    }
}
