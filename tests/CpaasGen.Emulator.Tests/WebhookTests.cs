using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.Emulator.Tests;

public sealed class WebhookTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static void AssertGuid(JsonNode? value) => Assert.True(Guid.TryParse((string?)value, out _), $"not a GUID: {value}");

    private static void AssertRecentEpochMs(JsonNode? value)
    {
        var ms = (long)value!;
        Assert.InRange(ms, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_simulated_inbound_sms_is_stored_and_posted_to_the_subscribed_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var subscriptionId = await api.SubscribeWebhookAsync(receiver.Url("/inbound-sms/webhook"), "+16135550100");

        var messageId = await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "hi back");
        await emulator.WaitForDeliveriesAsync(Wait);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/inbound-sms/webhook", request.Path);
        Assert.Equal("application/json", request.ContentType?.Split(';')[0]);
        JsonAssertions.AssertKeys(request.Json, "inboundSMSMessageNotification");
        var notification = request.Json["inboundSMSMessageNotification"]!.AsObject();
        JsonAssertions.AssertKeys(notification, "inboundSMSMessage", "dateTime", "id");
        AssertGuid(notification["id"]);
        AssertRecentEpochMs(notification["dateTime"]);
        var message = notification["inboundSMSMessage"]!.AsObject();
        JsonAssertions.AssertKeys(message, "dateTime", "destinationAddress", "message", "messageId", "senderAddress");
        Assert.Equal("+16135550100", (string?)message["destinationAddress"]);
        Assert.Equal("+16135550123", (string?)message["senderAddress"]);
        Assert.Equal("hi back", (string?)message["message"]);
        Assert.Equal(messageId, (string?)message["messageId"]);
        AssertRecentEpochMs(message["dateTime"]);

        var delivery = Assert.Single(emulator.Deliveries);
        Assert.Equal(WebhookDeliveryOutcome.Succeeded, delivery.Outcome);
        Assert.Equal("inboundSMSMessageNotification", delivery.NotificationType);
        Assert.Equal((string?)notification["id"], delivery.NotificationId);
        Assert.Equal(subscriptionId, delivery.SubscriptionId);
        Assert.Equal(200, delivery.StatusCode);
        Assert.Equal(1, delivery.Attempt);

        // Stored as an Inbound message of the thread remote = sender, local = our number.
        var stored = await api.GetAsync($"{api.Sms}/remoteAddresses/+16135550123/localAddresses/+16135550100/messages/{messageId}");
        Assert.Equal("Inbound", (string?)stored.Json["smsMessage"]!["type"]);
        Assert.Equal("DeliveredToTerminal", (string?)stored.Json["smsMessage"]!["status"]);
    }

    [Fact]
    public async Task The_admin_endpoints_simulate_inbound_and_list_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550101");
        using var anonymous = new ApiClient(emulator);

        var inbound = await anonymous.PostAsync("/emulator/inbound", new JsonObject { ["from"] = "+16135550123", ["to"] = "+16135550101", ["message"] = "via admin" });
        await emulator.WaitForDeliveriesAsync(Wait);
        var deliveries = await anonymous.GetAsync("/emulator/deliveries");
        var info = await anonymous.GetAsync("/emulator");
        var unowned = await anonymous.PostAsync("/emulator/inbound", new JsonObject { ["from"] = "+16135550123", ["to"] = "+16139990000", ["message"] = "x" });
        var invalid = await anonymous.PostAsync("/emulator/inbound", new JsonObject { ["from"] = "nobody", ["to"] = "+16135550101", ["message"] = "x" });

        Assert.Equal(HttpStatusCode.Created, inbound.Status);
        Assert.StartsWith("SM", (string?)inbound.Json["messageId"]);
        Assert.Equal("via admin", (string?)receiver.Requests.Single().Json["inboundSMSMessageNotification"]!["inboundSMSMessage"]!["message"]);
        Assert.Equal(HttpStatusCode.OK, deliveries.Status);
        var delivery = Assert.Single(deliveries.Json["deliveries"]!.AsArray())!;
        Assert.Equal("Succeeded", (string?)delivery["outcome"]);
        Assert.Equal(200, (int)delivery["statusCode"]!);
        Assert.Equal(receiver.Url(), (string?)delivery["webhookURL"]);
        Assert.Equal(HttpStatusCode.OK, info.Status);
        Assert.Equal("+16135550100", (string?)info.Json["defaultNumber"]);
        Assert.Equal("PRIV-emulator", (string?)info.Json["clientId"]);
        unowned.AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1002");
        Assert.Equal("from", (string?)invalid.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", "SVC0002")["variables"]![0]);
    }

    [Fact]
    public async Task Sending_from_a_subscribed_number_posts_an_outbound_sync_notification()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");

        var sent = await api.SendSmsAsync("default", "+16139998877", "hi");
        await api.SendSmsAsync("+16135550101", "+16139998877", "not subscribed: no notification");
        await emulator.WaitForDeliveriesAsync(Wait);

        var request = Assert.Single(receiver.Requests);
        JsonAssertions.AssertKeys(request.Json, "outboundSMSMessageNotification");
        var notification = request.Json["outboundSMSMessageNotification"]!.AsObject();
        JsonAssertions.AssertKeys(notification, "outboundSMSMessage", "dateTime", "id");
        AssertGuid(notification["id"]);
        var message = notification["outboundSMSMessage"]!.AsObject();
        JsonAssertions.AssertKeys(message, "dateTime", "destinationAddress", "message", "messageId", "senderAddress");
        Assert.Equal("+16139998877", (string?)message["destinationAddress"]);
        Assert.Equal("+16135550100", (string?)message["senderAddress"]);
        Assert.Equal("hi", (string?)message["message"]);
        Assert.Equal(((string)sent["resourceURL"]!).Split('/').Last(), (string?)message["messageId"]);
        AssertRecentEpochMs(message["dateTime"]);
    }

    [Fact]
    public async Task A_send_to_another_project_number_arrives_there_as_inbound()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url("/b"), "+16135550101");

        await api.SendSmsAsync("+16135550100", "+16135550101", "ping");
        await emulator.WaitForDeliveriesAsync(Wait);

        var inbound = Assert.Single(receiver.Requests).Json["inboundSMSMessageNotification"]!["inboundSMSMessage"]!;
        Assert.Equal("+16135550100", (string?)inbound["senderAddress"]);
        Assert.Equal("+16135550101", (string?)inbound["destinationAddress"]);
    }

    [Fact]
    public async Task Unassigning_a_number_cancels_its_subscription_with_a_notification()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var subscriptionId = await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");

        var cancelled = await emulator.UnassignNumberAsync("+16135550100");
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal([subscriptionId], cancelled);
        var request = Assert.Single(receiver.Requests);
        JsonAssertions.AssertKeys(request.Json, "smsSubscriptionCancellationNotification");
        var notification = request.Json["smsSubscriptionCancellationNotification"]!.AsObject();
        JsonAssertions.AssertKeys(notification, "link", "dateTime", "id");
        AssertGuid(notification["id"]);
        AssertRecentEpochMs(notification["dateTime"]);
        var link = Assert.Single(notification["link"]!.AsArray())!.AsObject();
        JsonAssertions.AssertKeys(link, "href", "rel");
        Assert.Equal($"/cpaas/smsmessaging/v1/emulator-user/inbound/subscriptions/{subscriptionId}", (string?)link["href"]);
        Assert.Equal("Subscription", (string?)link["rel"]);

        // The subscription is gone, the number can no longer send, and "default" moved to the next number.
        (await api.GetAsync($"{api.Sms}/inbound/subscriptions/{subscriptionId}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await api.PostAsync($"{api.Sms}/outbound/+16135550100/requests", ApiClient.SmsBody("hi", "+16139998877")))
            .AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1001");
        Assert.Equal("+16135550101", (string?)(await api.SendSmsAsync("default", "+16139998877", "hi"))["senderAddress"]);
        Assert.Equal(["+16135550101"], emulator.AssignedNumbers);
        await Assert.ThrowsAsync<InvalidOperationException>(() => emulator.UnassignNumberAsync("+16135550100"));
    }

    [Fact]
    public async Task The_admin_unassign_endpoint_cancels_subscriptions()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var subscriptionId = await api.SubscribeWebhookAsync(receiver.Url(), "+16135550101");

        var response = await api.SendAsync(System.Net.Http.HttpMethod.Post, "/emulator/numbers/+16135550101/unassign");
        var again = await api.SendAsync(System.Net.Http.HttpMethod.Post, "/emulator/numbers/+16135550101/unassign");
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(subscriptionId, (string?)response.Json["cancelledSubscriptions"]![0]);
        again.AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        Assert.Equal("smsSubscriptionCancellationNotification", Assert.Single(receiver.Requests).NotificationType);
    }

    [Fact]
    public async Task Deleting_a_message_posts_a_MessageDeleted_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var messageId = await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "delete me");
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");
        var messageUrl = $"{api.Sms}/remoteAddresses/+16135550123/localAddresses/+16135550100/messages/{messageId}";

        var deleted = await api.DeleteAsync(messageUrl);
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        var request = Assert.Single(receiver.Requests);
        JsonAssertions.AssertKeys(request.Json, "smsEventNotification");
        var notification = request.Json["smsEventNotification"]!.AsObject();
        JsonAssertions.AssertKeys(notification, "eventDescription", "eventType", "link", "id", "dateTime");
        Assert.Equal("A message has been deleted.", (string?)notification["eventDescription"]);
        Assert.Equal("MessageDeleted", (string?)notification["eventType"]);
        AssertGuid(notification["id"]);
        AssertRecentEpochMs(notification["dateTime"]);
        var link = Assert.Single(notification["link"]!.AsArray())!;
        Assert.Equal(messageUrl, (string?)link["href"]);
        Assert.Equal("smsMessage", (string?)link["rel"]);

        (await api.GetAsync(messageUrl)).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await api.DeleteAsync(messageUrl)).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_until_it_answers_200()
    {
        // Fails twice, then accepts.
        await using var receiver = await WebhookReceiver.StartAsync(call => call <= 2 ? 500 : 200);
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions
        {
            WebhookRetries = 3,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(20),
        });
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");

        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "retry me");
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Accepted);
        Assert.Single(receiver.Requests.Select(r => r.Body).Distinct()); // the same notification, same id, every time
        var attempts = emulator.Deliveries;
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal([500, 500, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal([WebhookDeliveryOutcome.Retrying, WebhookDeliveryOutcome.Retrying, WebhookDeliveryOutcome.Succeeded], attempts.Select(a => a.Outcome));
        Assert.All(attempts, a => Assert.Equal(4, a.MaxAttempts));
        Assert.Single(attempts.Select(a => a.NotificationId).Distinct());
    }

    [Fact]
    public async Task A_webhook_that_never_succeeds_is_recorded_and_logged_as_failed()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        await using var receiver = await WebhookReceiver.StartAsync(_ => 503);
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions
        {
            WebhookRetries = 1,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(10),
            LoggerFactory = loggerFactory,
        });
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");
        // A second subscription whose webhook does not listen at all (connection refused).
        var closedPort = receiver.BaseUrl.Port;
        await using (var closed = await WebhookReceiver.StartAsync())
        {
            closedPort = closed.BaseUrl.Port;
        }
        await api.SubscribeWebhookAsync($"http://127.0.0.1:{closedPort}/gone", "+16135550101");

        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "lost?");
        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550101", "lost too?");
        await emulator.WaitForDeliveriesAsync(Wait);

        var toReceiver = emulator.Deliveries.Where(d => d.WebhookUrl == receiver.Url()).ToList();
        Assert.Equal([WebhookDeliveryOutcome.Retrying, WebhookDeliveryOutcome.Failed], toReceiver.Select(a => a.Outcome));
        Assert.All(toReceiver, a => Assert.Equal(503, a.StatusCode));
        var toClosed = emulator.Deliveries.Where(d => d.WebhookUrl.EndsWith("/gone", StringComparison.Ordinal)).ToList();
        Assert.Equal([WebhookDeliveryOutcome.Retrying, WebhookDeliveryOutcome.Failed], toClosed.Select(a => a.Outcome));
        Assert.All(toClosed, a => { Assert.Null(a.StatusCode); Assert.False(string.IsNullOrEmpty(a.Error)); });
        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category == "Cpaas.Emulator.Webhooks").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains("NOT delivered", w.Message));
        Assert.Equal(4, logs.Entries.Count(e => e.Category == "Cpaas.Emulator.Webhooks"));
    }

    [Fact]
    public async Task The_channels_x_authorization_is_sent_with_deliveries()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100", authorization: "Bearer webhook-secret");

        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "hi");
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal("Bearer webhook-secret", Assert.Single(receiver.Requests).Authorization);
    }

    [Fact]
    public async Task Notifications_to_one_webhook_arrive_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");

        for (var i = 0; i < 20; i++)
        {
            await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", $"m{i}");
        }
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"m{i}"),
            receiver.Requests.Select(r => (string?)r.Json["inboundSMSMessageNotification"]!["inboundSMSMessage"]!["message"]));
    }
}
