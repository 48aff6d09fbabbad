using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Cpaas.Emulator.Tokens;

/// <summary>A JWT header (not part of the API description: the tokens are opaque to it).</summary>
internal sealed record JwtHeader(
    [property: JsonPropertyName("alg")] string? Alg,
    [property: JsonPropertyName("typ")] string? Typ,
    [property: JsonPropertyName("kid")] string? Kid);

/// <summary>Keycloak-like claims, the payload shape of the sample tokens in the wire reference (null members are omitted).</summary>
internal sealed record JwtClaims
{
    [JsonPropertyName("jti")] public string? Jti { get; init; }
    [JsonPropertyName("exp")] public long? Exp { get; init; }
    [JsonPropertyName("nbf")] public long? Nbf { get; init; }
    [JsonPropertyName("iat")] public long? Iat { get; init; }
    [JsonPropertyName("iss")] public string? Iss { get; init; }
    [JsonPropertyName("aud")] public string? Aud { get; init; }
    [JsonPropertyName("sub")] public string? Sub { get; init; }
    [JsonPropertyName("typ")] public string? Typ { get; init; }
    [JsonPropertyName("azp")] public string? Azp { get; init; }
    [JsonPropertyName("session_state")] public string? SessionState { get; init; }
    [JsonPropertyName("realm_access")] public RealmAccess? RealmAccess { get; init; }
    [JsonPropertyName("scope")] public string? Scope { get; init; }
    [JsonPropertyName("clientId")] public string? ClientId { get; init; }
    [JsonPropertyName("realm")] public string? Realm { get; init; }
    [JsonPropertyName("preferred_username")] public string? PreferredUsername { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
}

internal sealed record RealmAccess([property: JsonPropertyName("roles")] IReadOnlyList<string> Roles);

/// <summary>Source-generated (reflection-free, trim-safe) JSON for the JWT parts.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JwtHeader))]
[JsonSerializable(typeof(JwtClaims))]
internal sealed partial class TokenJson : JsonSerializerContext;
