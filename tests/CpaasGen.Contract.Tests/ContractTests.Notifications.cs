using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public abstract partial class BackendContractTests<TBackend>
{
    [Fact]
    public async Task An_inbound_SMS_reaches_the_subscribed_webhook_as_an_InboundSmsNotification()
    {
        var number = Backend.OwnedNumbers[1];
        await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = number });
        var text = Unique("contract: inbound");

        await Backend.DeliverInboundSmsAsync(Remote, number, text);

        var inbound = await Backend.Webhook.WaitForAsync<InboundSmsNotification>(n => n.Message == text);
        Assert.Equal(Remote, inbound.SenderAddress);
        Assert.Equal(number, inbound.DestinationAddress);
        Assert.Equal("inbound", inbound.Kind.Value);
        Assert.False(string.IsNullOrEmpty(inbound.NotificationId));
        Assert.False(string.IsNullOrEmpty(inbound.MessageId));
        Assert.NotNull(inbound.ApiModel.DateTime);
    }

    [Fact]
    public async Task An_unassigned_number_can_no_longer_send()
    {
        var number = Backend.OwnedNumbers[2];
        await SendAsync(number, Remote, "before");

        await Backend.UnassignAsync(number);

        AssertPolicyRefusal(await Assert.ThrowsAsync<CpaasApiException>(() => SendAsync(number, Remote, "after")));
    }

    [Fact]
    public async Task An_inbound_SMS_for_a_number_without_subscription_notifies_nobody()
    {
        await Backend.DeliverInboundSmsAsync(Remote, Backend.OwnedNumbers[1], Unique("contract: unsubscribed inbound"));

        Assert.Empty(Backend.Webhook.Received);
    }
}
