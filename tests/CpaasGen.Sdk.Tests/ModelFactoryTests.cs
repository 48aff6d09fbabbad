using System;
using System.Collections.Generic;
using System.Linq;
using Cpaas;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// <see cref="CpaasModelFactory"/> builds every result and notification for users' tests; each object reads through the
/// wire model the factory builds (<c>ApiModel</c>), with times as epoch milliseconds and URLs as their text.
/// </summary>
public class ModelFactoryTests
{
    private static readonly DateTimeOffset When = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APageCopiesTheCallersList()
    {
        var items = new List<string> { "a", "b" };
        var page = CpaasModelFactory.CpaasPage(items, "next-1", new Uri("/list", UriKind.Relative));
        items.Add("c");
        items[0] = "changed";

        Assert.Equal(["a", "b"], page.Items);
        Assert.Equal("next-1", page.Next);
        Assert.Equal("/list", page.ResourceUrl!.OriginalString);
        Assert.Empty(CpaasModelFactory.CpaasPage<string>().Items);
    }

    [Fact]
    public void AThreadHasItsTimesAndItsWireModel()
    {
        var thread = CpaasModelFactory.SmsThread("+16131234567", "+16137654321", firstMessageOn: When.AddDays(-1), lastMessageOn: When, lastPulledOn: When.AddMinutes(5), lastText: "hi", length: 3, newMessageCount: 1, resourceUrl: new Uri("/t/1", UriKind.Relative));

        Assert.Equal("+16131234567", thread.RemoteAddress);
        Assert.Equal("+16137654321", thread.LocalAddress);
        Assert.Equal(When.AddDays(-1), thread.FirstMessageOn);
        Assert.Equal(When, thread.LastMessageOn);
        Assert.Equal(When.AddMinutes(5), thread.LastPulledOn);
        Assert.Equal(("hi", 3, 1), (thread.LastText, thread.Length, thread.NewMessageCount));
        Assert.Equal(When.ToUnixTimeMilliseconds(), thread.ApiModel.ThreadDetails!.LastMessageTime);
        Assert.Equal("/t/1", thread.ApiModel.ResourceUrl);
        Assert.DoesNotContain("hi", thread.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMessageHasItsDirectionStatusAndTime()
    {
        var message = CpaasModelFactory.SmsMessage(SmsMessageDirection.Outbound, "m1", "hello", DeliveryStatus.DeliveredToTerminal, When, new Uri("/m/m1", UriKind.Relative));

        Assert.Equal(SmsMessageDirection.Outbound, message.Direction);
        Assert.True(message.Direction.IsKnown);
        Assert.Equal("m1", message.MessageId);
        Assert.Equal("hello", message.Message);
        Assert.Equal(DeliveryStatus.DeliveredToTerminal, message.Status);
        Assert.Equal(When, message.CreatedOn);
        Assert.Equal("Outbound", message.ApiModel.Type.Value);
        Assert.Equal("m9", CpaasModelFactory.SmsMessage(SmsMessageDirection.Inbound, resourceUrl: new Uri("/x/m9", UriKind.Relative)).MessageId);
    }

    [Fact]
    public void ASendResultHasItsDeliveriesAndId()
    {
        var result = CpaasModelFactory.CreateMessageResult(
            [CpaasModelFactory.DeliveryInfo("+16131234567", DeliveryStatus.DeliveryImpossible)],
            senderAddress: "+16137654321",
            message: "hi",
            resourceUrl: new Uri("/cpaas/smsmessaging/v1/u/outbound/%2B16137654321/requests/r-1", UriKind.Relative),
            clientCorrelator: "c-1");

        var info = Assert.Single(result.DeliveryInfo);
        Assert.Equal("+16131234567", info.DestinationAddress);
        Assert.Equal(DeliveryStatus.DeliveryImpossible, info.DeliveryStatus);
        Assert.Same(info.ApiModel, Assert.Single(result.ApiModel.DeliveryInfoList.DeliveryInfo));
        Assert.Equal(("+16137654321", "hi", "r-1", "c-1"), (result.SenderAddress, result.Message, result.MessageId, result.ClientCorrelator));
        Assert.Equal("given", CpaasModelFactory.CreateMessageResult(messageId: "given").MessageId);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, CpaasModelFactory.DeliveryInfo().DeliveryStatus);
    }

    [Fact]
    public void SubscriptionsAndChannelsHaveTheirIds()
    {
        var subscription = CpaasModelFactory.Subscription("sub-1", "wh-1", "+16137654321", "corr", new Uri("/subs/sub-1", UriKind.Relative));
        Assert.Equal(("sub-1", "wh-1", "+16137654321", "corr"), (subscription.SubscriptionId, subscription.ChannelId, subscription.DestinationAddress, subscription.ClientCorrelator));
        Assert.Equal("wh-1", subscription.ApiModel.CallbackReference.NotifyUrl);

        var subscribed = CpaasModelFactory.SubscribeResult("sub-2", "wh-2", new Uri("https://example.com/hook"), "+16137654321");
        Assert.Equal(("sub-2", "wh-2", "+16137654321"), (subscribed.SubscriptionId, subscribed.ChannelId, subscribed.DestinationAddress));
        Assert.Equal(new Uri("https://example.com/hook"), subscribed.WebhookUrl);

        var removed = CpaasModelFactory.UnsubscribeResult("sub-3", "ws-3", channelDeleted: false);
        Assert.Equal(("sub-3", "ws-3", false), (removed.SubscriptionId, removed.ChannelId, removed.ChannelDeleted));
        Assert.Null(CpaasModelFactory.UnsubscribeResult("sub-4").ChannelId);

        var channel = CpaasModelFactory.NotificationChannel("ws-1", channelUrl: new Uri("wss://example.com/ws"), channelLifetime: TimeSpan.FromHours(1), connectionCheckRole: "client");
        Assert.Equal(NotificationChannelKind.WebSocket, channel.Kind);
        Assert.Null(channel.ChannelType);
        Assert.Equal(new Uri("wss://example.com/ws"), channel.ChannelUrl);
        Assert.Equal(TimeSpan.FromHours(1), channel.ChannelLifetime);
        Assert.Equal(3600, channel.ApiModel.ChannelLifetime);
        Assert.Equal(NotificationChannelKind.Webhook, CpaasModelFactory.NotificationChannel("x", "Webhooks", webhookUrl: new Uri("https://example.com/h?token=s3cret")).Kind);
        Assert.DoesNotContain("s3cret", CpaasModelFactory.NotificationChannel("x", "Webhooks", webhookUrl: new Uri("https://example.com/h?token=s3cret")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoFactorResults()
    {
        var sent = CpaasModelFactory.SendCodeResult("code-1", new Uri("/cpaas/auth/v1/u/codes/code-1", UriKind.Relative));
        Assert.Equal("code-1", sent.CodeId);
        Assert.Equal("/cpaas/auth/v1/u/codes/code-1", sent.ResourceUrl!.OriginalString);

        var verified = CpaasModelFactory.VerifyCodeResult("code-1", verified: false, reason: "Code invalid or expired", exceptionId: "POL0001");
        Assert.Equal(("code-1", false, "Code invalid or expired", "POL0001"), (verified.CodeId, verified.Verified, verified.Reason, verified.ExceptionId));
    }

    [Fact]
    public void SmsNotificationsHaveTheirKindTimesAndMessage()
    {
        var inbound = CpaasModelFactory.InboundSmsNotification("+16131234567", "+16137654321", "hi", "m-1", When, "n-1", When.AddSeconds(1));
        Assert.Equal(CpaasNotificationKind.Inbound, inbound.Kind);
        Assert.Equal("inbound", inbound.Kind.Value);
        Assert.Equal(("+16131234567", "+16137654321", "hi", "m-1", "n-1"), (inbound.SenderAddress, inbound.DestinationAddress, inbound.Message, inbound.MessageId, inbound.NotificationId));
        Assert.Equal(When, inbound.CreatedOn);
        Assert.Equal(When.AddSeconds(1), inbound.NotifiedOn);
        Assert.Equal(When.AddSeconds(1).ToUnixTimeMilliseconds(), inbound.ApiModel.DateTime);
        Assert.DoesNotContain("hi", inbound.ToString(), StringComparison.Ordinal);

        var outbound = CpaasModelFactory.OutboundSmsNotification("+16137654321", "+16131234567");
        Assert.Equal(CpaasNotificationKind.Outbound, outbound.Kind);
        Assert.False(string.IsNullOrEmpty(outbound.NotificationId)); // a new id, as every Kandy notification has one
        Assert.Null(outbound.Message);
    }

    [Fact]
    public void OtherNotificationsHaveTheirIdsAndKinds()
    {
        var cancel = CpaasModelFactory.SmsSubscriptionCancellationNotification(subscriptionUrl: new Uri("/cpaas/smsmessaging/v1/u/inbound/subscriptions/sub-9", UriKind.Relative));
        Assert.Equal(CpaasNotificationKind.SubscriptionCancel, cancel.Kind);
        Assert.Equal("sub-9", cancel.SubscriptionId);
        Assert.Equal("sub-8", CpaasModelFactory.SmsSubscriptionCancellationNotification("sub-8").SubscriptionId);
        Assert.Null(CpaasModelFactory.SmsSubscriptionCancellationNotification().SubscriptionId);

        var ev = CpaasModelFactory.SmsEventNotification(eventDescription: "A message has been deleted.", messageId: "m-2");
        Assert.Equal(CpaasNotificationKind.Event, ev.Kind);
        Assert.Equal(SmsEventType.MessageDeleted, ev.EventType);
        Assert.Equal(("m-2", "A message has been deleted."), (ev.MessageId, ev.EventDescription));
        Assert.False(CpaasModelFactory.SmsEventNotification(new SmsEventType("MessageEdited")).EventType.IsKnown);

        var receipt = CpaasModelFactory.DeliveryInfoNotification(DeliveryStatus.DeliveredToTerminal, "+16131234567", "m-3");
        Assert.Equal(CpaasNotificationKind.DeliveryInfo, receipt.Kind);
        Assert.Equal((DeliveryStatus.DeliveredToTerminal, "+16131234567", "m-3"), (receipt.DeliveryStatus, receipt.DestinationAddress, receipt.MessageId));

        var unknown = CpaasModelFactory.UnknownNotification("chatNotification", "{\"chatNotification\":{}}", "c-1", When);
        Assert.Equal(new CpaasNotificationKind("chatNotification"), unknown.Kind);
        Assert.False(unknown.Kind.IsKnown);
        Assert.Equal(("c-1", When), (unknown.NotificationId, unknown.NotifiedOn!.Value));
    }

    [Fact]
    public void ParsedNotificationsExposeTheWireModelTheyReadThrough()
    {
        const string Body = """{"inboundSMSMessageNotification":{"inboundSMSMessage":{"dateTime":1525895987,"destinationAddress":"+16137654321","message":"hi","messageId":"m-1","senderAddress":"+16131234567","futureField":"kept"},"dateTime":1525895988123,"id":"n-1"}}""";

        var inbound = Assert.IsType<InboundSmsNotification>(Notification.Parse(Body));

        Assert.Equal(1525895987, inbound.ApiModel.InboundSmsMessage.DateTime);          // the raw epoch, as sent (seconds)
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1525895987), inbound.CreatedOn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1525895988123), inbound.NotifiedOn);
        Assert.Equal("kept", Assert.IsType<Microsoft.Kiota.Abstractions.Serialization.UntypedString>(inbound.ApiModel.InboundSmsMessage.AdditionalData["futureField"]).GetValue());
    }
}
