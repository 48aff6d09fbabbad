using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

public sealed class NotificationTests : IAsyncLifetime
{
    private CpaasMockServer _server = null!;
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync()
    {
        _server = CpaasMockServer.Start();
        _webhook = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        _server.Dispose();
    }

    [Fact]
    public async Task Inbound_notification_reaches_the_webhook_and_parses()
    {
        var notification = CpaasNotifications.Inbound("+15551234567", "+16137001234", "hi :)", messageId: "SM-1", dateTime: DateTimeOffset.FromUnixTimeMilliseconds(1568889113850), notificationId: "n-1", notificationDateTime: DateTimeOffset.FromUnixTimeMilliseconds(1568889114122));

        var status = await _server.PostNotificationAsync(_webhook.Url, notification);

        Assert.Equal(HttpStatusCode.NoContent, status);
        var received = await _webhook.NextAsync();
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        AssertOneTopLevelKey(received.Body, "inboundSMSMessageNotification");
        Assert.Contains("\"+15551234567\"", received.Body, StringComparison.Ordinal); // '+' is not escaped
        var inbound = Assert.IsType<InboundSmsNotification>(received.Parsed);
        Assert.Equal("inbound", inbound.Kind.Value);
        Assert.Equal(("+15551234567", "+16137001234", "hi :)", "SM-1"), (inbound.SenderAddress, inbound.DestinationAddress, inbound.Message, inbound.MessageId));
        Assert.Equal((1568889113850L, 1568889114122L, "n-1"), (inbound.ApiModel.InboundSmsMessage.DateTime, inbound.ApiModel.DateTime, inbound.NotificationId));
    }

