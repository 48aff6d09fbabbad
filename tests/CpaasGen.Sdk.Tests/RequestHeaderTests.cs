using System;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>The headers every call carries, checked once per kind of call: GET, DELETE, JSON POST, form POST.</summary>
public sealed class RequestHeaderTests : IClassFixture<KandyServer>
{
    private const string SubscriptionsPath = KandyServer.UserBase + "/inbound/subscriptions";

    private readonly KandyServer _kandy;

    public RequestHeaderTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task AJsonPostCarriesAgentBearerAcceptAndJsonContentType()
    {
        _kandy.Stub("POST", KandyServer.UserBase + "/outbound/+16137001234/requests", 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();

        await client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234"));

        var call = Assert.Single(_kandy.ApiCalls);
        Assert.Equal(Wire.Agent, Wire.Header(call, "X-Cpaas-Agent"));
        Assert.Matches("^CpaasGen\\.Sdk/[0-9]+\\.[0-9]+\\.[0-9]+", Wire.Header(call, "X-Cpaas-Agent"));
        Assert.Matches("^Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", Wire.Header(call, "Authorization"));
        Assert.Equal("application/json", Wire.Header(call, "Accept"));
        Assert.Equal("application/json", Wire.Header(call, "Content-Type"));
    }

    [Fact]
    public async Task TheTokenCallCarriesTheAgentButNoBearer()
    {
        _kandy.Stub("GET", SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client();

        await client.Conversation.GetSubscriptionsAsync();

        var token = Assert.Single(_kandy.TokenCalls);
        Assert.Equal(Wire.Agent, Wire.Header(token, "X-Cpaas-Agent"));
        Assert.Null(Wire.Header(token, "Authorization"));
        Assert.Equal("application/x-www-form-urlencoded", Wire.Header(token, "Content-Type"));
    }

    [Fact]
    public async Task AGetCarriesNoBodyAndNoContentHeaders()
    {
        _kandy.Stub("GET", SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client();

        await client.Conversation.GetSubscriptionsAsync();

        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "GET", SubscriptionsPath);
        Assert.Null(Wire.Header(call, "Content-Type"));
        Assert.Null(Wire.Header(call, "Content-Length"));
    }

    [Fact]
    public async Task ADeleteCarriesNoBodyAndNoContentHeaders()
    {
        _kandy.Stub("DELETE", HistoryTests.ThreadPath, 204);
        using var client = _kandy.Client();

        await client.Conversation.DeleteThreadAsync(HistoryTests.Remote, HistoryTests.Local);

        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "DELETE", HistoryTests.ThreadPath, expectsJson: false);
        Assert.Null(Wire.Header(call, "Content-Type"));
        Assert.Null(Wire.Header(call, "Content-Length"));
    }
}
