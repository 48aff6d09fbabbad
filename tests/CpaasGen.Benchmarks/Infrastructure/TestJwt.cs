using System;
using System.Buffers.Text;
using System.Text;

namespace CpaasGen.Benchmarks.Infrastructure;

/// <summary>
/// JWTs shaped like Kandy's (Keycloak) tokens, unsigned (the SDK does not verify signatures). Same logic as
/// tests/CpaasGen.Sdk.Tests/Infrastructure/TestJwt.cs; the benchmarks use a long lifetime so the token is fetched once.
/// </summary>
internal static class TestJwt
{
    public const string UserId = "e33c51d7-6585-4aee-88ae-005dfae1fd3b";

    public static string Create(string type, DateTimeOffset issuedAt, TimeSpan lifetime, string userId = UserId)
    {
        var header = Encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        var payload = Encode(
            "{\"jti\":\"" + Guid.NewGuid() + "\",\"exp\":" + (issuedAt + lifetime).ToUnixTimeSeconds() + ",\"nbf\":0,\"iat\":" + issuedAt.ToUnixTimeSeconds()
            + ",\"iss\":\"https://nvs-cpaas-oauth.kandy.io/auth/realms/att\",\"typ\":\"" + type + "\",\"preferred_username\":\"" + userId + "\"}");
        return header + "." + payload + "." + Encode("signature");
    }

    public static string TokenResponse(DateTimeOffset issuedAt, TimeSpan lifetime, string userId = UserId)
        => "{\"access_token\":\"" + Create("Bearer", issuedAt, lifetime, userId) + "\",\"id_token\":\"" + Create("ID", issuedAt, lifetime, userId) + "\"}";

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
