using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>The token call (both grants), the user id, half-life refresh, single flight, and no I/O in the constructor.</summary>
public sealed class AuthTests : IClassFixture<KandyServer>
{
    private const string SubscriptionsPath = KandyServer.UserBase + "/inbound/subscriptions";

    private readonly KandyServer _kandy;

    public AuthTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
    }

    private void StubApi(string userBase = KandyServer.UserBase)
    {
        _kandy.Stub("GET", userBase + "/inbound/subscriptions", 200, Fixture.Read("subscription-list.json"));
        _kandy.Stub("POST", userBase + "/outbound/+16137001234/requests", 201, Fixture.Read("send-response.json"));
    }

    private static void AssertTokenCall(WireMock.Logging.ILogEntry call)
    {
        Assert.Equal("POST", call.RequestMessage.Method);
        Assert.Equal(KandyServer.TokenPath, KandyServer.PathOf(call));
        Assert.Equal(string.Empty, KandyServer.QueryOf(call));
        Assert.StartsWith("application/x-www-form-urlencoded", Wire.Header(call, "Content-Type"));
        Assert.Null(Wire.Header(call, "Authorization"));
    }

    [Fact]
    public async Task ProjectCredentialsUseTheClientCredentialsGrant()
    {
        _kandy.StubToken();
        StubApi();
        using var client = _kandy.Client();

        await client.Conversation.GetSubscriptionsAsync();

        var call = Assert.Single(_kandy.TokenCalls);
        AssertTokenCall(call);
        var form = Wire.Form(call.RequestMessage.Body).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["client_id"] = KandyServer.ClientId,
                ["client_secret"] = KandyServer.ClientSecret,
                ["grant_type"] = "client_credentials",
                ["scope"] = "openid",
            }.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            form);
    }

    [Theory]
    [InlineData("dev+sms@example.com", "p@ss w+rd&=%")]
    [InlineData("jane.doe@example.org", "plain")]
    public async Task AccountCredentialsUseThePasswordGrant(string email, string password)
    {
        _kandy.StubToken();
        StubApi();
        using var client = _kandy.Client(o =>
        {
            o.ClientSecret = null;
            o.Email = email;
            o.Password = password;
        });

        await client.Conversation.GetSubscriptionsAsync();

        var call = Assert.Single(_kandy.TokenCalls);
        AssertTokenCall(call);
        var form = Wire.Form(call.RequestMessage.Body).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["client_id"] = KandyServer.ClientId,
                ["grant_type"] = "password",
                ["password"] = password,
                ["scope"] = "openid",
                ["username"] = email,
            }.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            form);
    }

    [Fact]
    public void BothCredentialKindsTogetherAreRejectedBeforeAnyTokenRequest()
    {
        // Issue 15: "the secret wins when both are set" hid a configuration mistake; now neither is used.
        _kandy.StubToken();
        StubApi();

        var error = Assert.Throws<CpaasOptionsException>(() => _kandy.Client(o =>
        {
            o.Email = "dev@example.com";
            o.Password = "pw";
        }));

        Assert.Contains("ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Email", error.Message, StringComparison.Ordinal);
        Assert.Empty(_kandy.TokenCalls);
    }

    [Fact]
    public async Task TheUserIdIsThePreferredUsernameOfTheIdToken()
    {
        const string userId = "Ra1TiieQr6Tezj2e";
        _kandy.StubToken(userId: userId);
        StubApi("/cpaas/smsmessaging/v1/" + userId);
        using var client = _kandy.Client();

        Assert.Equal(userId, await client.GetUserIdAsync());
        await client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234"));

        Assert.Equal("/cpaas/smsmessaging/v1/" + userId + "/outbound/+16137001234/requests", KandyServer.PathOf(Assert.Single(_kandy.ApiCalls)));
        Assert.Single(_kandy.TokenCalls);
    }

    [Fact]
    public async Task TheTokenIsRefreshedOnceHalfItsLifetimeHasPassed()
    {
        var start = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new ManualTimeProvider(start);
        _kandy.StubToken(lifetime: TimeSpan.FromHours(2), issuedAt: start);
        StubApi();
        using var client = _kandy.Client(o => o.TimeProvider = clock);

        await client.Conversation.GetSubscriptionsAsync();
        Assert.Single(_kandy.TokenCalls);

        clock.Advance(TimeSpan.FromMinutes(59));
        await client.Conversation.GetSubscriptionsAsync();
        Assert.Single(_kandy.TokenCalls);

        clock.Advance(TimeSpan.FromMinutes(2)); // +61 min
        await client.Conversation.GetSubscriptionsAsync();
        Assert.Equal(2, _kandy.TokenCalls.Count);
        Assert.Equal(3, _kandy.ApiCalls.Count);
        Assert.Equal(2, client.TokenRequestCount);
    }

    [Fact]
    public void TheConstructorMakesNoNetworkCall()
    {
        _kandy.StubToken();
        using var client = _kandy.Client();

        Assert.Empty(_kandy.Server.LogEntries);
        Assert.Equal(0, client.TokenRequestCount);
        Assert.Equal(new Uri(_kandy.Url), client.BaseUrl);
    }

    [Fact]
    public async Task FiftyConcurrentSendsShareOneTokenRequest()
    {
        _kandy.StubToken(delay: TimeSpan.FromMilliseconds(200));
        StubApi();
        using var client = _kandy.Client();

        var sends = Enumerable.Range(0, 50).Select(_ => Task.Run(() => client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234")))).ToArray();
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.Equal("+16137001234", r.SenderAddress));
        Assert.Single(_kandy.TokenCalls);
        Assert.Equal(50, _kandy.ApiCalls.Count);
        Assert.Equal(1, client.TokenRequestCount);
    }

    [Fact]
    public async Task ACancelledWaiterDoesNotCancelTheSharedTokenRequest()
    {
        var tokenArrived = _kandy.StubDelayed("POST", KandyServer.TokenPath, TimeSpan.FromMilliseconds(500), 200, TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8)));
        StubApi();
        using var client = _kandy.Client();
        using var cancel = new CancellationTokenSource();

        var cancelled = client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234"), cancel.Token); // starts the token request
        var other = client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234"));
        await tokenArrived.WaitAsync(TimeSpan.FromSeconds(5)); // the shared token request is in flight
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var sent = await other;

        Assert.Equal("+16137001234", sent.SenderAddress);
        Assert.Single(_kandy.TokenCalls);
        Assert.Single(_kandy.ApiCalls);
    }

    [Fact]
    public void OptionsToStringNeverShowsTheSecretOrThePassword()
    {
        var project = _kandy.Options();
        var account = _kandy.Options(o =>
        {
            o.ClientSecret = null;
            o.Email = "dev@example.com";
            o.Password = "hunter2-password";
        });

        Assert.DoesNotContain(KandyServer.ClientSecret, project.ToString());
        Assert.DoesNotContain("hunter2-password", account.ToString());
        Assert.Contains(KandyServer.ClientId, project.ToString());
    }
}
