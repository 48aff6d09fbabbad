using System;
using System.Net;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Created_subscriptions_and_channels_are_read_back_from_the_recorded_requests()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        var webhook = new Uri("https://myapp.example.com/webhooks/sms");

        var first = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = webhook, DestinationAddress = "+16137001111" });
        var second = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = webhook, DestinationAddress = "+16137002222" });

        Assert.Equal("+16137001111", first.DestinationAddress);
        Assert.StartsWith("wh-", first.ChannelId, StringComparison.Ordinal);
        Assert.Equal([first.SubscriptionId, second.SubscriptionId], server.CreatedSubscriptions.Select(s => s.SubscriptionId));
        var mock = server.CreatedSubscriptions[0];
        Assert.Equal("+16137001111", mock.DestinationAddress);
        Assert.Equal(first.ChannelId, mock.ChannelId);
        Assert.Equal(webhook.AbsoluteUri, mock.WebhookUrl);
        Assert.Equal(CpaasMockServerOptions.DefaultClientId + "-csharp", mock.ClientCorrelator);
        Assert.Equal("/cpaas/smsmessaging/v1/" + server.UserId + "/inbound/subscriptions/" + first.SubscriptionId, mock.ResourceUrl);
        Assert.Equal([first.ChannelId, second.ChannelId], server.CreatedNotificationChannels.Select(c => c.ChannelId));

        // Stateless: a get answers the spec's example for the path's id; the list is the spec's example.
        var one = await client.Conversation.GetSubscriptionAsync(second.SubscriptionId);
        Assert.Equal(second.SubscriptionId, one.SubscriptionId);
        Assert.NotEmpty(await client.Conversation.GetSubscriptionsAsync());
        var removed = await client.Conversation.UnsubscribeAsync(first.SubscriptionId);
        Assert.Equal(first.SubscriptionId, removed.SubscriptionId);
    }

    [Fact]
    public async Task Subscribe_without_destination_echoes_the_default_number()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var subscribed = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://myapp.example.com/hook") });

        Assert.Equal(server.DefaultNumber, subscribed.DestinationAddress);
        Assert.Equal(server.DefaultNumber, Assert.Single(server.CreatedSubscriptions).DestinationAddress);
    }

    [Fact]
    public async Task Subscribing_an_unassigned_number_is_forbidden_and_the_channel_rolled_back()
    {
        using var server = CpaasMockServer.Start(new CpaasMockServerOptions { Numbers = ["+16137001111"] });
        using var client = new CpaasClient(server.ClientOptions());

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.SubscribeAsync(new SubscribeRequest
        {
            WebhookUrl = new Uri("https://myapp.example.com/hook"),
            DestinationAddress = "+16139990000",
        }));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(CpaasErrorKind.PolicyException, error.Kind);
        Assert.Empty(server.CreatedSubscriptions);
        // The SDK deleted the channel it had created: the DELETE is in the request log.
        var channel = Assert.Single(server.CreatedNotificationChannels);
        Assert.Contains(server.WireMockServer.LogEntries, e => e.MappingTitle == "deleteNotificationChannel" && e.RequestMessage.Path.EndsWith("/" + channel.ChannelId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subscription_the_test_declares_missing_is_a_404()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.RespondWithError("getInboundSubscription", HttpStatusCode.NotFound);

        var gone = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionAsync("f179f10b-e846-4370-af20-db5f7dc0f985"));

        Assert.Equal(404, gone.StatusCode);
        Assert.Equal("SVC1000", gone.ExceptionId);
    }
}
