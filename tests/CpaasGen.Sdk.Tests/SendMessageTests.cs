using System;
using System.Linq;
using System.Text.Json;
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
            Type = ConversationType.Sms,
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
}
