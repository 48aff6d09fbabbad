using System;
using System.Buffers.Text;
using System.Text;

namespace CpaasGen.Tests.Shared;

/// <summary>JWTs shaped like Kandy's (Keycloak) tokens; unsigned, as the SDK does not verify signatures.</summary>
internal static class TestJwt
{
    public const string UserId = "e33c51d7-6585-4aee-88ae-005dfae1fd3b";

    public static string Create(string type, DateTimeOffset issuedAt, TimeSpan lifetime, string userId = UserId)
    {
        var header = Encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        var payload = Encode(
            "{\"jti\":\"" + Guid.NewGuid() + "\",\"exp\":" + (issuedAt + lifetime).ToUnixTimeSeconds() + ",\"nbf\":0,\"iat\":" + issuedAt.ToUnixTimeSeconds()
            + ",\"iss\":\"https://nvs-cpaas-oauth.kandy.io/auth/realms/att\",\"typ\":\"" + type + "\",\"preferred_username\":\"" + userId + "\"}");
        return header + "." + payload + "." + Encode("signature-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>A token response body with an access token and an id token.</summary>
    public static string TokenResponse(DateTimeOffset issuedAt, TimeSpan lifetime, string userId = UserId)
        => Response(issuedAt, lifetime, userId).Body;

    /// <summary>A token response body, and the two tokens in it.</summary>
    public static (string Body, string AccessToken, string IdToken) Response(DateTimeOffset? issuedAt = null, TimeSpan? lifetime = null, string userId = UserId)
    {
        var at = issuedAt ?? DateTimeOffset.UtcNow;
        var life = lifetime ?? TimeSpan.FromHours(8);
        var access = Create("Bearer", at, life, userId);
        var id = Create("ID", at, life, userId);
        return ("{\"access_token\":\"" + access + "\",\"id_token\":\"" + id + "\"}", access, id);
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
