using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

public sealed class SendTests : IAsyncLifetime
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
    public async Task Send_from_an_owned_number_answers_the_fixture_shape()
    {
        // The '+' goes raw in the path, as the SDKs send it; it must not become a space.
        var response = await _api.PostAsync($"{_api.Sms}/outbound/+16135550100/requests", ApiClient.SmsBody("Hi", "+16139998877"));

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.DoesNotContain("\\u002B", response.Body);
        JsonAssertions.AssertKeys(response.Json, "outboundSMSMessageRequest");
        var result = response.Json["outboundSMSMessageRequest"]!.AsObject();
        JsonAssertions.AssertKeys(result, "address", "clientCorrelator", "deliveryInfoList", "outboundSMSTextMessage", "resourceURL", "senderAddress");
        Assert.Equal(["+16139998877"], result["address"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("PRIV-emulator-csharp", (string?)result["clientCorrelator"]);
        Assert.Equal("+16135550100", (string?)result["senderAddress"]);
        Assert.Equal("Hi", (string?)result["outboundSMSTextMessage"]!["message"]);
        JsonAssertions.AssertKeys(result["outboundSMSTextMessage"], "message");

        var match = Regex.Match((string)result["resourceURL"]!, @"^/cpaas/smsmessaging/v1/emulator-user/remoteAddresses/\+16135550100/messages/(SM[0-9A-F]{32})$");
        Assert.True(match.Success, (string?)result["resourceURL"]);
        var messageId = match.Groups[1].Value;

        var deliveryInfoList = result["deliveryInfoList"]!.AsObject();
        JsonAssertions.AssertKeys(deliveryInfoList, "deliveryInfo", "resourceURL");
        Assert.Equal($"/cpaas/smsmessaging/v1/emulator-user/remoteAddresses/+16139998877/messages/{messageId}/deliveryInfos",
            (string?)deliveryInfoList["resourceURL"]);
        var info = Assert.Single(deliveryInfoList["deliveryInfo"]!.AsArray())!.AsObject();
        JsonAssertions.AssertKeys(info, "address", "deliveryStatus");
        Assert.Equal("+16139998877", (string?)info["address"]);
        Assert.Equal("DeliveredToNetwork", (string?)info["deliveryStatus"]);

        // Stored in the thread remote = destination, local = sender.
        var stored = await _api.GetAsync($"{_api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages/{messageId}");
        Assert.Equal(HttpStatusCode.OK, stored.Status);
        var message = stored.Json["smsMessage"]!.AsObject();
        JsonAssertions.AssertKeys(message, "type", "messageId", "message", "status", "dateTime", "resourceURL");
        Assert.Equal("Outbound", (string?)message["type"]);
        Assert.Equal("DeliveredToNetwork", (string?)message["status"]);
        Assert.Equal($"/cpaas/smsmessaging/v1/emulator-user/remoteAddresses/+16139998877/localAddresses/+16135550100/messages/{messageId}",
            (string?)message["resourceURL"]);
    }

    [Fact]
    public async Task Send_from_default_reports_the_real_sender()
    {
        var result = await _api.SendSmsAsync("default", "+16139998877", "hi :)");

        Assert.Equal("+16135550100", (string?)result["senderAddress"]);
        Assert.StartsWith("/cpaas/smsmessaging/v1/emulator-user/remoteAddresses/+16135550100/messages/SM", (string?)result["resourceURL"]);
    }

    [Fact]
    public async Task A_percent_encoded_sender_and_a_numeric_correlator_work()
    {
        var body = ApiClient.SmsBody("hi", "+16139998877");
        body["outboundSMSMessageRequest"]!["clientCorrelator"] = 67893;

        var response = await _api.PostAsync($"{_api.Sms}/outbound/%2B16135550101/requests", body);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("+16135550101", (string?)response.Json["outboundSMSMessageRequest"]!["senderAddress"]);
        Assert.Contains("\"clientCorrelator\":67893", response.Body);
    }

    [Theory]
    [InlineData("+16135550142")]
    [InlineData("16135550100")]
    [InlineData(" 16135550100")]
    public async Task An_unowned_sender_is_403_policy_exception(string sender)
    {
        var response = await _api.PostAsync($"{_api.Sms}/outbound/{sender}/requests", ApiClient.SmsBody("hi", "+16139998877"));

        var exception = response.AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1001");
        Assert.Equal("Sender address %1 is not owned by or assigned to the project", (string?)exception["text"]);
        Assert.Equal([sender], exception["variables"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task An_undeliverable_destination_reports_DeliveryImpossible()
    {
        var result = await _api.SendSmsAsync("+16135550100", "+16135550199", "nobody home");

        Assert.Equal("DeliveryImpossible", (string?)result["deliveryInfoList"]!["deliveryInfo"]![0]!["deliveryStatus"]);
        var id = ((string)result["resourceURL"]!).Split('/').Last();
        var status = await _api.GetAsync($"{_api.Sms}/remoteAddresses/+16135550199/localAddresses/+16135550100/messages/{id}/status");
        Assert.Equal(HttpStatusCode.OK, status.Status);
        JsonAssertions.AssertKeys(status.Json, "status");
        Assert.Equal("DeliveryImpossible", (string?)status.Json["status"]);
    }

    [Fact]
    public async Task Several_destinations_get_one_status_each_and_one_thread_each()
    {
        var result = await SendManyAsync("+16135550100", "two", "+16139998877", "+16135550199", "tel:+16139998877");

        Assert.Equal(["DeliveredToNetwork", "DeliveryImpossible", "DeliveredToNetwork"],
            result["deliveryInfoList"]!["deliveryInfo"]!.AsArray().Select(d => (string)d!["deliveryStatus"]!));
        var threads = (await _api.GetAsync($"{_api.Sms}/remoteAddresses")).Json["smsThreadList"]!["smsThread"]!.AsArray();
        Assert.Equal(["+16135550199", "+16139998877"], threads.Select(t => (string)t!["remoteAddress"]!).Order());
        Assert.All(threads, t => Assert.Equal(1, (int)t!["threadDetails"]!["length"]!));
    }

    [Theory]
    [InlineData("tel:+16131234567", "+16131234567")]
    [InlineData("sip:+16131234567@example.com", "+16131234567")]
    [InlineData("sip:6131234567@example.com", "sip:6131234567@example.com")]
    public async Task The_four_address_forms_are_accepted(string address, string threadRemote)
    {
        var result = await _api.SendSmsAsync("+16135550100", address, "hi");

        Assert.Equal(address, (string?)result["address"]![0]);
        Assert.Equal(address, (string?)result["deliveryInfoList"]!["deliveryInfo"]![0]!["address"]);
        var thread = await _api.GetAsync($"{_api.Sms}/remoteAddresses/{threadRemote}/localAddresses/+16135550100");
        Assert.Equal(HttpStatusCode.OK, thread.Status);
        Assert.Equal(threadRemote, (string?)thread.Json["smsThread"]!["remoteAddress"]);
    }

    [Theory]
    [InlineData("""{"outboundSMSMessageRequest":{"address":[],"outboundSMSTextMessage":{"message":"hi"}}}""", "address")]
    [InlineData("""{"outboundSMSMessageRequest":{"outboundSMSTextMessage":{"message":"hi"}}}""", "address")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":"+16139998877","outboundSMSTextMessage":{"message":"hi"}}}""", "address")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":["234"],"outboundSMSTextMessage":{"message":"hi"}}}""", "address")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":["+16139998877", 5],"outboundSMSTextMessage":{"message":"hi"}}}""", "address")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":["+16139998877"],"outboundSMSTextMessage":{"message":""}}}""", "message")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":["+16139998877"],"outboundSMSTextMessage":{}}}""", "message")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":["+16139998877"],"outboundSMSTextMessage":{"message":"\ud800"}}}""", "message")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":["+16139998877"]}}""", "outboundSMSTextMessage")]
    [InlineData("""{"outboundSMSMessageRequest":{"address":["+16139998877"],"clientCorrelator":{},"outboundSMSTextMessage":{"message":"hi"}}}""", "clientCorrelator")]
    [InlineData("""{"address":["+16139998877"]}""", "outboundSMSMessageRequest")]
    [InlineData("""{"outboundSMSMessageRequest": """, "body")]
    [InlineData("", "body")]
    [InlineData("[1,2]", "body")]
    public async Task An_invalid_body_is_400_SVC0002_naming_the_part(string json, string part)
    {
        var response = await _api.SendAsync(HttpMethod.Post, $"{_api.Sms}/outbound/+16135550100/requests", json);

        var exception = response.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", "SVC0002");
        Assert.Equal("Invalid input value for message part %1", (string?)exception["text"]);
        Assert.Equal([part], exception["variables"]!.AsArray().Select(v => (string)v!));
    }

    private async Task<JsonObject> SendManyAsync(string sender, string message, params string[] destinations)
    {
        var response = await _api.PostAsync($"{_api.Sms}/outbound/{sender}/requests", ApiClient.SmsBody(message, destinations));
        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
        return response.Json["outboundSMSMessageRequest"]!.AsObject();
    }
}
