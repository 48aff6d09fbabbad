using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

/// <summary>
/// What the real server sends beyond the fixtures (issue 11), against both stand-ins: another client's websocket channel
/// and subscription, a subscription without destinationAddress, the other error shapes, the delivery receipt.
/// </summary>
public abstract partial class BackendContractTests<TBackend>
{
    [Fact]
    public async Task The_channel_list_types_another_clients_websocket_channel()
    {
        await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url });
        await Backend.AddOtherClientSubscriptionAsync();

        var channels = await Sms.GetChannelsAsync();

        var websocket = Assert.Single(channels, c => c.Kind == NotificationChannelKind.WebSocket);
        Assert.StartsWith("ws-", websocket.ChannelId);
        Assert.NotNull(websocket.ChannelUrl);
        Assert.Null(websocket.WebhookUrl);
        Assert.Contains(channels, c => c.Kind == NotificationChannelKind.Webhook && c.WebhookUrl is not null);
        Assert.Equal(NotificationChannelKind.WebSocket, Assert.Single(await Sms.GetChannelsAsync(new NotificationChannelQuery { Kind = NotificationChannelKind.WebSocket })).Kind);
    }

    [Fact]
    public async Task Unsubscribing_another_clients_subscription_leaves_its_websocket_channel()
    {
        var id = await Backend.AddOtherClientSubscriptionAsync();

        var removed = await Sms.UnsubscribeAsync(id);

        Assert.Equal(id, removed.SubscriptionId);
        Assert.StartsWith("ws-", removed.ChannelId);
        Assert.False(removed.ChannelDeleted);
        Assert.Equal(NotificationChannelKind.WebSocket, (await Sms.GetChannelAsync(removed.ChannelId!)).Kind);
    }

    [Fact]
    public async Task The_subscription_list_accepts_an_item_without_destinationAddress()
    {
        await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = Backend.OwnedNumbers[1] });
        await Backend.AddOtherClientSubscriptionAsync();

        var listed = await Sms.GetSubscriptionsAsync();

        Assert.Contains(listed, s => s.DestinationAddress is null && s.ChannelId!.StartsWith("ws-", System.StringComparison.Ordinal));
        Assert.Contains(listed, s => s.DestinationAddress is not null);
    }

    [Theory]
    [InlineData("FlattenedRequestError", CpaasErrorKind.PolicyException)]
    [InlineData("TopLevelException", CpaasErrorKind.PolicyException)]
    [InlineData("PlainMessage", CpaasErrorKind.PlainMessage)]
    public async Task A_refused_send_in_another_error_shape_keeps_its_id_and_text(string shape, CpaasErrorKind kind)
    {
        await Backend.AnswerErrorsInShapeAsync(shape);

        var refused = await Assert.ThrowsAsync<CpaasApiException>(() => SendAsync(Backend.UnownedNumber, Remote, "refused"));

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(kind, refused.Kind);
        Assert.Equal(kind == CpaasErrorKind.PlainMessage ? null : "POL1001", refused.ExceptionId);
        Assert.Equal("Sender address " + Backend.UnownedNumber + " is not owned by or assigned to the project", refused.Text);
        Assert.DoesNotContain(Backend.UnownedNumber, refused.Message, System.StringComparison.Ordinal); // masked, as for the ParlayREST shape
    }

    [Fact]
    public async Task A_delivery_receipt_reaches_the_webhook_as_a_DeliveryInfoNotification()
    {
        var number = Backend.OwnedNumbers[1];
        await Sms.SubscribeAsync(new SubscribeRequest { WebhookUrl = Backend.Webhook.Url, DestinationAddress = number });
        var sent = await SendAsync(number, Remote, Unique("contract: receipt"));

        await Backend.ReportDeliveryAsync(sent, Remote);

        var receipt = await Backend.Webhook.WaitForAsync<DeliveryInfoNotification>(n => n.MessageId == sent.MessageId);
        Assert.Equal("deliveryInfo", receipt.Kind.Value);
        Assert.Equal(Remote, receipt.DestinationAddress);
        Assert.True(receipt.DeliveryStatus.IsKnown, receipt.DeliveryStatus.Value);
        Assert.False(string.IsNullOrEmpty(receipt.NotificationId));
    }
}
