using System;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cpaas.Emulator.Wire;

namespace Cpaas.Emulator.Tokens;

/// <summary>
/// Issues and verifies the emulator's JWTs: HS256 with Keycloak-like claims. The signing key is derived from the
/// configured credentials and user id (HMAC-SHA256 under a fixed label), so tokens survive a restart of an emulator
/// with the same settings (real clients refresh only at half-life, hours later) and die with a change of credentials.
/// The key is never stored or shown; whoever knows the credentials can get a token from the emulator anyway.
/// </summary>
internal sealed class TokenService
{
    public const string MissingToken = "missing bearer token";

    private static readonly byte[] KeyLabel = "CpaasGen.Emulator token signing key v1"u8.ToArray();
    private static readonly string[] Roles = ["auth", "notificationchannel", "smsmessaging"];

    private readonly byte[] _key;
    private readonly string _keyId;
    private readonly string _subject;
    private readonly CpaasEmulatorOptions _options;
    private readonly TimeProvider _time;

    public TokenService(CpaasEmulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _key = DeriveKey(options);
        var id = SHA256.HashData(_key);
        _keyId = "emulator-" + Convert.ToHexStringLower(id.AsSpan(0, 4));
        _subject = new Guid(id.AsSpan(16, 16)).ToString();
    }

    /// <summary>The token issuer (set once the base URL is known).</summary>
    public string Issuer { get; set; } = "http://127.0.0.1/auth/realms/emulator";

    public long LifetimeSeconds => Math.Max(1, (long)Math.Ceiling(_options.TokenLifetime.TotalSeconds));

    /// <summary>The token endpoint's success body.</summary>
    public TokenResponse Issue(bool passwordGrant)
    {
        var iat = _time.GetUtcNow().ToUnixTimeSeconds();
        var exp = iat + LifetimeSeconds;
        var session = passwordGrant ? Guid.NewGuid().ToString() : null;
        return new TokenResponse
        {
            AccessToken = Sign(Claims("Bearer", iat, exp, session, passwordGrant)),
            IdToken = Sign(Claims("ID", iat, exp, session, passwordGrant)),
            ExpiresIn = (int)Math.Min(int.MaxValue, LifetimeSeconds),
            RefreshExpiresIn = 0,
            TokenType = "bearer",
            NotBeforePolicy = 0,
            SessionState = session,
            Scope = "openid profile email",
        };
    }

    /// <summary>
    /// Checks an <c>Authorization</c> header value: a bearer access token signed with this key and not expired. On
    /// success returns the token's user (preferred_username).
    /// </summary>
    public bool TryValidate(string? authorization, out string user, out string failure)
    {
        user = "";
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            failure = MissingToken;
            return false;
        }

        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            failure = "the Authorization header is not a bearer token";
            return false;
        }

        var parts = authorization[scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            failure = "malformed token";
            return false;
        }

        try
        {
            var signature = Base64Url.DecodeFromChars(parts[2]);
            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, signature))
            {
                failure = "invalid token signature";
                return false;
            }

            var header = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[0]), TokenJson.Default.JwtHeader);
            if (header?.Alg != "HS256")
            {
                failure = "unsupported token algorithm";
                return false;
            }

            var claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), TokenJson.Default.JwtClaims);
            if (claims?.Typ != "Bearer")
            {
                failure = "not an access token";
                return false;
            }

            if (claims.Exp is not { } exp || claims.PreferredUsername is not { } name)
            {
                failure = "malformed token";
                return false;
            }

            if (_time.GetUtcNow().ToUnixTimeSeconds() >= exp)
            {
                failure = "token expired";
                return false;
            }

            user = name;
            failure = "";
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            failure = "malformed token";
            return false;
        }
    }

    private static byte[] DeriveKey(CpaasEmulatorOptions o)
    {
        // Length-prefixed fields, so that no two different settings give the same input.
        var input = new StringBuilder();
        foreach (var field in new[] { o.ClientId, o.ClientSecret, o.Email, o.Password, o.UserId })
        {
            input.Append(field.Length).Append(':').Append(field).Append(';');
        }

        return HMACSHA256.HashData(KeyLabel, Encoding.UTF8.GetBytes(input.ToString()));
    }

    private JwtClaims Claims(string typ, long iat, long exp, string? session, bool passwordGrant) => new()
    {
        Jti = Guid.NewGuid().ToString(),
        Exp = exp,
        Nbf = 0,
        Iat = iat,
        Iss = Issuer,
        Aud = _options.ClientId,
        Sub = _subject,
        Typ = typ,
        Azp = _options.ClientId,
        SessionState = session,
        RealmAccess = typ == "Bearer" ? new RealmAccess(Roles) : null,
        Scope = typ == "Bearer" ? "openid profile email" : null,
        ClientId = passwordGrant ? null : _options.ClientId,
        Realm = "emulator",
        PreferredUsername = _options.UserId,
        Email = _options.Email,
    };

    private string Sign(JwtClaims claims)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new JwtHeader("HS256", "JWT", _keyId), TokenJson.Default.JwtHeader);
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims, TokenJson.Default.JwtClaims);
        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
