using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

/// <summary>
/// The shapes the real server sends beyond the fixtures (issue 11), from the spec's examples and fault switches, so a
/// client's tolerance of them is tested against the stubs too: channel kinds and filters, another client's channel on
/// unsubscribe, a subscription without destinationAddress, the other error bodies, the delivery receipt.
/// </summary>
public sealed class RealServerShapeTests
{
    [Fact]
    public async Task The_channel_list_has_the_webhook_websocket_and_push_channels_of_the_spec_example()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var channels = await client.Conversation.GetChannelsAsync();

        Assert.Equal([NotificationChannelKind.Webhook, NotificationChannelKind.WebSocket, NotificationChannelKind.Push], channels.Select(c => c.Kind));
        Assert.All(channels, c => Assert.Contains("/" + server.UserId + "/channels/" + c.ChannelId, c.ResourceUrl!.OriginalString, StringComparison.Ordinal));
        Assert.NotNull(channels[1].ChannelUrl);
        Assert.Null(channels[1].WebhookUrl);
    }

    [Theory]
    [InlineData("channelType=Websockets", NotificationChannelKind.WebSocket)]
    [InlineData("channelType=omapush", NotificationChannelKind.Push)]
    [InlineData("clientCorrelator=someClientCorrelator", NotificationChannelKind.Webhook)]
    public async Task The_list_filters_the_example_by_clientCorrelator_and_channelType(string filter, NotificationChannelKind kind)
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        var query = filter.StartsWith("channelType", StringComparison.Ordinal)
            ? new NotificationChannelQuery { Kind = kind }
            : new NotificationChannelQuery { ClientCorrelator = filter.Split('=')[1] };

        var channels = await client.Conversation.GetChannelsAsync(query);

        Assert.Equal(kind, Assert.Single(channels).Kind);
        Assert.Empty(await client.Conversation.GetChannelsAsync(new NotificationChannelQuery { ClientCorrelator = "nobody" }));
    }

    [Theory]
    [InlineData("wh-1", NotificationChannelKind.Webhook)]
    [InlineData("ws-2", NotificationChannelKind.WebSocket)]
    [InlineData("ps-3", NotificationChannelKind.Push)]
    public async Task A_channel_is_answered_in_the_shape_of_its_kind(string id, NotificationChannelKind kind)
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var channel = await client.Conversation.GetChannelAsync(id);

        Assert.Equal(id, channel.ChannelId);
        Assert.Equal(kind, channel.Kind);
        Assert.Equal(kind == NotificationChannelKind.Webhook, channel.WebhookUrl is not null);
        Assert.Equal(kind != NotificationChannelKind.Webhook, channel.ChannelUrl is not null);
    }

    [Fact]
    public async Task Unsubscribing_another_clients_websocket_subscription_leaves_its_channel()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var removed = await client.Conversation.UnsubscribeAsync("f179f10b-e846-4370-af20-db5f7dc0f985"); // the spec's example notifies ws-…

        Assert.StartsWith("ws-", removed.ChannelId, StringComparison.Ordinal);
        Assert.False(removed.ChannelDeleted);
        Assert.DoesNotContain(server.WireMockServer.LogEntries, e => e.MappingTitle == "deleteNotificationChannel");
        Assert.Contains(server.WireMockServer.LogEntries, e => e.MappingTitle == "deleteInboundSubscription");
    }

    [Fact]
    public async Task The_subscription_list_has_an_item_without_destinationAddress()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var subscriptions = await client.Conversation.GetSubscriptionsAsync();

        Assert.Contains(subscriptions, s => s.DestinationAddress is null && s.SubscriptionId.Length > 0);
        Assert.Contains(subscriptions, s => s.DestinationAddress is not null);
    }

    [Fact]
    public async Task A_channel_without_clientCorrelator_is_refused_as_the_spec_requires_it()
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await SpecCoverageTests.TokenAsync(server, http);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Root() + "/cpaas/notificationchannel/v1/" + server.UserId + "/channels")
        {
            Content = new StringContent("""{"notificationChannel":{"channelData":{"x-webhookURL":"https://a.example/x"},"channelType":"webhooks"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("clientCorrelator", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ErrorBodyShape.FlattenedRequestError, 400, CpaasErrorKind.ServiceException)]
    [InlineData(ErrorBodyShape.FlattenedRequestError, 403, CpaasErrorKind.PolicyException)]
    [InlineData(ErrorBodyShape.TopLevelException, 403, CpaasErrorKind.PolicyException)]
    [InlineData(ErrorBodyShape.TopLevelException, 500, CpaasErrorKind.ServiceException)]
    public async Task An_error_fault_in_another_shape_keeps_its_id_and_text(ErrorBodyShape shape, int status, CpaasErrorKind kind)
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.RespondWithError("listInboundSubscriptions", (HttpStatusCode)status, "XYZ0001".Replace("XYZ", status == 403 ? "POL" : "SVC", StringComparison.Ordinal), "Refused for %1", shape);

        var error = await Assert.ThrowsAnyAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(kind, error.Kind);
        Assert.Equal((status == 403 ? "POL" : "SVC") + "0001", error.ExceptionId);
        Assert.StartsWith("Refused for ", error.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ErrorBodyShape.RequestError, """{"requestError":{"serviceException":{"messageId":"SVC0002","text":"Bad %1","variables":["x"]}}}""")]
    [InlineData(ErrorBodyShape.FlattenedRequestError, """{"requestError":{"messageId":"SVC0002","text":"Bad %1","variables":["x"]}}""")]
    [InlineData(ErrorBodyShape.TopLevelException, """{"serviceException":{"messageId":"SVC0002","text":"Bad %1","variables":["x"]}}""")]
    [InlineData(ErrorBodyShape.PlainMessage, """{"message":"Bad x"}""")]
    public async Task The_error_fault_body_has_the_chosen_shape(ErrorBodyShape shape, string expected)
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await SpecCoverageTests.TokenAsync(server, http);
        server.RespondWithError("listSmsThreads", HttpStatusCode.BadRequest, "SVC0002", "Bad %1", shape, "x");
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Root() + "/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_plain_message_fault_keeps_its_text()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.RespondWithError("listInboundSubscriptions", HttpStatusCode.BadRequest, text: "Nothing to see", shape: ErrorBodyShape.PlainMessage);

        var error = await Assert.ThrowsAnyAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(CpaasErrorKind.PlainMessage, error.Kind);
        Assert.Null(error.ExceptionId);
        Assert.Equal("Nothing to see", error.Text);
    }

    [Fact]
    public async Task A_delivery_receipt_reaches_the_webhook_and_parses()
    {
        using var server = CpaasMockServer.Start();
        await using var webhook = await WebhookReceiver.StartAsync();

        await server.PostNotificationAsync(webhook.Url, CpaasNotifications.DeliveryInfo("+16139998877", "DeliveredToTerminal", "SM5C24", notificationId: "n-9", notificationDateTime: DateTimeOffset.FromUnixTimeMilliseconds(1568889114122)));

        var received = await webhook.NextAsync();
        Assert.Equal(CpaasNotifications.DeliveryInfoKey, System.Text.Json.Nodes.JsonNode.Parse(received.Body)!.AsObject().Single().Key);
        var receipt = Assert.IsType<DeliveryInfoNotification>(received.Parsed);
        Assert.Equal(("+16139998877", DeliveryStatus.DeliveredToTerminal, "SM5C24"), (receipt.DestinationAddress, receipt.DeliveryStatus, receipt.MessageId));
        Assert.Equal(("n-9", 1568889114122L), (receipt.NotificationId, receipt.ApiModel.DateTime));
    }
}
