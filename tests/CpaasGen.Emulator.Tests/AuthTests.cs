using System;
using System.Net;
using System.Linq;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task No_token_is_401_with_a_request_error()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = new ApiClient(emulator);

        var response = await api.GetAsync($"{api.Sms}/inbound/subscriptions");

        var exception = response.AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002");
        Assert.Equal("missing bearer token", (string?)exception["variables"]![0]);
        Assert.StartsWith("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("payload")]
    [InlineData("garbage")]
    public async Task A_tampered_token_is_401(string what)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var token = api.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var parts = token.Split('.');
        var tampered = what switch
        {
            "signature" => $"{parts[0]}.{parts[1]}.{Flip(parts[2])}",
            // Same signature, different claims (another user).
            "payload" => $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
                System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace("emulator-user", "emulator-usex")))}.{parts[2]}",
            _ => "not-a-jwt",
        };

        var response = await api.SendAsync(System.Net.Http.HttpMethod.Get, $"{api.Sms}/inbound/subscriptions", bearer: tampered);

        response.AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002");
    }

    private static string Flip(string s) => (s[0] == 'A' ? 'B' : 'A') + s[1..];

    [Fact]
    public async Task A_token_of_an_emulator_with_other_credentials_and_an_id_token_are_401()
    {
        // Tokens are signed with a key derived from the credentials (they survive a restart, issue 11): a token of an
        // emulator with other credentials is foreign.
        await using var emulator = await CpaasEmulator.StartAsync();
        await using var other = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { ClientSecret = "another-secret" });
        using var api = new ApiClient(emulator);
        using var otherApi = await ApiClient.ConnectAsync(other);
        var token = await api.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "PRIV-emulator", ["client_secret"] = "emulator-secret", ["scope"] = "openid",
        });

        var foreign = await api.SendAsync(System.Net.Http.HttpMethod.Get, $"{api.Sms}/remoteAddresses",
            bearer: otherApi.Http.DefaultRequestHeaders.Authorization!.Parameter);
        var idToken = await api.SendAsync(System.Net.Http.HttpMethod.Get, $"{api.Sms}/remoteAddresses", bearer: (string)token.Json["id_token"]!);

        Assert.Equal("invalid token signature",
            (string?)foreign.AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002")["variables"]![0]);
        Assert.Equal("not an access token",
            (string?)idToken.AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002")["variables"]![0]);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var clock = new ManualClock();
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(1), TimeProvider = clock });
        using var api = await ApiClient.ConnectAsync(emulator);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{api.Sms}/remoteAddresses")).Status);

        clock.Advance(TimeSpan.FromSeconds(2));
        var response = await api.GetAsync($"{api.Sms}/remoteAddresses");

        var exception = response.AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002");
        Assert.Equal("token expired", (string?)exception["variables"]![0]);
    }

    [Fact]
    public async Task Another_users_path_is_403()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var response = await api.GetAsync("/cpaas/smsmessaging/v1/someone-else/remoteAddresses");

        var exception = response.AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1003");
        Assert.Equal(["emulator-user", "someone-else"], exception["variables"]!.AsArray().Select(v => (string)v!));
    }
}
