using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// The generated clients' direct path: on the SDK's own adapter (<see cref="IDirectRequestAdapter"/>) an operation goes
/// from its generated <see cref="OperationDescriptor"/> to the pipeline without a Kiota RequestInformation; on any other
/// adapter (Kiota's HttpClientRequestAdapter) it still builds one. Proven with a client whose RequestInformation
/// builders throw: the SDK's adapter never calls them, Kiota's does.
/// </summary>
public sealed class DirectPathTests : IClassFixture<KandyServer>
{
    private const string Sender = "+16137001234";
    private const string SendPath = KandyServer.UserBase + "/outbound/" + Sender + "/requests";
    private const string ThreadsPath = KandyServer.UserBase + "/remoteAddresses";

    private readonly KandyServer _kandy;

    public DirectPathTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    private static OutboundSmsMessageRequestBody Body() => new()
    {
        OutboundSmsMessageRequest = new OutboundSmsMessageRequest
        {
            Address = ["+16139998877"],
            OutboundSmsTextMessage = new OutboundSmsTextMessage { Message = "Hi" },
        },
    };

    /// <summary>A generated client whose RequestInformation builders fail: only the direct path can send.</summary>
    private sealed class NoRequestInformationOutbound(IRequestAdapter adapter) : SmsOutboundClient(adapter)
    {
        public int Built { get; private set; }

        public override RequestInformation ToCreateOutboundSmsMessageRequestInformation(string userId, string senderAddress, OutboundSmsMessageRequestBody body)
        {
            Built++;
            return base.ToCreateOutboundSmsMessageRequestInformation(userId, senderAddress, body);
        }
    }

    private sealed class CountingHistory(IRequestAdapter adapter) : SmsHistoryClient(adapter)
    {
        public int Built { get; private set; }

        public override RequestInformation ToListSmsThreadsRequestInformation(string userId, int? max = null, string? next = null, string? onlyNew = null, long? lastMessageTime = null)
        {
            Built++;
            return base.ToListSmsThreadsRequestInformation(userId, max, next, onlyNew, lastMessageTime);
        }
    }

    [Fact]
    public async Task OnTheSdksAdapterASendBuildsNoRequestInformationAndKeepsTheWireFormat()
    {
        _kandy.Stub("POST", SendPath, 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();
        var outbound = new NoRequestInformationOutbound(client.Core.Api.RequestAdapter);

        var response = await outbound.CreateOutboundSmsMessageAsync(CpaasClient.CurrentUser, Sender, Body());

        Assert.Equal(0, outbound.Built);
        Assert.Equal(Sender, response.OutboundSmsMessageRequest.SenderAddress);
        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "POST", SendPath, hasBody: true);
        Assert.Equal("application/json", Wire.Header(call, "Accept"));
        Assert.StartsWith("application/json", Wire.Header(call, "Content-Type"));
        Assert.StartsWith("Bearer ", Wire.Header(call, "Authorization"), StringComparison.Ordinal);
        Assert.Equal("""{"outboundSMSMessageRequest":{"address":["+16139998877"],"outboundSMSTextMessage":{"message":"Hi"}}}""", call.RequestMessage.Body);
    }

