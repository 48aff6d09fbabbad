using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

/// <summary>
/// The shapes the real server sends beyond the fixtures (issue 11), served by the emulator so the SDK's tolerance is
/// tested against it: another client's websocket/push channel and subscription (without destinationAddress), the list
/// filters, the other error bodies behind a fault switch, and delivery receipts.
/// </summary>
public sealed class RealServerShapeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Another_clients_websocket_channel_and_subscription_are_listed_beside_the_webhook_ones()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var webhook = await api.CreateChannelAsync("https://myapp.example/hook");

        var other = await emulator.SimulateOtherClientSubscriptionAsync(NotificationChannelKind.WebSocket, "+16135550101");

        Assert.StartsWith("ws-", other.ChannelId);
        var channels = (await api.GetAsync(api.Channels)).Json["notificationChannelList"]!["notificationChannel"]!.AsArray();
        Assert.Equal([webhook, other.ChannelId], channels.Select(c => (string?)c!["callbackURL"] ?? ""));
        var ws = (await api.GetAsync($"{api.Channels}/{other.ChannelId}")).Json["notificationChannel"]!.AsObject();
        Assert.Equal("Websockets", (string?)ws["channelType"]);
        JsonAssertions.AssertKeys(ws["channelData"], "channelURL");
        Assert.StartsWith("ws://127.0.0.1:", (string?)ws["channelData"]!["channelURL"]);
        Assert.EndsWith($"/channels/{other.ChannelId}/websocket", (string?)ws["channelData"]!["channelURL"]);
        Assert.Equal("client", (string?)ws["x-connCheckRole"]);
        Assert.Equal(3600, (int?)ws["channelLifetime"]);
        var subscription = (await api.GetAsync($"{api.Sms}/inbound/subscriptions/{other.SubscriptionId}")).Json["subscription"]!;
        Assert.Equal(other.ChannelId, (string?)subscription["callbackReference"]!["notifyURL"]);
        Assert.Equal("+16135550101", (string?)subscription["destinationAddress"]);
    }

    [Fact]
    public async Task A_subscription_without_a_number_is_listed_without_destinationAddress()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        using var anonymous = new ApiClient(emulator);

        var created = await anonymous.PostAsync("/emulator/subscriptions", new JsonObject { ["channelType"] = "OMAPush" });

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var channelId = (string)created.Json["channelId"]!;
        var subscriptionId = (string)created.Json["subscriptionId"]!;
        Assert.StartsWith("ps-", channelId);
        var listed = Assert.Single((await api.GetAsync($"{api.Sms}/inbound/subscriptions")).Json["subscriptionList"]!["subscription"]!.AsArray())!.AsObject();
        JsonAssertions.AssertKeys(listed, "callbackReference", "clientCorrelator", "resourceURL");
        Assert.EndsWith("/" + subscriptionId, (string?)listed["resourceURL"]);
        var push = (await api.GetAsync($"{api.Channels}/{channelId}")).Json["notificationChannel"]!.AsObject();
        Assert.Equal("OMAPush", (string?)push["channelType"]);
        JsonAssertions.AssertKeys(push["channelData"], "channelURL");

        // Deleting the subscription leaves the other client's channel (what UnsubscribeAsync relies on).
        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{api.Sms}/inbound/subscriptions/{subscriptionId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{api.Channels}/{channelId}")).Status);
    }

    [Theory]
    [InlineData("""{"channelType":"Webhooks"}""", "channelType")]
    [InlineData("""{"channelType":"Websockets","destinationAddress":"+16139990000"}""", "POL1002")]
    [InlineData("""{"channelType":"Websockets","destinationAddress":"nope"}""", "destinationAddress")]
    [InlineData("""{}""", "channelType")]
    public async Task The_admin_endpoint_refuses_what_another_client_could_not_create(string json, string part)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var anonymous = new ApiClient(emulator);

        var response = await anonymous.SendAsync(HttpMethod.Post, "/emulator/subscriptions", json);

        Assert.True(response.Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden, response.Body);
        Assert.Contains(part, response.Body, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => emulator.SimulateOtherClientSubscriptionAsync(NotificationChannelKind.Webhook));
    }

    [Fact]
    public async Task Notifications_for_another_clients_channel_are_not_posted_to_any_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await emulator.SimulateOtherClientSubscriptionAsync(NotificationChannelKind.WebSocket, "+16135550100");
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550101");

        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "to the browser");
        await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550101", "to the webhook");
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal("to the webhook", (string?)Assert.Single(receiver.Requests).Json["inboundSMSMessageNotification"]!["inboundSMSMessage"]!["message"]);
        Assert.Single(emulator.Deliveries);
    }

    [Fact]
    public async Task The_channel_list_filters_by_clientCorrelator_and_channelType()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var webhook = await api.CreateChannelAsync("https://myapp.example/hook"); // clientCorrelator PRIV-emulator-csharp
        var other = await emulator.SimulateOtherClientSubscriptionAsync(NotificationChannelKind.WebSocket);

        string[] Ids(ApiResponse r) => [.. r.Json["notificationChannelList"]!["notificationChannel"]!.AsArray().Select(c => (string?)c!["callbackURL"] ?? "")];

        Assert.Equal([webhook], Ids(await api.GetAsync(api.Channels + "?clientCorrelator=PRIV-emulator-csharp")));
        Assert.Equal([webhook], Ids(await api.GetAsync(api.Channels + "?channelType=Webhooks")));
        Assert.Equal([webhook], Ids(await api.GetAsync(api.Channels + "?channelType=webhooks")));
        Assert.Equal([other.ChannelId], Ids(await api.GetAsync(api.Channels + "?channelType=Websockets")));
        Assert.Empty(Ids(await api.GetAsync(api.Channels + "?channelType=OMAPush")));
        Assert.Empty(Ids(await api.GetAsync(api.Channels + "?clientCorrelator=PRIV-emulator-csharp&channelType=Websockets")));
    }

    [Theory]
    [InlineData(ErrorBodyShape.FlattenedRequestError, """{"requestError":{"messageId":"POL1001","text":"Sender address %1 is not owned by or assigned to the project","variables":["+16139990000"]}}""")]
    [InlineData(ErrorBodyShape.TopLevelException, """{"policyException":{"messageId":"POL1001","text":"Sender address %1 is not owned by or assigned to the project","variables":["+16139990000"]}}""")]
    [InlineData(ErrorBodyShape.PlainMessage, """{"message":"Sender address +16139990000 is not owned by or assigned to the project"}""")]
    [InlineData(ErrorBodyShape.RequestError, """{"requestError":{"policyException":{"messageId":"POL1001","text":"Sender address %1 is not owned by or assigned to the project","variables":["+16139990000"]}}}""")]
    public async Task The_error_body_shape_is_a_fault_switch(ErrorBodyShape shape, string expected)
    {
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { ErrorBodyShape = shape });
        using var api = await ApiClient.ConnectAsync(emulator);

        var refused = await api.PostAsync($"{api.Sms}/outbound/+16139990000/requests", ApiClient.SmsBody("hi", "+16139998877"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), refused.Json.ToJsonString());
        Assert.Equal(shape, emulator.ErrorBodyShape);
    }

    [Fact]
    public async Task The_error_body_shape_switches_at_run_time_and_through_the_admin_endpoint()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        using var anonymous = new ApiClient(emulator);
        var missing = $"{api.Sms}/inbound/subscriptions/nope";

        emulator.ErrorBodyShape = ErrorBodyShape.PlainMessage;
        var plain = await api.GetAsync(missing);
        var switched = await anonymous.SendAsync(HttpMethod.Put, "/emulator/error-body-shape", """{"shape":"FlattenedRequestError"}""");
        var flattened = await api.GetAsync(missing);
        var info = await anonymous.GetAsync("/emulator");
        var invalid = await anonymous.SendAsync(HttpMethod.Put, "/emulator/error-body-shape", """{"shape":"Html"}""");
        var adminError = await anonymous.PostAsync("/emulator/inbound", new JsonObject { ["from"] = "nobody" });

        JsonAssertions.AssertKeys(plain.Json, "message");
        Assert.Equal(HttpStatusCode.OK, switched.Status);
        Assert.Equal(ErrorBodyShape.FlattenedRequestError, emulator.ErrorBodyShape);
        Assert.Equal(HttpStatusCode.NotFound, flattened.Status);
        JsonAssertions.AssertKeys(flattened.Json["requestError"], "messageId", "text", "variables");
        Assert.Equal("SVC1000", (string?)flattened.Json["requestError"]!["messageId"]);
        Assert.Equal("FlattenedRequestError", (string?)info.Json["errorBodyShape"]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        adminError.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", "SVC0002"); // the admin endpoints are not Kandy's: always the standard shape
    }

    [Fact]
    public async Task With_delivery_receipts_a_send_from_a_subscribed_number_is_followed_by_a_deliveryInfoNotification()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { DeliveryReceipts = true });
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");

        var sent = await api.SendSmsAsync("default", "tel:+16139998877", "hi");
        var impossible = await api.SendSmsAsync("default", "+16135550199", "never arrives");
        await api.SendSmsAsync("+16135550101", "+16139998877", "not subscribed: no receipt");
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal(
            ["outboundSMSMessageNotification", "deliveryInfoNotification", "outboundSMSMessageNotification", "deliveryInfoNotification"],
            receiver.Requests.Select(r => r.NotificationType));
        var receipt = receiver.Requests[1].Json["deliveryInfoNotification"]!.AsObject();
        JsonAssertions.AssertKeys(receipt, "deliveryInfo", "dateTime", "id");
        var info = receipt["deliveryInfo"]!.AsObject();
        JsonAssertions.AssertKeys(info, "address", "deliveryStatus", "messageId");
        Assert.Equal("+16139998877", (string?)info["address"]);
        Assert.Equal("DeliveredToTerminal", (string?)info["deliveryStatus"]);
        var messageId = ((string)sent["resourceURL"]!).Split('/').Last();
        Assert.Equal(messageId, (string?)info["messageId"]);
        Assert.Equal("DeliveryImpossible", (string?)receiver.Requests[3].Json["deliveryInfoNotification"]!["deliveryInfo"]!["deliveryStatus"]);
        Assert.Equal(((string)impossible["resourceURL"]!).Split('/').Last(), (string?)receiver.Requests[3].Json["deliveryInfoNotification"]!["deliveryInfo"]!["messageId"]);

        // The receipt's status is the stored message's status from then on.
        var status = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages/{messageId}/status");
        Assert.Equal("DeliveredToTerminal", (string?)status.Json["status"]);
    }

    [Fact]
    public async Task Without_the_option_no_receipt_is_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync(receiver.Url(), "+16135550100");

        await api.SendSmsAsync("default", "+16139998877", "hi");
        await emulator.WaitForDeliveriesAsync(Wait);

        Assert.Equal("outboundSMSMessageNotification", Assert.Single(receiver.Requests).NotificationType);
        Assert.False(emulator.Options.DeliveryReceipts);
    }

    /// <summary>Issue 11: the emulator kept its own address normaliser beside the SDK's PhoneAddress; one implementation now.</summary>
    [Fact]
    public void The_emulator_has_no_address_rules_of_its_own()
    {
        var types = typeof(CpaasEmulator).Assembly.GetTypes();

        Assert.DoesNotContain(types, t => t.Name == "Addresses");
        Assert.DoesNotContain(
            types.SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)),
            m => m.Name is "Normalize" or "TryNormalize" or "IsE164" or "IsValid");
    }

    [Theory]
    [InlineData("tel:+16139998877", "+16139998877")]
    [InlineData("sip:+16139998877@sip.example.com", "+16139998877")]
    [InlineData("sip:6139998877@sip.example.com", "sip:6139998877@sip.example.com")]
    public async Task Threads_are_keyed_by_PhoneAddress_Normalize(string destination, string remote)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        await api.SendSmsAsync("default", destination, "hi");

        var thread = Assert.Single((await api.GetAsync($"{api.Sms}/remoteAddresses")).Json["smsThreadList"]!["smsThread"]!.AsArray())!;
        Assert.Equal(PhoneAddress.Normalize(destination), (string?)thread["remoteAddress"]);
        Assert.Equal(remote, (string?)thread["remoteAddress"]);
    }
}