    [Fact]
    public async Task An_inbound_notification_goes_to_the_webhook_of_the_created_subscription_with_its_authorization()
    {
        using var client = new CpaasClient(_server.ClientOptions());
        await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = _webhook.Url });
        var notification = CpaasNotifications.Inbound("+15551234567", _server.DefaultNumber, "hello");

        await _server.PostNotificationAsync(Assert.Single(_server.CreatedSubscriptions).WebhookUrl!, notification);

        var inbound = Assert.IsType<InboundSmsNotification>((await _webhook.NextAsync()).Parsed);
        Assert.Equal("hello", inbound.Message);
        Assert.Equal(_server.DefaultNumber, inbound.DestinationAddress);
    }

    [Fact]
    public async Task Outbound_notification_reaches_the_webhook_and_parses()
    {
        await _server.PostNotificationAsync(_webhook.Url, CpaasNotifications.Outbound("+16137001234", "+16139998877", "sent elsewhere", messageId: "olr3j20Cdx87"));

        var received = await _webhook.NextAsync();
        AssertOneTopLevelKey(received.Body, "outboundSMSMessageNotification");
        var outbound = Assert.IsType<OutboundSmsNotification>(received.Parsed);
        Assert.Equal("outbound", outbound.Kind.Value);
        Assert.Equal(("+16137001234", "+16139998877", "sent elsewhere", "olr3j20Cdx87"), (outbound.SenderAddress, outbound.DestinationAddress, outbound.Message, outbound.MessageId));
        Assert.False(string.IsNullOrEmpty(outbound.NotificationId));
        Assert.InRange(outbound.NotifiedOn!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1)); // generated, epoch ms
    }

    [Fact]
    public async Task Subscription_cancellation_notification_reaches_the_webhook_and_parses()
    {
        await _server.PostNotificationAsync(_webhook.Url, CpaasNotifications.SubscriptionCancellation("f179f10b", _server.UserId, notificationId: "n-2", notificationDateTime: DateTimeOffset.FromUnixTimeSeconds(1525895987)));

        var received = await _webhook.NextAsync();
        AssertOneTopLevelKey(received.Body, "smsSubscriptionCancellationNotification");
        var cancelled = Assert.IsType<SmsSubscriptionCancellationNotification>(received.Parsed);
        Assert.Equal("subscriptionCancel", cancelled.Kind.Value);
        Assert.Equal("f179f10b", cancelled.SubscriptionId);
        Assert.Equal("/cpaas/smsmessaging/v1/" + _server.UserId + "/inbound/subscriptions/f179f10b", cancelled.SubscriptionUrl?.OriginalString);
        Assert.Equal(("n-2", 1525895987000L), (cancelled.NotificationId, cancelled.ApiModel.DateTime));
    }

    [Fact]
    public async Task Event_notification_reaches_the_webhook_and_parses()
    {
        await _server.PostNotificationAsync(_webhook.Url, CpaasNotifications.Event("+12013000113", "+12282202950", "SM5C24C4AB", userId: _server.UserId));

        var received = await _webhook.NextAsync();
        AssertOneTopLevelKey(received.Body, "smsEventNotification");
        var evt = Assert.IsType<SmsEventNotification>(received.Parsed);
        Assert.Equal("event", evt.Kind.Value);
        Assert.Equal("SM5C24C4AB", evt.MessageId);
        Assert.Equal("/cpaas/smsmessaging/v1/" + _server.UserId + "/remoteAddresses/+12013000113/localAddresses/+12282202950/messages/SM5C24C4AB", evt.MessageUrl?.OriginalString);
        Assert.Equal(("MessageDeleted", "A message has been deleted."), (evt.EventType.Value, evt.EventDescription)); // the example's values
    }

    [Fact]
    public async Task Event_type_and_description_can_be_chosen()
    {
        await _server.PostNotificationAsync(_webhook.Url, CpaasNotifications.Event("+12013000113", "+12282202950", "SM1", eventType: "MessageRead", eventDescription: "Read."));

        var evt = Assert.IsType<SmsEventNotification>((await _webhook.NextAsync()).Parsed);
        Assert.Equal(("MessageRead", "Read."), (evt.EventType.Value, evt.EventDescription));
    }

    [Fact]
    public async Task Unknown_kind_reaches_the_webhook_as_an_unknown_notification()
    {
        await _server.PostNotificationAsync(_webhook.Url.AbsoluteUri, CpaasNotifications.UnknownKind("chatMessageNotification", "{\"text\":\"hi\",\"n\":1}"));

        var received = await _webhook.NextAsync();
        Assert.Equal("{\"chatMessageNotification\":{\"text\":\"hi\",\"n\":1}}", received.Body);
        var unknown = Assert.IsType<UnknownNotification>(received.Parsed);
        Assert.Equal("chatMessageNotification", unknown.Kind.Value);
        Assert.Equal(received.Body, unknown.RawJson);
    }

    [Fact]
    public async Task A_channel_authorization_is_sent_with_the_notification()
    {
        using var client = new CpaasClient(_server.ClientOptions());
        using var http = new System.Net.Http.HttpClient();
        var token = await GetTokenAsync(http);
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, _server.Root() + "/cpaas/notificationchannel/v1/" + _server.UserId + "/channels")
        {
            Content = new System.Net.Http.StringContent(
                "{\"notificationChannel\":{\"channelData\":{\"x-webhookURL\":\"" + _webhook.Url + "\",\"x-authorization\":\"Bearer hook-secret\"},\"channelType\":\"webhooks\",\"clientCorrelator\":\"c\"}}",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var created = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await _server.PostNotificationAsync(_webhook.Url, CpaasNotifications.Inbound("+15551234567", _server.DefaultNumber, "hi"));

        Assert.Equal("Bearer hook-secret", (await _webhook.NextAsync()).Authorization);
    }

    private async Task<string> GetTokenAsync(System.Net.Http.HttpClient http)
    {
        using var form = new System.Net.Http.FormUrlEncodedContent(new System.Collections.Generic.Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = CpaasMockServerOptions.DefaultClientId,
            ["client_secret"] = CpaasMockServerOptions.DefaultClientSecret,
            ["scope"] = "openid",
        });
        using var response = await http.PostAsync(_server.Root() + "/cpaas/auth/v1/token", form);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    private static void AssertOneTopLevelKey(string body, string key)
    {
        using var json = JsonDocument.Parse(body);
        var property = Assert.Single(json.RootElement.EnumerateObject());
        Assert.Equal(key, property.Name);
    }
}
