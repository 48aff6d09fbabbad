using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

public sealed class TokenTests : IAsyncLifetime
{
    private CpaasEmulator _emulator = null!;
    private ApiClient _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await CpaasEmulator.StartAsync();
        _api = new ApiClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _emulator.DisposeAsync();
    }

    internal static JsonObject Claims(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.DoesNotContain('=', p));
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        Assert.Equal("HS256", (string?)header["alg"]);
        Assert.Equal("JWT", (string?)header["typ"]);
        Assert.Equal(32, Base64Url.DecodeFromChars(parts[2]).Length);
        return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
    }

    [Fact]
    public async Task Client_credentials_grant_issues_signed_access_and_id_tokens()
    {
        var response = await _api.TokenAsync(new()
        {
            ["client_id"] = "PRIV-emulator",
            ["client_secret"] = "emulator-secret",
            ["grant_type"] = "client_credentials",
            ["scope"] = "openid",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.ContentType);
        var body = response.Json;
        Assert.Equal("bearer", (string?)body["token_type"]);
        Assert.Equal(28800, (int)body["expires_in"]!);

        var access = Claims((string)body["access_token"]!);
        Assert.Equal("Bearer", (string?)access["typ"]);
        Assert.Equal("emulator-user", (string?)access["preferred_username"]);
        Assert.Equal(28800, (long)access["exp"]! - (long)access["iat"]!);
        Assert.InRange((long)access["iat"]!, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60);
        Assert.Equal($"http://127.0.0.1:{_emulator.Options.Port}/auth/realms/emulator", (string?)access["iss"]);
        Assert.Equal("PRIV-emulator", (string?)access["azp"]);

        var id = Claims((string)body["id_token"]!);
        Assert.Equal("ID", (string?)id["typ"]);
        Assert.Equal("emulator-user", (string?)id["preferred_username"]);
    }

    [Fact]
    public async Task Password_grant_issues_tokens_for_the_account()
    {
        var response = await _api.TokenAsync(new()
        {
            ["client_id"] = "PRIV-emulator",
            ["username"] = "demo@example.com",
            ["password"] = "emulator-password",
            ["grant_type"] = "password",
            ["scope"] = "openid",
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("emulator-user", (string?)Claims((string)response.Json["id_token"]!)["preferred_username"]);
        Assert.Equal("Bearer", (string?)Claims((string)response.Json["access_token"]!)["typ"]);
    }

    public static TheoryData<Dictionary<string, string>, HttpStatusCode, string> Rejections => new()
    {
        { new() { ["grant_type"] = "client_credentials", ["client_id"] = "PRIV-emulator", ["client_secret"] = "wrong", ["scope"] = "openid" }, HttpStatusCode.Unauthorized, "invalid_client" },
        { new() { ["grant_type"] = "client_credentials", ["client_id"] = "PRIV-other", ["client_secret"] = "emulator-secret", ["scope"] = "openid" }, HttpStatusCode.Unauthorized, "invalid_client" },
        { new() { ["grant_type"] = "client_credentials", ["client_id"] = "PRIV-emulator", ["scope"] = "openid" }, HttpStatusCode.Unauthorized, "invalid_client" },
        { new() { ["grant_type"] = "password", ["client_id"] = "PRIV-emulator", ["username"] = "demo@example.com", ["password"] = "wrong", ["scope"] = "openid" }, HttpStatusCode.Unauthorized, "invalid_grant" },
        { new() { ["grant_type"] = "password", ["client_id"] = "PRIV-emulator", ["username"] = "someone@example.com", ["password"] = "emulator-password", ["scope"] = "openid" }, HttpStatusCode.Unauthorized, "invalid_grant" },
        { new() { ["grant_type"] = "password", ["client_id"] = "PRIV-nope", ["username"] = "demo@example.com", ["password"] = "emulator-password", ["scope"] = "openid" }, HttpStatusCode.Unauthorized, "invalid_client" },
        { new() { ["grant_type"] = "refresh_token", ["client_id"] = "PRIV-emulator", ["refresh_token"] = "x" }, HttpStatusCode.BadRequest, "unsupported_grant_type" },
        { new() { ["client_id"] = "PRIV-emulator", ["client_secret"] = "emulator-secret" }, HttpStatusCode.BadRequest, "invalid_request" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Wrong_credentials_get_an_oauth_error(Dictionary<string, string> form, HttpStatusCode status, string error)
    {
        var response = await _api.TokenAsync(form);

        Assert.Equal(status, response.Status);
        JsonAssertions.AssertKeys(response.Json, "error", "error_description");
        Assert.Equal(error, (string?)response.Json["error"]);
    }

    [Fact]
    public async Task A_json_token_request_is_an_invalid_request()
    {
        var response = await _api.SendAsync(System.Net.Http.HttpMethod.Post, "/cpaas/auth/v1/token", "{\"grant_type\":\"client_credentials\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", (string?)response.Json["error"]);
    }
}
