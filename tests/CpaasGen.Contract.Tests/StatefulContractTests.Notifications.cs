using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public sealed partial class StatefulContractTests
{
    [Fact]
    public async Task An_inbound_SMS_is_stored_as_an_Inbound_message_with_the_notified_id()
    {
        var number = Backend.OwnedNumbers[1];
        await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = number });
        var text = Unique("contract: inbound stored");

        await Backend.DeliverInboundSmsAsync(Remote, number, text);

        var inbound = await Backend.Webhook.WaitForAsync<InboundSmsNotification>(n => n.Message == text);
        var stored = Assert.Single((await Sms.GetMessagesAsync(Remote, number)).Items);
        Assert.Equal(SmsMessageDirection.Inbound, stored.Direction);
        Assert.Equal(text, stored.Message);
        Assert.Equal(inbound.MessageId, stored.MessageId);
        Assert.True(stored.Status?.IsKnown, "A stored message's status is one of the documented values.");
    }

    [Fact]
    public async Task An_inbound_SMS_for_a_number_without_subscription_notifies_nobody_but_is_stored()
    {
        var text = Unique("contract: unsubscribed inbound");

        await Backend.DeliverInboundSmsAsync(Remote, Backend.OwnedNumbers[1], text);

        Assert.Empty(Backend.Webhook.Received);
        Assert.Contains((await Sms.GetMessagesAsync(Remote, Backend.OwnedNumbers[1])).Items, m => m.Message == text);
    }

    [Fact]
    public async Task Unassigning_a_number_cancels_its_subscription_with_a_cancellation_notification()
    {
        var number = Backend.OwnedNumbers[2];
        var subscription = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = number });
        var other = await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = Backend.OwnedNumbers[1] });

        var cancelled = await Backend.UnassignAsync(number);

        Assert.Equal(subscription.SubscriptionId, Assert.Single(cancelled));
        var notification = await Backend.Webhook.WaitForAsync<SmsSubscriptionCancellationNotification>(n => n.SubscriptionId == subscription.SubscriptionId);
        Assert.Equal("subscriptionCancel", notification.Kind.Value);
        Assert.False(string.IsNullOrEmpty(notification.NotificationId));
        Assert.EndsWith("/" + subscription.SubscriptionId, notification.SubscriptionUrl?.OriginalString);
        Assert.DoesNotContain(Backend.Webhook.Received.OfType<SmsSubscriptionCancellationNotification>(), n => n.SubscriptionId == other.SubscriptionId);

        var remaining = await Sms.GetSubscriptionsAsync();
        Assert.DoesNotContain(remaining, s => s.SubscriptionId == subscription.SubscriptionId);
        Assert.Contains(remaining, s => s.SubscriptionId == other.SubscriptionId);
        var gone = await Assert.ThrowsAsync<CpaasApiException>(() => Sms.GetSubscriptionAsync(subscription.SubscriptionId));
        Assert.Equal(404, gone.StatusCode);
    }
}