    [Fact]
    public async Task OnKiotasOwnAdapterTheSameClientBuildsTheRequestInformation()
    {
        _kandy.Stub("POST", SendPath, 201, Fixture.Read("send-response.json"));
        using var http = new HttpClient();
        var parsers = new ParseNodeFactoryRegistry();
        parsers.ContentTypeAssociatedFactories["application/json"] = new JsonParseNodeFactory();
        var writers = new SerializationWriterFactoryRegistry();
        writers.ContentTypeAssociatedFactories["application/json"] = new JsonSerializationWriterFactory();
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), parsers, writers, http) { BaseUrl = _kandy.Url };
        var outbound = new NoRequestInformationOutbound(adapter);

        var response = await outbound.CreateOutboundSmsMessageAsync(TestJwt.UserId, Sender, Body());

        Assert.Equal(1, outbound.Built);
        Assert.Equal(Sender, response.OutboundSmsMessageRequest.SenderAddress);
        Assert.Equal(SendPath, KandyServer.PathOf(Assert.Single(_kandy.ApiCalls)));
    }

    [Fact]
    public async Task QueryValuesAreEncodedOnceAndLeftOutWhenNull()
    {
        _kandy.StubQuery("GET", ThreadsPath, _ => true, 200, Fixture.Read("thread-list.json"));
        using var client = _kandy.Client();
        var history = new CountingHistory(client.Core.Api.RequestAdapter);

        await history.ListSmsThreadsAsync(CpaasClient.CurrentUser, max: 5, next: "a b&c=d+e/é");
        await history.ListSmsThreadsAsync(CpaasClient.CurrentUser, lastMessageTime: 1700000000000);
        await history.ListSmsThreadsAsync(CpaasClient.CurrentUser);

        Assert.Equal(0, history.Built);
        var queries = _kandy.ApiCalls.Select(KandyServer.QueryOf).ToList();
        Assert.Equal(["max=5&next=a%20b%26c%3Dd%2Be%2F%C3%A9", "lastMessageTime=1700000000000", string.Empty], queries);
        Assert.All(_kandy.ApiCalls, c => Assert.Equal(ThreadsPath, KandyServer.PathOf(c)));
    }

    [Fact]
    public async Task PathValuesAreEncodedAsSegmentsAndTheLastUrlIsNotReusedForOtherValues()
    {
        _kandy.Stub("DELETE", KandyServer.UserBase + "/remoteAddresses/+16139998877/localAddresses/" + Sender, 204);
        _kandy.Stub("DELETE", KandyServer.UserBase + "/remoteAddresses/a%2Fb%3F/localAddresses/" + Sender, 204);
        using var client = _kandy.Client();

        await client.Api.SmsHistory.DeleteSmsThreadAsync(CpaasClient.CurrentUser, "+16139998877", Sender);
        await client.Api.SmsHistory.DeleteSmsThreadAsync(CpaasClient.CurrentUser, "a/b?", Sender);
        await client.Api.SmsHistory.DeleteSmsThreadAsync(CpaasClient.CurrentUser, "+16139998877", Sender);

        Assert.Equal(
            [
                KandyServer.UserBase + "/remoteAddresses/+16139998877/localAddresses/" + Sender,
                KandyServer.UserBase + "/remoteAddresses/a%2Fb%3F/localAddresses/" + Sender,
                KandyServer.UserBase + "/remoteAddresses/+16139998877/localAddresses/" + Sender,
            ],
            _kandy.ApiCalls.Select(KandyServer.PathOf));
        Assert.All(_kandy.ApiCalls, c => Assert.Equal(204, c.ResponseMessage.StatusCode));
    }

    [Fact]
    public async Task TwoClientsWithDifferentBaseUrlsDoNotShareAUrl()
    {
        using var other = new KandyServer();
        other.StubToken();
        _kandy.Stub("DELETE", KandyServer.UserBase + "/remoteAddresses/+16139998877/localAddresses/" + Sender, 204);
        other.Stub("DELETE", KandyServer.UserBase + "/remoteAddresses/+16139998877/localAddresses/" + Sender, 204);
        using var first = _kandy.Client();
        using var second = other.Client();

        await first.Api.SmsHistory.DeleteSmsThreadAsync(CpaasClient.CurrentUser, "+16139998877", Sender);
        await second.Api.SmsHistory.DeleteSmsThreadAsync(CpaasClient.CurrentUser, "+16139998877", Sender);

        Assert.Single(_kandy.ApiCalls);
        Assert.Single(other.ApiCalls);
    }

    [Fact]
    public async Task AnUnreadableAnswerOnTheDirectPathIsACpaasApiException()
    {
        _kandy.Stub("POST", SendPath, 201, "{\"outboundSMSMessageRequest\": [1, 2]}");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Api.SmsOutbound.CreateOutboundSmsMessageAsync(CpaasClient.CurrentUser, Sender, Body()));

        Assert.Equal(201, error.StatusCode);
        Assert.True(error.MayHaveBeenProcessed);
        Assert.Contains("not the JSON the API description declares", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithABackingStoreTheAdapterUsesTheRequestInformationPath()
    {
        _kandy.Stub("POST", SendPath, 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();
        var adapter = (CpaasRequestAdapter)client.Core.Api.RequestAdapter;
        Assert.True(adapter.CanSendDirect);
        var isolated = new CpaasRequestAdapter(adapter.Pipeline, client.Core.Options);
        isolated.EnableBackingStore(new InMemoryBackingStoreFactory());
        var outbound = new NoRequestInformationOutbound(isolated);

        await outbound.CreateOutboundSmsMessageAsync(CpaasClient.CurrentUser, Sender, Body());

        Assert.False(isolated.CanSendDirect);
        Assert.Equal(1, outbound.Built);
    }
}
