using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WireMock.Logging;
using Xunit;

namespace Cpaas.Tests;

public sealed class SendMessageTests : IClassFixture<KandyServer>
{
    private readonly KandyServer _kandy;

    public SendMessageTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task SendsTheWireRequestAndMapsTheFixtureResponse()
    {
        _kandy.Stub("POST", KandyServer.UserBase + "/outbound/+16137001234/requests", 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16139998877"],
            SenderAddress = "+16137001234",
            Message = "Hi",
        });

        var entry = Assert.Single(_kandy.ApiCalls);
        var call = entry.RequestMessage;
        Assert.Equal("POST", call.Method);
        Assert.Equal("/cpaas/smsmessaging/v1/" + TestJwt.UserId + "/outbound/+16137001234/requests", KandyServer.PathOf(entry));
        Assert.StartsWith("Bearer ey", call.Headers!["Authorization"].Single());
        Assert.Equal("CpaasGen.Sdk/0.1.0", call.Headers["X-Cpaas-Agent"].Single());
        Assert.StartsWith("application/json", call.Headers["Content-Type"].Single());
        using var body = JsonDocument.Parse(call.Body!);
        var request = body.RootElement.GetProperty("outboundSMSMessageRequest");
        Assert.Equal(new[] { "+16139998877" }, request.GetProperty("address").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal(KandyServer.ClientId + "-csharp", request.GetProperty("clientCorrelator").GetString());
        Assert.Equal("Hi", request.GetProperty("outboundSMSTextMessage").GetProperty("message").GetString());
        Assert.Equal(3, request.EnumerateObject().Count());
        Assert.Contains("\"+16139998877\"", call.Body); // '+' is not escaped as \u002B

        Assert.Equal("+16137001234", sent.SenderAddress);
        Assert.Equal("Hi", sent.Message);
        Assert.Equal("olr3j20Cdx87", sent.MessageId);
        Assert.Equal("67893", sent.ClientCorrelator);
        var info = Assert.Single(sent.DeliveryInfo);
        Assert.Equal("+16139998877", info.DestinationAddress);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, info.DeliveryStatus);
    }

    [Fact]
    public async Task SendAsyncIsTheOneLineFormOfCreateMessage()
    {
        _kandy.Stub("POST", DefaultPath, 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();

        var sent = await client.Conversation.SendAsync("default", "+16139998877", "Hi");

        var entry = Assert.Single(_kandy.ApiCalls);
        Assert.Equal("/cpaas/smsmessaging/v1/" + TestJwt.UserId + "/outbound/default/requests", KandyServer.PathOf(entry));
        using var body = JsonDocument.Parse(entry.RequestMessage.Body!);
        var request = body.RootElement.GetProperty("outboundSMSMessageRequest");
        Assert.Equal(new[] { "+16139998877" }, request.GetProperty("address").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.Equal("Hi", request.GetProperty("outboundSMSTextMessage").GetProperty("message").GetString());
        Assert.NotEqual("default", sent.SenderAddress);
        Assert.Same(sent.ApiModel.DeliveryInfoList.DeliveryInfo[0], Assert.Single(sent.DeliveryInfo).ApiModel);
    }

    [Theory]
    [InlineData("", "+16139998877", "Hi", "senderAddress")]
    [InlineData("default", "12", "Hi", "destinationAddress")]
    [InlineData("+16137001234", "+16139998877", "", "message")]
    public async Task SendAsyncNamesTheBadArgumentBeforeAnyCall(string from, string to, string text, string argument)
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Conversation.SendAsync(from, to, text));

        Assert.Equal(argument, error.ParamName);
        Assert.Empty(_kandy.ApiCalls);
        Assert.Empty(_kandy.TokenCalls);
    }

    private const string SendPath = KandyServer.UserBase + "/outbound/+16137001234/requests";
    private const string DefaultPath = KandyServer.UserBase + "/outbound/default/requests";

    [Fact]
    public async Task DefaultSenderUsesTheDefaultPathAndReportsTheRealNumber()
    {
        _kandy.Stub("POST", DefaultPath, 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("default"));

        var entry = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(entry, "POST", DefaultPath, hasBody: true);
        Assert.Equal("+16137001234", sent.SenderAddress);
        Assert.DoesNotContain("default", sent.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Wire.StringProperties(sent), p => string.Equals(p.Value, "default", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DefaultSenderIsMatchedIgnoringCaseAndSentAsLowerCaseDefault()
    {
        _kandy.Stub("POST", DefaultPath, 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("Default"));

        Assert.Equal(DefaultPath, KandyServer.PathOf(Assert.Single(_kandy.ApiCalls)));
        Assert.Equal("+16137001234", sent.SenderAddress);
    }

    [Fact]
    public async Task WithoutSenderAddressInTheResponseTheSenderComesFromTheResourceUrl()
    {
        var response = JsonNode.Parse(Fixture.Read("send-response.json"))!;
        Assert.True(response["outboundSMSMessageRequest"]!.AsObject().Remove("senderAddress"));
        _kandy.Stub("POST", DefaultPath, 201, response.ToJsonString());
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("default"));

        Assert.Equal("+16137001234", sent.SenderAddress); // …/remoteAddresses/+16137001234/messages/olr3j20Cdx87
        Assert.Equal("olr3j20Cdx87", sent.MessageId);
    }

    /// <summary>
    /// Real Kandy (and the emulator) hand out <c>…/remoteAddresses/{remote}/localAddresses/{local}/messages/{id}</c>: the
    /// sender is the localAddresses segment, not the remote party after remoteAddresses.
    /// </summary>
    [Fact]
    public async Task WithoutSenderAddressTheSenderIsTheLocalAddressOfAThreadShapedResourceUrl()
    {
        var response = JsonNode.Parse(Fixture.Read("send-response.json"))!;
        response["outboundSMSMessageRequest"]!.AsObject().Remove("senderAddress");
        response["outboundSMSMessageRequest"]!["resourceURL"] = KandyServer.UserBase + "/remoteAddresses/+16139998877/localAddresses/+16137001234/messages/olr3j20Cdx87";
        _kandy.Stub("POST", DefaultPath, 201, response.ToJsonString());
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("default"));

        Assert.Equal("+16137001234", sent.SenderAddress);
        Assert.Equal("olr3j20Cdx87", sent.MessageId);
    }

    [Theory]
    [InlineData("/cpaas/smsmessaging/v1/u/remoteAddresses/+16137001234/messages/m1", "+16137001234")]
    [InlineData("/cpaas/smsmessaging/v1/u/remoteAddresses/+16139998877/localAddresses/+16137001234/messages/m1", "+16137001234")]
    [InlineData("/cpaas/smsmessaging/v1/u/remoteAddresses/+16139998877/localAddresses/%2B16137001234/messages/m1", "+16137001234")]
    [InlineData("/cpaas/smsmessaging/v1/u/outbound/+16137001234/requests/m1", "+16137001234")]
    [InlineData("/cpaas/smsmessaging/v1/u/remoteAddresses/+16139998877/localAddresses/default/messages/m1", null)]
    [InlineData("/cpaas/smsmessaging/v1/u/messages/m1", null)]
    [InlineData(null, null)]
    public void TheSenderOfAResourceUrlIsItsOutboundOrLocalAddressesSegmentElseItsRemoteAddressesOne(string? url, string? sender)
        => Assert.Equal(sender, Conversation.SenderFromResourceUrl(url));

    [Fact]
    public async Task DefaultNeverLeaksIntoTheResultEvenWhenTheServerEchoesIt()
    {
        var echoed = JsonNode.Parse(Fixture.Read("send-response.json"))!;
        echoed["outboundSMSMessageRequest"]!["senderAddress"] = "default";
        _kandy.Stub("POST", DefaultPath, 201, echoed.ToJsonString());
        using var client = _kandy.Client();

        var fromUrl = await client.Conversation.CreateMessageAsync(Message("default"));
        Assert.Equal("+16137001234", fromUrl.SenderAddress);

        _kandy.Reset();
        _kandy.StubToken();
        echoed["outboundSMSMessageRequest"]!["resourceURL"] = KandyServer.UserBase + "/outbound/default/requests/olr3j20Cdx87";
        _kandy.Stub("POST", DefaultPath, 201, echoed.ToJsonString());

        var unknown = await client.Conversation.CreateMessageAsync(Message("default"));
        Assert.Null(unknown.SenderAddress);
        Assert.DoesNotContain(Wire.StringProperties(unknown), p => string.Equals(p.Value, "default", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnExplicitSenderIsReportedWhenTheResponseNamesNone()
    {
        var response = JsonNode.Parse(Fixture.Read("send-response.json"))!;
        response["outboundSMSMessageRequest"]!.AsObject().Remove("senderAddress");
        response["outboundSMSMessageRequest"]!.AsObject().Remove("resourceURL");
        _kandy.Stub("POST", SendPath, 201, response.ToJsonString());
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("+16137001234"));

        Assert.Equal("+16137001234", sent.SenderAddress);
        Assert.Null(sent.MessageId);
    }

    [Fact]
    public async Task SendsToMultipleDestinationsAndMapsEachDeliveryInfo()
    {
        const string response = """
            {"outboundSMSMessageRequest":{"address":["+16139998877","+16131234567"],"clientCorrelator":"c",
             "deliveryInfoList":{"deliveryInfo":[{"address":"+16139998877","deliveryStatus":"DeliveredToNetwork"},
                                                 {"address":"+16131234567","deliveryStatus":"DeliveryImpossible"}]},
             "outboundSMSTextMessage":{"message":"Hi"},"senderAddress":"+16137001234",
             "resourceURL":"/cpaas/smsmessaging/v1/e33c51d7-6585-4aee-88ae-005dfae1fd3b/remoteAddresses/+16137001234/messages/m2"}}
            """;
        _kandy.Stub("POST", SendPath, 201, response);
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("+16137001234", "+16139998877", "+16131234567"));

        Wire.AssertJson(
            """{"outboundSMSMessageRequest":{"address":["+16139998877","+16131234567"],"clientCorrelator":"PRIV-test-project-csharp","outboundSMSTextMessage":{"message":"Hi"}}}""",
            Assert.Single(_kandy.ApiCalls).RequestMessage.Body);
        Assert.Collection(
            sent.DeliveryInfo,
            d => { Assert.Equal("+16139998877", d.DestinationAddress); Assert.Equal(DeliveryStatus.DeliveredToNetwork, d.DeliveryStatus); },
            d => { Assert.Equal("+16131234567", d.DestinationAddress); Assert.Equal(DeliveryStatus.DeliveryImpossible, d.DeliveryStatus); });
        Assert.Equal("m2", sent.MessageId);
    }

    [Fact]
    public async Task DeliveryInfoInTheTutorialFormMapsDestinationAddress()
    {
        var response = JsonNode.Parse(Fixture.Read("send-response.json"))!;
        response["outboundSMSMessageRequest"]!["deliveryInfoList"]!["deliveryInfo"] =
            JsonNode.Parse("""[{"destinationAddress":"+16131234567","deliveryStatus":"DeliveredToNetwork"}]""");
        _kandy.Stub("POST", SendPath, 201, response.ToJsonString());
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("+16137001234", "+16131234567"));

        var info = Assert.Single(sent.DeliveryInfo);
        Assert.Equal("+16131234567", info.DestinationAddress);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, info.DeliveryStatus);
        Assert.True(info.DeliveryStatus.IsKnown);
    }

    [Theory]
    [InlineData("\"clientCorrelator\": 67893")] // Node fixture (verbatim file)
    [InlineData("\"clientCorrelator\": \"67893\"")] // .NET stub variant
    public async Task ClientCorrelatorAsNumberOrStringIsReadAsText(string member)
    {
        var fixture = Fixture.Read("send-response.json");
        Assert.Contains("\"clientCorrelator\": 67893", fixture);
        _kandy.Stub("POST", SendPath, 201, fixture.Replace("\"clientCorrelator\": 67893", member, StringComparison.Ordinal));
        using var client = _kandy.Client();

        var sent = await client.Conversation.CreateMessageAsync(Message("+16137001234"));

        Assert.Equal("67893", sent.ClientCorrelator);
    }

    [Fact]
    public async Task TheCallersClientCorrelatorWinsOverTheOptionsAndTheDefault()
    {
        _kandy.Stub("POST", SendPath, 201, Fixture.Read("send-response.json"));
        using var plain = _kandy.Client();
        using var configured = _kandy.Client(o => o.ClientCorrelator = "from-options");

        await plain.Conversation.CreateMessageAsync(Message("+16137001234"));
        await configured.Conversation.CreateMessageAsync(Message("+16137001234"));
        await configured.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16139998877"], SenderAddress = "+16137001234", Message = "Hi", ClientCorrelator = "from-call" });

        var correlators = _kandy.ApiCalls.Select(e => Correlator(e)).ToList();
        Assert.Equal(new[] { KandyServer.ClientId + "-csharp", "from-options", "from-call" }, correlators);
    }

    [Theory]
    [InlineData("+16131234567")]
    [InlineData("tel:+16131234567")]
    [InlineData("sip:+16131234567@example.com")]
    [InlineData("sip:6131234567@example.com")]
    public async Task AddressesInEachSeedFormatAreSentAsGiven(string address)
    {
        var path = KandyServer.UserBase + "/outbound/" + address + "/requests";
        _kandy.Stub("POST", path, 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();

        await client.Conversation.CreateMessageAsync(Message(address, address));

        var entry = Assert.Single(_kandy.ApiCalls);
        Assert.Equal(path, KandyServer.PathOf(entry)); // ':' '+' '@' kept raw in the sender segment
        using var body = JsonDocument.Parse(entry.RequestMessage.Body!);
        Assert.Equal(address, body.RootElement.GetProperty("outboundSMSMessageRequest").GetProperty("address")[0].GetString());
    }

    [Fact]
    public async Task ToStringOfRequestAndResultNeverShowsTheTextAndMasksNumbers()
    {
        var response = Fixture.Read("send-response.json").Replace("\"message\": \"Hi\"", "\"message\": \"confidential body 42\"", StringComparison.Ordinal);
        _kandy.Stub("POST", SendPath, 201, response);
        using var client = _kandy.Client();
        var request = new CreateMessageRequest { DestinationAddress = ["+16139998877"], SenderAddress = "+16137001234", Message = "confidential body 42" };

        var sent = await client.Conversation.CreateMessageAsync(request);

        Assert.Equal("confidential body 42", sent.Message);
        foreach (var text in new[] { request.ToString(), sent.ToString(), sent.DeliveryInfo[0].ToString() })
        {
            Assert.DoesNotContain("confidential", text);
            Assert.DoesNotContain("16137001234", text);
            Assert.DoesNotContain("16139998877", text);
        }

        Assert.Contains("+1613***1234", sent.ToString());
        Assert.Contains("+1613***8877", sent.DeliveryInfo[0].ToString());
    }

    internal static CreateMessageRequest Message(string sender, params string[] destinations)
        => new() { DestinationAddress = destinations.Length == 0 ? ["+16139998877"] : destinations, SenderAddress = sender, Message = "Hi" };

    private static string? Correlator(ILogEntry entry)
    {
        using var body = JsonDocument.Parse(entry.RequestMessage.Body!);
        return body.RootElement.GetProperty("outboundSMSMessageRequest").GetProperty("clientCorrelator").GetString();
    }
}
