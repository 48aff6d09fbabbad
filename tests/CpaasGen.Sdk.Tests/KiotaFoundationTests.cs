using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Form;
using Microsoft.Kiota.Serialization.Json;
using WireMock.Matchers;
using WireMock.ResponseBuilders;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// The foundation: the generated wire layer works on plain Kiota (its own HttpClientRequestAdapter and JSON/form
/// serializers), not only on the SDK's adapter. Local registries only — the global ApiClientBuilder ones are not touched.
/// </summary>
public sealed class KiotaFoundationTests : IClassFixture<KandyServer>
{
    private const string SendPath = KandyServer.UserBase + "/outbound/+16137001234/requests";

    private readonly KandyServer _kandy;

    public KiotaFoundationTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
    }

    private HttpClientRequestAdapter Adapter(HttpClient http)
    {
        var parsers = new ParseNodeFactoryRegistry();
        parsers.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        writers.ContentTypeAssociatedFactories["application/x-www-form-urlencoded"] = new FormSerializationWriterFactory();
        return new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), parseNodeFactory: parsers, serializationWriterFactory: writers, httpClient: http)
        {
            BaseUrl = _kandy.Url,
        };
    }

    private static OutboundSmsMessageRequestBody Body() => new()
    {
        OutboundSmsMessageRequest = new OutboundSmsMessageRequest
        {
            Address = ["+16139998877"],
            ClientCorrelator = KandyServer.ClientId + "-csharp",
            OutboundSmsTextMessage = new OutboundSmsTextMessage { Message = "Hi" },
        },
    };

    private const string ExpectedBody = """{"outboundSMSMessageRequest":{"address":["+16139998877"],"clientCorrelator":"PRIV-test-project-csharp","outboundSMSTextMessage":{"message":"Hi"}}}""";

    [Fact]
    public async Task TheGeneratedClientSendsAndReadsTheWireFormatThroughKiotasOwnAdapter()
    {
        // The stub only answers a JSON-equal body (Kiota's writer escapes '+' as \u002B, which is the same JSON).
        _kandy.Server.Given(KandyServer.RawPath(SendPath).UsingPost().WithBody(new JsonMatcher(ExpectedBody)))
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(Fixture.Read("send-response.json")));
        using var http = new HttpClient();
        var client = new KandyApiClient(Adapter(http));

        var response = await client.SmsOutbound.CreateOutboundSmsMessageAsync(TestJwt.UserId, "+16137001234", Body());

        var call = Assert.Single(_kandy.Server.LogEntries);
        Assert.Equal(201, call.ResponseMessage.StatusCode);
        Assert.Equal("POST", call.RequestMessage.Method);
        Assert.Equal(SendPath, KandyServer.PathOf(call));
        Assert.Equal(string.Empty, KandyServer.QueryOf(call));
        Assert.Equal("application/json", Wire.Header(call, "Accept"));
        Assert.StartsWith("application/json", Wire.Header(call, "Content-Type"));
        Assert.Null(Wire.Header(call, "Authorization")); // anonymous
        Wire.AssertJson(ExpectedBody, call.RequestMessage.Body);
        Assert.Contains("\\u002B16139998877", call.RequestMessage.Body); // Kiota's writer escapes '+'; the SDK's own writer does not

        var result = response.OutboundSmsMessageRequest;
        Assert.Equal(new[] { "+16139998877" }, result.Address);
        Assert.Equal("67893", result.ClientCorrelator); // a JSON number, read as its text
        Assert.Equal("+16137001234", result.SenderAddress);
        Assert.Equal("Hi", result.OutboundSmsTextMessage!.Message);
        Assert.EndsWith("/remoteAddresses/+16137001234/messages/olr3j20Cdx87", result.ResourceUrl);
        var info = Assert.Single(result.DeliveryInfoList.DeliveryInfo);
        Assert.Equal("+16139998877", info.Address);
        Assert.Equal("DeliveredToNetwork", info.DeliveryStatus.Value);
        Assert.EndsWith("/messages/olr3j20Cdx87/deliveryInfos", result.DeliveryInfoList.ResourceUrl);
    }

    [Fact]
    public async Task ARequestErrorBodySurfacesAsTheGeneratedExceptionThroughKiota()
    {
        const string policy = """{"requestError":{"policyException":{"messageId":"POL0001","text":"Sender %1 is not owned by %2","variables":["+16137001234","project"]}}}""";
        _kandy.Stub("POST", SendPath, 403, policy);
        using var http = new HttpClient();
        var client = new KandyApiClient(Adapter(http));

        var error = await Assert.ThrowsAsync<RequestErrorBody>(() => client.SmsOutbound.CreateOutboundSmsMessageAsync(TestJwt.UserId, "+16137001234", Body()));

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Null(error.RequestError.ServiceException);
        var policyException = error.RequestError.PolicyException;
        Assert.NotNull(policyException);
        Assert.Equal("POL0001", policyException!.MessageId);
        Assert.Equal("Sender %1 is not owned by %2", policyException.Text);
        Assert.Equal(new[] { "+16137001234", "project" }, policyException.Variables);
        Assert.Equal(SendPath, KandyServer.PathOf(Assert.Single(_kandy.Server.LogEntries)));
    }

    [Fact]
    public async Task TheTokenRequestIsAFormBodyThroughKiota()
    {
        _kandy.StubToken();
        using var http = new HttpClient();
        var client = new KandyApiClient(Adapter(http));

        var token = await client.Authentication.CreateTokenAsync(new TokenRequest
        {
            GrantType = GrantType.ClientCredentials,
            ClientId = KandyServer.ClientId,
            ClientSecret = KandyServer.ClientSecret,
            Scope = "openid",
        });

        Assert.StartsWith("ey", token.AccessToken);
        Assert.StartsWith("ey", token.IdToken);
        var call = Assert.Single(_kandy.TokenCalls);
        Assert.StartsWith("application/x-www-form-urlencoded", Wire.Header(call, "Content-Type"));
        var form = Wire.Form(call.RequestMessage.Body).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value);
        Assert.Equal(new[] { "client_id=" + KandyServer.ClientId, "client_secret=" + KandyServer.ClientSecret, "grant_type=client_credentials", "scope=openid" }, form);
    }
}
