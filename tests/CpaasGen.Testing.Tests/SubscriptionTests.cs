using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task Subscribe_list_get_and_unsubscribe_stay_consistent()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        var webhook = new Uri("https://myapp.example.com/webhooks/sms");

        var first = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = webhook, DestinationAddress = "+16137001111" });
        var second = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = webhook, DestinationAddress = "+16137002222" });

        Assert.Equal("+16137001111", first.DestinationAddress);
        Assert.StartsWith("wh-", first.ChannelId, StringComparison.Ordinal);
        Assert.Equal([first.SubscriptionId, second.SubscriptionId], server.Subscriptions.Select(s => s.SubscriptionId));
        var mock = server.Subscriptions[0];
        Assert.Equal("+16137001111", mock.DestinationAddress);
        Assert.Equal(first.ChannelId, mock.NotifyUrl);
        Assert.Equal(webhook.AbsoluteUri, mock.WebhookUrl);
        Assert.Equal(CpaasMockServerOptions.DefaultClientId + "-csharp", mock.ClientCorrelator);
        Assert.Equal("/cpaas/smsmessaging/v1/" + server.UserId + "/inbound/subscriptions/" + first.SubscriptionId, mock.ResourceUrl);
        Assert.Equal(2, server.NotificationChannels.Count);

        var listed = await client.Conversation.GetSubscriptionsAsync();
        Assert.Equal(server.Subscriptions.Select(s => (s.SubscriptionId, (string?)s.DestinationAddress, (string?)s.NotifyUrl)), listed.Select(s => (s.SubscriptionId, s.DestinationAddress, s.NotifyUrl)));
        var one = await client.Conversation.GetSubscriptionAsync(second.SubscriptionId);
        Assert.Equal("+16137002222", one.DestinationAddress);

        var removed = await client.Conversation.UnsubscribeAsync(first.SubscriptionId);

        Assert.True(removed.ChannelDeleted);
        var left = Assert.Single(server.Subscriptions);
        Assert.Equal(second.SubscriptionId, left.SubscriptionId);
        Assert.Equal(second.ChannelId, Assert.Single(server.NotificationChannels).ChannelId);
        Assert.Equal([second.SubscriptionId], (await client.Conversation.GetSubscriptionsAsync()).Select(s => s.SubscriptionId));
        var gone = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionAsync(first.SubscriptionId));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task Subscribe_without_destination_echoes_the_default_number()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var subscribed = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://myapp.example.com/hook") });

        Assert.Equal(server.DefaultNumber, subscribed.DestinationAddress);
        Assert.Equal(server.DefaultNumber, Assert.Single(server.Subscriptions).DestinationAddress);
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
        Assert.Empty(server.Subscriptions);
        Assert.Empty(server.NotificationChannels); // the SDK deleted the channel it had created
    }

    [Fact]
    public async Task CancelSubscription_removes_it_and_returns_the_notification()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        var subscribed = await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://myapp.example.com/hook") });

        var notification = server.CancelSubscription(subscribed.SubscriptionId);

        Assert.Empty(server.Subscriptions);
        var parsed = Assert.IsType<SmsSubscriptionCancellationNotification>(Notification.Parse(notification.Json));
        Assert.Equal(subscribed.SubscriptionId, parsed.SubscriptionId);
        Assert.Equal("/cpaas/smsmessaging/v1/" + server.UserId + "/inbound/subscriptions/" + subscribed.SubscriptionId, parsed.SubscriptionUrl);
        Assert.Empty(await client.Conversation.GetSubscriptionsAsync());
    }
}
