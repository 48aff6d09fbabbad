using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>The token endpoint stub (both grants) and the tokens it mints.</summary>
internal sealed partial class Stubs
{
    // ---- token -------------------------------------------------------------------------------------------------

    private Reply CreateToken(Call call)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in call.BodyText().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            form.TryAdd(Route.FormDecode(equals >= 0 ? pair[..equals] : pair), equals >= 0 ? Route.FormDecode(pair[(equals + 1)..]) : string.Empty);
        }

        form.TryGetValue("grant_type", out var grant);
        form.TryGetValue("client_id", out var clientId);
        if (grant is not ("client_credentials" or "password"))
        {
            return OAuthError(400, "unsupported_grant_type", "Unsupported grant_type");
        }

        var clientOk = string.Equals(clientId, _options.ClientId, StringComparison.Ordinal);
        if (grant == "client_credentials")
        {
            form.TryGetValue("client_secret", out var secret);
            if (!clientOk || !string.Equals(secret, _options.ClientSecret, StringComparison.Ordinal))
            {
                return OAuthError(401, null, null); // the description's example: invalid_client
            }
        }
        else
        {
            form.TryGetValue("username", out var username);
            form.TryGetValue("password", out var password);
            if (!clientOk)
            {
                return OAuthError(401, null, null);
            }

            if (!string.Equals(username, _options.Email, StringComparison.OrdinalIgnoreCase) || !string.Equals(password, _options.Password, StringComparison.Ordinal))
            {
                return OAuthError(401, "invalid_grant", "Invalid user credentials");
            }
        }

        var body = (JsonObject)call.Example();
        body["access_token"] = _tokens.Mint(Templates.Text(body, "access_token"), "Bearer");
        body["id_token"] = _tokens.Mint(Templates.Text(body, "id_token"), "ID");
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply OAuthError(int status, string? error, string? description)
    {
        var body = (JsonObject)_api.Operation("createToken").ErrorExample!.DeepClone();
        if (error is not null)
        {
            body["error"] = error;
            Templates.Set(body, "error_description", description);
        }

        return new Reply(status, body);
    }
}

/// <summary>
/// The kit's tokens: the example's JWT payload plus the claims the SDK reads (<c>preferred_username</c>, <c>iat</c>,
/// <c>exp</c>), HMAC-signed with a key of this server, so a bearer token is checked by its signature and expiry alone
/// (nothing is remembered; tokens survive <see cref="CpaasMockServer.Reset"/>).
/// </summary>
internal sealed class TokenSigner(CpaasMockServerOptions options)
{
    private static readonly string Header = Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);

    private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public string Mint(string? exampleJwt, string type)
    {
        var parts = exampleJwt?.Split('.');
        JsonObject payload;
        try
        {
            payload = parts is { Length: 3 } && JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) is JsonObject decoded ? decoded : new JsonObject();
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            payload = new JsonObject();
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        payload["jti"] = Guid.NewGuid().ToString();
        payload["iat"] = now;
        payload["exp"] = now + (long)options.TokenLifetime.TotalSeconds;
        payload["typ"] ??= type;
        payload["azp"] = options.ClientId;
        payload["preferred_username"] = options.UserId;
        var input = Header + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(WireJson.Serialize(payload)));
        return input + "." + Base64Url.EncodeToString(System.Security.Cryptography.HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>A bearer token this server issued: its signature checks out and it has not expired.</summary>
    public bool IsValid(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var expected = System.Security.Cryptography.HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
            {
                return false;
            }

            return JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) is JsonObject claims
                && Templates.Text(claims, "typ") == "Bearer"
                && claims["exp"] is JsonValue exp && exp.TryGetValue<long>(out var seconds)
                && DateTimeOffset.UtcNow.ToUnixTimeSeconds() < seconds;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return false;
        }
    }
}
