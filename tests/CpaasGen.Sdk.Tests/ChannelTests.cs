using System;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// GetChannelsAsync / GetChannelAsync on the channel kinds the vendor documents (issue 11): webhook channels
/// (<c>x-webhookURL</c>), websocket and push channels (<c>channelURL</c>, no <c>x-webhookURL</c>), and the list filters.
/// </summary>
public sealed class ChannelTests : IClassFixture<KandyServer>
{
    private readonly KandyServer _kandy;

    public ChannelTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task TheChannelListOfAUserWithWebhookWebSocketAndPushChannelsParses()
    {
        _kandy.Stub("GET", KandyServer.ChannelBase, 200, RealBodies.ChannelList());
        using var client = _kandy.Client();

        var channels = await client.Conversation.GetChannelsAsync();

        Wire.AssertApiCall(Assert.Single(_kandy.ApiCalls), "GET", KandyServer.ChannelBase);
        Assert.Equal(string.Empty, KandyServer.QueryOf(_kandy.ApiCalls[0]));
        Assert.Collection(
            channels,
            webhook =>
            {
                Assert.Equal(RealBodies.WebhookChannelId, webhook.ChannelId);
                Assert.Equal(NotificationChannelKind.Webhook, webhook.Kind);
                Assert.Equal("Webhooks", webhook.ChannelType);
                Assert.Equal("https://myapp.com/abc123?token=hook-secret", webhook.WebhookUrl?.OriginalString);
                Assert.Null(webhook.ChannelUrl);
                Assert.Equal("someClientCorrelator", webhook.ClientCorrelator);
                Assert.EndsWith("/channels/" + RealBodies.WebhookChannelId, webhook.ResourceUrl?.OriginalString);
                Assert.DoesNotContain("hook-secret", webhook.ToString(), StringComparison.Ordinal);
            },
            websocket =>
            {
                Assert.Equal(RealBodies.WebSocketChannelId, websocket.ChannelId);
                Assert.Equal(NotificationChannelKind.WebSocket, websocket.Kind);
                Assert.Equal("Websockets", websocket.ChannelType);
                Assert.Null(websocket.WebhookUrl);
                Assert.StartsWith("wss://", websocket.ChannelUrl?.OriginalString);
                Assert.Equal(TimeSpan.FromSeconds(3600), websocket.ChannelLifetime);
                Assert.Equal("client", websocket.ConnectionCheckRole);
            },
            push =>
            {
                Assert.Equal(RealBodies.PushChannelId, push.ChannelId);
                Assert.Equal(NotificationChannelKind.Push, push.Kind);
                Assert.Equal("OMAPush", push.ChannelType);
                Assert.Null(push.WebhookUrl);
                Assert.NotNull(push.ChannelUrl);
                Assert.Equal(TimeSpan.FromSeconds(7200), push.ChannelLifetime);
            });
    }

    [Fact]
    public async Task GetChannelReadsAWebSocketChannel()
    {
        var path = KandyServer.ChannelBase + "/" + RealBodies.WebSocketChannelId;
        _kandy.Stub("GET", path, 200, RealBodies.ChannelBody(RealBodies.WebSocketChannel()));
        using var client = _kandy.Client();

        var channel = await client.Conversation.GetChannelAsync(RealBodies.WebSocketChannelId);

        Wire.AssertApiCall(Assert.Single(_kandy.ApiCalls), "GET", path);
        Assert.Equal(NotificationChannelKind.WebSocket, channel.Kind);
        Assert.Equal(RealBodies.WebSocketChannelId, channel.ChannelId);
    }

    [Fact]
    public async Task TheListFiltersAreSentAsTheDocumentedQueryParameters()
    {
        _kandy.Stub("GET", KandyServer.ChannelBase, 200, """{"notificationChannelList":{"notificationChannel":[]}}""");
        using var client = _kandy.Client();

        var channels = await client.Conversation.GetChannelsAsync(new NotificationChannelQuery { ClientCorrelator = "PRIV-test-project-csharp", Kind = NotificationChannelKind.WebSocket });

        Assert.Empty(channels);
        HistoryTests.AssertQuery("clientCorrelator=PRIV-test-project-csharp&channelType=Websockets", Assert.Single(_kandy.ApiCalls));
    }

    [Fact]
    public async Task AChannelOfAnUnknownTypeIsKeptWithItsWireType()
    {
        _kandy.Stub("GET", KandyServer.ChannelBase, 200, """{"notificationChannelList":{"notificationChannel":[{"callbackURL":"lp-1","channelType":"LongPolling","channelData":{"channelURL":"/poll/lp-1"}}]}}""");
        using var client = _kandy.Client();

        var channel = Assert.Single(await client.Conversation.GetChannelsAsync());

        Assert.Equal(NotificationChannelKind.Unknown, channel.Kind);
        Assert.Equal("LongPolling", channel.ChannelType);
        Assert.Equal("/poll/lp-1", channel.ChannelUrl?.OriginalString);
    }

    [Fact]
    public async Task AnUnknownFilterKindIsRefusedBeforeAnyCall()
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Conversation.GetChannelsAsync(new NotificationChannelQuery { Kind = NotificationChannelKind.Unknown }));

        Assert.Contains("Kind", error.Message, StringComparison.Ordinal);
        Assert.Empty(_kandy.ApiCalls);
    }

    [Fact]
    public async Task ChannelCreationAnswered200AsTheVendorModelDoesIsAccepted()
    {
        _kandy.Stub("POST", KandyServer.ChannelBase, 200, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", KandyServer.UserBase + "/inbound/subscriptions", 201, Fixture.Read("subscription-response.json"));
        using var client = _kandy.Client();

        var result = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://myapp.com/abc123"), DestinationAddress = "+16137001234" });

        Assert.Equal(RealBodies.WebhookChannelId, result.ChannelId);
        Assert.Contains("\"clientCorrelator\":\"PRIV-test-project-csharp\"", _kandy.ApiCalls[0].RequestMessage.Body, StringComparison.Ordinal); // required by the vendor's model
    }
}
