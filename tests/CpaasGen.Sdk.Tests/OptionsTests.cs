using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>CpaasClientOptions: validation names the option; the client copies the options.</summary>
public sealed class OptionsTests : IClassFixture<KandyServer>
{
    private readonly KandyServer _kandy;

    public OptionsTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    public static TheoryData<string, Action<CpaasClientOptions>> InvalidOptions => new()
    {
        { "BaseUrl", o => o.BaseUrl = null },
        { "BaseUrl", o => o.BaseUrl = new Uri("/cpaas", UriKind.Relative) },
        { "BaseUrl", o => o.BaseUrl = new Uri("ftp://oauth-cpaas.att.com") },
        { "BaseUrl", o => o.BaseUrl = new Uri("https://oauth-cpaas.att.com/?x=1") },
        { "ClientId", o => o.ClientId = null },
        { "ClientId", o => o.ClientId = string.Empty },
        { "ClientId", o => o.ClientId = "   " },
        { "ClientSecret", o => o.ClientSecret = null },
        { "ClientSecret", o => { o.ClientSecret = null; o.Email = "dev@example.com"; } },
        { "ClientSecret", o => { o.ClientSecret = null; o.Password = "pw"; } },
        { "Timeout", o => o.Timeout = TimeSpan.Zero },
        { "MaxResponseBytes", o => o.MaxResponseBytes = 10 },
        { "TimeProvider", o => o.TimeProvider = null! },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionsThrowAnArgumentExceptionNamingTheOption(string option, Action<CpaasClientOptions> breakIt)
    {
        var options = _kandy.Options(breakIt);

        var error = Assert.Throws<ArgumentException>(() => new CpaasClient(options, new HttpClient()));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains(option, options.Validate(), StringComparison.Ordinal);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Fact]
    public void MissingCredentialsNameBothAlternatives()
    {
        var error = Assert.Throws<ArgumentException>(() => new CpaasClient(_kandy.Options(o => o.ClientSecret = null)));

        Assert.Contains("ClientSecret", error.Message);
        Assert.Contains("Email", error.Message);
        Assert.Contains("Password", error.Message);
    }

    [Fact]
    public void NullOptionsOrHttpClientAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new CpaasClient(null!));
        Assert.Throws<ArgumentNullException>(() => new CpaasClient(_kandy.Options(), null!));
    }

    [Fact]
    public void ValidOptionsValidate()
    {
        Assert.Null(_kandy.Options().Validate());
        Assert.Null(_kandy.Options(o => { o.ClientSecret = null; o.Email = "dev@example.com"; o.Password = "pw"; }).Validate());
        Assert.Null(_kandy.Options(o => o.Timeout = System.Threading.Timeout.InfiniteTimeSpan).Validate());
    }

    [Fact]
    public async Task TheClientCopiesItsOptions()
    {
        _kandy.Stub("POST", KandyServer.UserBase + "/outbound/+16137001234/requests", 201, Fixture.Read("send-response.json"));
        var options = _kandy.Options();
        using var client = new CpaasClient(options, new HttpClient());

        options.BaseUrl = new Uri("http://127.0.0.1:9");
        options.ClientId = "changed-client";
        options.ClientSecret = "changed-secret";
        options.ClientCorrelator = "changed-correlator";
        options.Timeout = TimeSpan.FromTicks(1);
        await client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234"));

        Assert.Equal(new Uri(_kandy.Url), client.BaseUrl);
        var form = Wire.Form(Assert.Single(_kandy.TokenCalls).RequestMessage.Body);
        Assert.Contains(new KeyValuePair<string, string>("client_id", KandyServer.ClientId), form);
        Assert.Contains(new KeyValuePair<string, string>("client_secret", KandyServer.ClientSecret), form);
        using var body = JsonDocument.Parse(Assert.Single(_kandy.ApiCalls).RequestMessage.Body!);
        Assert.Equal(KandyServer.ClientId + "-csharp", body.RootElement.GetProperty("outboundSMSMessageRequest").GetProperty("clientCorrelator").GetString());
    }

    [Fact]
    public async Task ABaseUrlWithAPathPrefixIsKept()
    {
        _kandy.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/gateway" + KandyServer.TokenPath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8))));
        _kandy.Stub("GET", "/gateway" + KandyServer.UserBase + "/inbound/subscriptions", 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client(o => o.BaseUrl = new Uri(_kandy.Url + "/gateway/"));

        var list = await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, list.Count);
        Assert.Equal(new[] { "/gateway" + KandyServer.TokenPath, "/gateway" + KandyServer.UserBase + "/inbound/subscriptions" }, _kandy.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(KandyServer.PathOf));
    }
}
