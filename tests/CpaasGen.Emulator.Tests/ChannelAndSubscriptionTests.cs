using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

public sealed class ChannelAndSubscriptionTests : IAsyncLifetime
{
    private CpaasEmulator _emulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await CpaasEmulator.StartAsync();
        _api = await ApiClient.ConnectAsync(_emulator);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Channels_are_created_listed_read_and_deleted()
    {
        var created = await _api.PostAsync(_api.Channels, JsonNode.Parse("""
            { "notificationChannel": { "channelData": { "x-webhookURL": "https://myapp.com/abc123", "x-authorization": "Bearer someAccessToken" },
                                       "channelType": "webhooks", "clientCorrelator": "someClientCorrelator" } }
            """)!);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        JsonAssertions.AssertKeys(created.Json, "notificationChannel");
        var channel = created.Json["notificationChannel"]!.AsObject();
        JsonAssertions.AssertKeys(channel, "callbackURL", "channelData", "channelType", "clientCorrelator", "resourceURL");
        var id = (string)channel["callbackURL"]!;
        Assert.Matches(new Regex("^wh-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), id);
        Assert.Equal("https://myapp.com/abc123", (string?)channel["channelData"]!["x-webhookURL"]);
        Assert.Equal("Bearer someAccessToken", (string?)channel["channelData"]!["x-authorization"]);
        Assert.Equal("Webhooks", (string?)channel["channelType"]);
        Assert.Equal("someClientCorrelator", (string?)channel["clientCorrelator"]);
        Assert.Equal($"/cpaas/notificationchannel/v1/emulator-user/channels/{id}", (string?)channel["resourceURL"]);

        var read = await _api.GetAsync($"{_api.Channels}/{id}");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(created.Body, read.Body);

        var list = await _api.GetAsync(_api.Channels);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        JsonAssertions.AssertKeys(list.Json, "notificationChannelList");
        JsonAssertions.AssertKeys(list.Json["notificationChannelList"], "notificationChannel", "resourceURL");
        Assert.Equal("/cpaas/notificationchannel/v1/emulator-user/channels", (string?)list.Json["notificationChannelList"]!["resourceURL"]);
        Assert.Equal(id, (string?)Assert.Single(list.Json["notificationChannelList"]!["notificationChannel"]!.AsArray())!["callbackURL"]);

        var deleted = await _api.DeleteAsync($"{_api.Channels}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal("", deleted.Body);

        (await _api.GetAsync($"{_api.Channels}/{id}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await _api.DeleteAsync($"{_api.Channels}/{id}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
    }

    [Theory]
    // Issue 11: clientCorrelator is required in a channel creation (the vendor's model), so the rows below send one.
    [InlineData("""{"notificationChannel":{"channelData":{"x-webhookURL":"https://a.example/x"},"channelType":"websockets","clientCorrelator":"c"}}""", "SVC0003", "channelType")]
    [InlineData("""{"notificationChannel":{"channelData":{"x-webhookURL":"not a url"},"channelType":"webhooks","clientCorrelator":"c"}}""", "SVC0002", "x-webhookURL")]
    [InlineData("""{"notificationChannel":{"channelData":{"x-webhookURL":"ftp://a.example/x"},"channelType":"webhooks","clientCorrelator":"c"}}""", "SVC0002", "x-webhookURL")]
    [InlineData("""{"notificationChannel":{"channelData":{},"channelType":"webhooks","clientCorrelator":"c"}}""", "SVC0002", "x-webhookURL")]
    [InlineData("""{"notificationChannel":{"channelType":"webhooks","clientCorrelator":"c"}}""", "SVC0002", "channelData")]
    [InlineData("""{"notificationChannel":{"channelData":{"x-webhookURL":"https://a.example/x"},"clientCorrelator":"c"}}""", "SVC0002", "channelType")]
    [InlineData("""{"notificationChannel":{"channelData":{"x-webhookURL":"https://a.example/x"},"channelType":"webhooks"}}""", "SVC0002", "clientCorrelator")]
    [InlineData("""{"channel":{}}""", "SVC0002", "notificationChannel")]
    public async Task An_invalid_channel_is_400(string json, string messageId, string part)
    {
        var response = await _api.SendAsync(HttpMethod.Post, _api.Channels, json);

        var exception = response.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", messageId);
        Assert.Equal(part, (string?)exception["variables"]![0]);
    }

    [Fact]
    public async Task Subscription_flow_create_default_list_get_delete()
    {
        var channel = await _api.CreateChannelAsync("https://myapp.com/inbound-sms/webhook");

        var explicitNumber = await _api.SubscribeAsync(channel, "+16135550101");
        Assert.Equal(HttpStatusCode.Created, explicitNumber.Status);
        JsonAssertions.AssertKeys(explicitNumber.Json, "subscription");
        var subscription = explicitNumber.Json["subscription"]!.AsObject();
        JsonAssertions.AssertKeys(subscription, "callbackReference", "clientCorrelator", "destinationAddress", "resourceURL");
        JsonAssertions.AssertKeys(subscription["callbackReference"], "notifyURL");
        Assert.Equal(channel, (string?)subscription["callbackReference"]!["notifyURL"]);
        Assert.Equal("+16135550101", (string?)subscription["destinationAddress"]);
        Assert.Equal("PRIV-emulator-csharp", (string?)subscription["clientCorrelator"]);
        var match = Regex.Match((string)subscription["resourceURL"]!,
            "^/cpaas/smsmessaging/v1/emulator-user/inbound/subscriptions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");
        Assert.True(match.Success);
        var id = match.Groups[1].Value;

        // No destinationAddress: the default number, echoed.
        var byDefault = await _api.SubscribeAsync(channel, destination: null);
        Assert.Equal(HttpStatusCode.Created, byDefault.Status);
        Assert.Equal("+16135550100", (string?)byDefault.Json["subscription"]!["destinationAddress"]);

        var list = await _api.GetAsync($"{_api.Sms}/inbound/subscriptions");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        JsonAssertions.AssertKeys(list.Json["subscriptionList"], "resourceURL", "subscription");
        Assert.Equal("/cpaas/smsmessaging/v1/emulator-user/inbound/subscriptions", (string?)list.Json["subscriptionList"]!["resourceURL"]);
        Assert.Equal(["+16135550101", "+16135550100"],
            list.Json["subscriptionList"]!["subscription"]!.AsArray().Select(s => (string)s!["destinationAddress"]!));

        var one = await _api.GetAsync($"{_api.Sms}/inbound/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(explicitNumber.Body, one.Body);

        // A channel in use cannot be deleted.
        (await _api.DeleteAsync($"{_api.Channels}/{channel}")).AssertRequestError(HttpStatusCode.Conflict, "serviceException", "SVC1003");

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync($"{_api.Sms}/inbound/subscriptions/{id}")).Status);
        (await _api.GetAsync($"{_api.Sms}/inbound/subscriptions/{id}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await _api.DeleteAsync($"{_api.Sms}/inbound/subscriptions/{id}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
    }

    [Fact]
    public async Task One_subscription_per_number_a_second_is_409()
    {
        var channel = await _api.CreateChannelAsync("https://myapp.com/a");
        Assert.Equal(HttpStatusCode.Created, (await _api.SubscribeAsync(channel, "+16135550100")).Status);

        var second = await _api.SubscribeAsync(await _api.CreateChannelAsync("https://myapp.com/b"), "+16135550100");
        var secondByDefault = await _api.SubscribeAsync(channel, destination: null);

        var exception = second.AssertRequestError(HttpStatusCode.Conflict, "serviceException", "SVC0008");
        Assert.Equal("+16135550100", (string?)exception["variables"]![0]);
        secondByDefault.AssertRequestError(HttpStatusCode.Conflict, "serviceException", "SVC0008");
    }

    [Fact]
    public async Task Subscribing_an_unowned_number_is_403_and_an_unknown_channel_400()
    {
        var channel = await _api.CreateChannelAsync("https://myapp.com/a");

        var unowned = await _api.SubscribeAsync(channel, "+16139998877");
        var unknownChannel = await _api.SubscribeAsync("wh-00000000-0000-0000-0000-000000000000", "+16135550100");
        var webhookUrlInsteadOfChannel = await _api.SubscribeAsync("https://myapp.com/a", "+16135550100");

        Assert.Equal("+16139998877", (string?)unowned.AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1002")["variables"]![0]);
        Assert.Equal("notifyURL", (string?)unknownChannel.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", "SVC0002")["variables"]![0]);
        webhookUrlInsteadOfChannel.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", "SVC0002");
    }
}
