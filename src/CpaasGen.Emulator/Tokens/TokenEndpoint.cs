using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Cpaas.Emulator.Tokens;

/// <summary><c>POST /cpaas/auth/v1/token</c>: both grants, Keycloak-like OAuth errors.</summary>
internal sealed partial class TokenEndpoint(TokenService tokens, CpaasEmulatorOptions options, ILogger logger)
{
    public void Map(IEndpointRouteBuilder app) => app.MapPost("/cpaas/auth/v1/token", CreateTokenAsync);

    private async Task CreateTokenAsync(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await OAuthErrorAsync(ctx, 400, "invalid_request", "The request must be an application/x-www-form-urlencoded form").ConfigureAwait(false);
            return;
        }

        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        string? Field(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;

        var grantType = Field("grant_type");
        var clientId = Field("client_id");
        if (grantType is null)
        {
            await OAuthErrorAsync(ctx, 400, "invalid_request", "Missing form parameter: grant_type").ConfigureAwait(false);
            return;
        }

        if (grantType is not ("client_credentials" or "password"))
        {
            await OAuthErrorAsync(ctx, 400, "unsupported_grant_type", "Unsupported grant_type").ConfigureAwait(false);
            return;
        }

        if (clientId is null)
        {
            await OAuthErrorAsync(ctx, 400, "invalid_request", "Missing form parameter: client_id").ConfigureAwait(false);
            return;
        }

        if (!FixedTimeEquals(clientId, options.ClientId))
        {
            Log.TokenRejected(logger, grantType, "unknown client_id");
            await OAuthErrorAsync(ctx, 401, "invalid_client", "Invalid client credentials").ConfigureAwait(false);
            return;
        }

        var passwordGrant = grantType == "password";
        if (passwordGrant)
        {
            var username = Field("username");
            var password = Field("password");
            if (username is null || password is null)
            {
                await OAuthErrorAsync(ctx, 400, "invalid_request", "Missing form parameter: " + (username is null ? "username" : "password")).ConfigureAwait(false);
                return;
            }

            // Keycloak answers a wrong user or password with 401 invalid_grant.
            if (!string.Equals(username, options.Email, StringComparison.OrdinalIgnoreCase) | !FixedTimeEquals(password, options.Password))
            {
                Log.TokenRejected(logger, grantType, "invalid user credentials");
                await OAuthErrorAsync(ctx, 401, "invalid_grant", "Invalid user credentials").ConfigureAwait(false);
                return;
            }
        }
        else if (Field("client_secret") is not { } secret || !FixedTimeEquals(secret, options.ClientSecret))
        {
            Log.TokenRejected(logger, grantType, "invalid client secret");
            await OAuthErrorAsync(ctx, 401, "invalid_client", "Invalid client credentials").ConfigureAwait(false);
            return;
        }

        Log.TokenIssued(logger, grantType, options.UserId);
        ctx.Response.Headers.CacheControl = "no-store";
        ctx.Response.Headers.Pragma = "no-cache";
        await WireBody.WriteAsync(ctx, 200, WireBody.Serialize(tokens.Issue(passwordGrant))).ConfigureAwait(false);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static Task OAuthErrorAsync(HttpContext ctx, int status, string error, string description)
    {
        if (status == 401)
        {
            ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"emulator\"";
        }

        return WireBody.WriteAsync(ctx, status, WireBody.Serialize(new OAuthError { Error = error, ErrorDescription = description }));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Token issued ({GrantType} grant) for user {UserId}")]
        public static partial void TokenIssued(ILogger logger, string grantType, string userId);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Token request rejected ({GrantType} grant): {Reason}")]
        public static partial void TokenRejected(ILogger logger, string grantType, string reason);
    }
}
