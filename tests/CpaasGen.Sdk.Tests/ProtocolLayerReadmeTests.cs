using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Api = Cpaas.Api; // both namespaces imported: alias the protocol layer's (see docs/protocol-layer.md)

namespace Cpaas.Tests;

/// <summary>
/// README's protocol-layer example (README.md lifts it between the snippet markers; tests/CpaasGen.PublicApi.Tests
/// ReadmeSnippetTests checks the README shows exactly this code), run over HTTP against WireMock on loopback.
/// </summary>
public sealed class ProtocolLayerReadmeTests : IClassFixture<KandyServer>
{
    private const string SendPath = KandyServer.UserBase + "/outbound/default/requests";

    private readonly KandyServer _kandy;

    public ProtocolLayerReadmeTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    public static async Task<(Api.OutboundSmsMessageResponseBody Response, object? Extra)> SendThroughTheProtocolLayerAsync(CpaasClient client)
    {
        // begin-snippet: protocol-layer
        // using Api = Cpaas.Api;
        Api.OutboundSmsMessageResponseBody response = await client.Api.SmsOutbound.CreateOutboundSmsMessageAsync(
            CpaasClient.CurrentUser,                      // the pipeline puts your token's user id here
            "default",
            new Api.OutboundSmsMessageRequestBody {
                OutboundSmsMessageRequest = new Api.OutboundSmsMessageRequest {
                    Address = ["+16131234567"],
                    OutboundSmsTextMessage = new Api.OutboundSmsTextMessage { Message = "hi :)" } } });

        Api.OutboundSmsMessageResult sent = response.OutboundSmsMessageRequest;
        Console.WriteLine(sent.ResourceUrl);              // every field the spec declares…
        sent.AdditionalData.TryGetValue("channel", out var extra); // …and every field it does not (yet), as Kiota's untyped nodes
        // end-snippet
        return (response, extra);
    }

    [Fact]
    public async Task TheReadmeExampleSendsThroughThePipelineAndReadsEveryField()
    {
        var body = Fixture.Read("send-response.json").Replace("\"senderAddress\"", "\"channel\": \"sms\", \"senderAddress\"", StringComparison.Ordinal);
        _kandy.Stub("POST", SendPath, 201, body);
        using var client = _kandy.Client();

        var (response, extra) = await SendThroughTheProtocolLayerAsync(client);

        Assert.Equal("+16137001234", response.OutboundSmsMessageRequest.SenderAddress);
        Assert.Equal("sms", Assert.IsType<Microsoft.Kiota.Abstractions.Serialization.UntypedString>(extra).GetValue()); // Kiota's untyped node
        var call = Assert.Single(_kandy.ApiCalls);
        Assert.Equal(SendPath, KandyServer.PathOf(call));
        Assert.StartsWith("Bearer ", call.RequestMessage.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        Assert.Contains("\"message\":\"hi :)\"", call.RequestMessage.Body, StringComparison.Ordinal);
    }
}
