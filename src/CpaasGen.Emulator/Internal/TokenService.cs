using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Cpaas.Emulator.Internal;

/// <summary>
/// Issues and verifies the emulator's JWTs: HS256, signed with a random key that belongs to one emulator instance,
/// with Keycloak-like claims (the payload shape of the sample tokens in the wire reference).
/// </summary>
internal sealed class TokenService
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly string _keyId = "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly string _subject = Guid.NewGuid().ToString();
    private readonly CpaasEmulatorOptions _options;
    private readonly TimeProvider _time;

    public TokenService(CpaasEmulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>The token issuer (set once the base URL is known).</summary>
    public string Issuer { get; set; } = "http://127.0.0.1/auth/realms/emulator";

    public long LifetimeSeconds => Math.Max(1, (long)Math.Ceiling(_options.TokenLifetime.TotalSeconds));

    /// <summary>Builds the token endpoint's success body.</summary>
    public byte[] IssueTokenResponse(bool passwordGrant)
    {
        var iat = _time.GetUtcNow().ToUnixTimeSeconds();
        var exp = iat + LifetimeSeconds;
        var session = passwordGrant ? Guid.NewGuid().ToString() : null;
        var access = Sign(w => WriteClaims(w, "Bearer", iat, exp, session, passwordGrant));
        var id = Sign(w => WriteClaims(w, "ID", iat, exp, session, passwordGrant));
        return Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", access);
            w.WriteNumber("expires_in", LifetimeSeconds);
            w.WriteNumber("refresh_expires_in", 0);
            w.WriteString("token_type", "bearer");
            w.WriteString("id_token", id);
            w.WriteNumber("not-before-policy", 0);
            w.WriteStringIfPresent("session_state", session);
            w.WriteString("scope", "openid profile email");
            w.WriteEndObject();
        });
    }

    private void WriteClaims(Utf8JsonWriter w, string typ, long iat, long exp, string? session, bool passwordGrant)
    {
        w.WriteStartObject();
        w.WriteString("jti", Guid.NewGuid().ToString());
        w.WriteNumber("exp", exp);
        w.WriteNumber("nbf", 0);
        w.WriteNumber("iat", iat);
        w.WriteString("iss", Issuer);
        w.WriteString("aud", _options.ClientId);
        w.WriteString("sub", _subject);
        w.WriteString("typ", typ);
        w.WriteString("azp", _options.ClientId);
        w.WriteStringIfPresent("session_state", session);
        if (typ == "Bearer")
        {
            w.WriteStartObject("realm_access");
            w.WriteStartArray("roles");
            w.WriteStringValue("auth");
            w.WriteStringValue("notificationchannel");
            w.WriteStringValue("smsmessaging");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("scope", "openid profile email");
        }
        if (!passwordGrant)
        {
            w.WriteString("clientId", _options.ClientId);
        }
        w.WriteString("realm", "emulator");
        w.WriteString("preferred_username", _options.UserId);
        w.WriteString("email", _options.Email);
        w.WriteEndObject();
    }

    private string Sign(Action<Utf8JsonWriter> writePayload)
    {
        var header = Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("alg", "HS256");
            w.WriteString("typ", "JWT");
            w.WriteString("kid", _keyId);
            w.WriteEndObject();
        });
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(Json.Build(writePayload));
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Checks an <c>Authorization</c> header value: a bearer access token issued by this emulator, correctly
    /// signed and not expired. On success returns the token's user (preferred_username).
    /// </summary>
    public bool TryValidate(string? authorization, out string user, out string failure)
    {
        user = "";
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            failure = "missing bearer token";
            return false;
        }
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            failure = "the Authorization header is not a bearer token";
            return false;
        }
        var token = authorization[scheme.Length..].Trim();
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            failure = "malformed token";
            return false;
        }

        byte[] signature;
        byte[] headerBytes;
        byte[] payloadBytes;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            headerBytes = Base64Url.DecodeFromChars(parts[0]);
            payloadBytes = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            failure = "malformed token";
            return false;
        }

        var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            failure = "invalid token signature";
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(headerBytes);
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
            {
                failure = "unsupported token algorithm";
                return false;
            }

            using var payload = JsonDocument.Parse(payloadBytes);
            var claims = payload.RootElement;
            if (!claims.TryGetProperty("typ", out var typ) || typ.ValueKind != JsonValueKind.String || typ.GetString() != "Bearer")
            {
                failure = "not an access token";
                return false;
            }
            if (!claims.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds))
            {
                failure = "malformed token";
                return false;
            }
            if (_time.GetUtcNow().ToUnixTimeSeconds() >= expSeconds)
            {
                failure = "token expired";
                return false;
            }
            if (!claims.TryGetProperty("preferred_username", out var name) || name.ValueKind != JsonValueKind.String)
            {
                failure = "malformed token";
                return false;
            }
            user = name.GetString()!;
            failure = "";
            return true;
        }
        catch (JsonException)
        {
            failure = "malformed token";
            return false;
        }
    }
}
