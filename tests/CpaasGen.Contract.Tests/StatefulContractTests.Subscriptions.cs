using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public sealed partial class StatefulContractTests
{
    [Fact]
    public async Task Subscribe_without_a_number_echoes_the_default_number_and_lives_until_unsubscribed()
    {
        var created = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url });

        Assert.Equal(Backend.DefaultNumber, created.DestinationAddress);
        Assert.False(string.IsNullOrEmpty(created.SubscriptionId));
        Assert.False(string.IsNullOrEmpty(created.ChannelId));
        Assert.Equal(Backend.Webhook.Url, created.WebhookUrl);

        var listed = Assert.Single(await Sms.GetSubscriptionsAsync(), s => s.SubscriptionId == created.SubscriptionId);
        Assert.Equal(Backend.DefaultNumber, listed.DestinationAddress);
        Assert.Equal(created.ChannelId, listed.ChannelId);

        var got = await Sms.GetSubscriptionAsync(created.SubscriptionId);
        Assert.Equal(created.SubscriptionId, got.SubscriptionId);
        Assert.Equal(Backend.DefaultNumber, got.DestinationAddress);
        Assert.Equal(created.ChannelId, got.ChannelId);
        Assert.Equal(Backend.Options.ClientId + "-csharp", got.ClientCorrelator);

        var removed = await Sms.UnsubscribeAsync(created.SubscriptionId);
        Assert.Equal(created.SubscriptionId, removed.SubscriptionId);
        Assert.Equal(created.ChannelId, removed.ChannelId);
        Assert.True(removed.ChannelDeleted, "The webhook channel the SDK created goes with the subscription.");

        Assert.DoesNotContain(await Sms.GetSubscriptionsAsync(), s => s.SubscriptionId == created.SubscriptionId);
        var gone = await Assert.ThrowsAsync<CpaasApiException>(() => Sms.GetSubscriptionAsync(created.SubscriptionId));
        Assert.Equal(404, gone.StatusCode);
    }

    [Fact]
    public async Task Subscribe_with_a_number_echoes_that_number()
    {
        var number = Backend.OwnedNumbers[1];

        var created = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = number });

        Assert.Equal(number, created.DestinationAddress);
        Assert.Equal(number, (await Sms.GetSubscriptionAsync(created.SubscriptionId)).DestinationAddress);
        Assert.Contains(await Sms.GetSubscriptionsAsync(), s => s.SubscriptionId == created.SubscriptionId && s.DestinationAddress == number);
    }

    [Fact]
    public async Task Subscriptions_for_two_numbers_are_listed_separately()
    {
        var first = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = Backend.OwnedNumbers[0] });
        var second = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = Backend.OwnedNumbers[1] });

        var listed = await Sms.GetSubscriptionsAsync();

        Assert.NotEqual(first.SubscriptionId, second.SubscriptionId);
        Assert.Equal(
            new[] { first.SubscriptionId, second.SubscriptionId }.Order(),
            listed.Select(s => s.SubscriptionId).Order());
        await Sms.UnsubscribeAsync(first.SubscriptionId);
        Assert.Equal(second.SubscriptionId, Assert.Single(await Sms.GetSubscriptionsAsync()).SubscriptionId);
    }

    [Fact]
    public async Task Subscribe_for_an_unowned_number_is_a_403_and_creates_nothing()
    {
        var refused = await Assert.ThrowsAsync<CpaasApiException>(() => Sms.SubscribeAsync(
            new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = Backend.UnownedNumber }));

        AssertPolicyRefusal(refused);
        Assert.Empty(await Sms.GetSubscriptionsAsync());
    }

    [Fact]
    public async Task Unsubscribe_of_an_unknown_subscription_is_a_404()
    {
        var missing = await Assert.ThrowsAsync<CpaasApiException>(() => Sms.UnsubscribeAsync("00000000-0000-0000-0000-000000000000"));

        Assert.Equal(404, missing.StatusCode);
    }
}
