using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public abstract partial class BackendContractTests<TBackend>
{
    [Fact]
    public async Task Subscribe_without_a_number_echoes_the_default_number_and_can_be_unsubscribed()
    {
        var created = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url });

        Assert.Equal(Backend.DefaultNumber, created.DestinationAddress);
        Assert.False(string.IsNullOrEmpty(created.SubscriptionId));
        Assert.False(string.IsNullOrEmpty(created.ChannelId));
        Assert.Equal(Backend.Webhook.Url, created.WebhookUrl);

        var got = await Sms.GetSubscriptionAsync(created.SubscriptionId);
        Assert.Equal(created.SubscriptionId, got.SubscriptionId);
        Assert.False(string.IsNullOrEmpty(got.ChannelId));

        var removed = await Sms.UnsubscribeAsync(created.SubscriptionId);
        Assert.Equal(created.SubscriptionId, removed.SubscriptionId);
    }

    [Fact]
    public async Task Subscribe_with_a_number_echoes_that_number()
    {
        var number = Backend.OwnedNumbers[1];

        var created = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = number });

        Assert.Equal(number, created.DestinationAddress);
        Assert.Equal(Backend.Webhook.Url, created.WebhookUrl);
    }

    [Fact]
    public async Task The_subscription_list_parses_into_subscriptions_with_ids_and_numbers()
    {
        await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url });

        var listed = await Sms.GetSubscriptionsAsync();

        Assert.NotEmpty(listed);
        Assert.All(listed, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.SubscriptionId));
            // Issue 11: destinationAddress may be absent (another client's subscription made without a number).
            Assert.True(s.DestinationAddress is null || PhoneAddress.IsValid(s.DestinationAddress), s.DestinationAddress);
        });
        Assert.Contains(listed, s => PhoneAddress.IsValid(s.DestinationAddress));
        Assert.Equal(listed.Count, listed.Select(s => s.SubscriptionId).Distinct().Count());
    }

    [Fact]
    public async Task Subscribe_for_an_unowned_number_is_a_403_policyException()
    {
        var refused = await Assert.ThrowsAsync<CpaasApiException>(() => Sms.SubscribeAsync(
            new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = Backend.UnownedNumber }));

        AssertPolicyRefusal(refused);
    }
}
