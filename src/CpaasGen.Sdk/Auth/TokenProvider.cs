using System;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>
/// Gets and caches the access token. One token request at a time however many calls wait for it (single
/// flight); refreshed once half its lifetime has passed; dropped on a 401 so the next call fetches a new one.
/// A caller's cancellation stops its own wait, never the shared request.
/// </summary>
internal sealed class TokenProvider
{
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromMinutes(10);

    private readonly AuthenticationClient _auth;
    private readonly CpaasClientOptions _options;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private AccessToken? _current;
    private Task<AccessToken>? _pending;
    private int _requests;

    public TokenProvider(AuthenticationClient auth, CpaasClientOptions options, ILogger logger)
    {
        _auth = auth;
        _options = options;
        _logger = logger;
    }

    /// <summary>How many token requests were sent (for tests, benchmarks and metrics).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && !current.NeedsRefresh(_options.TimeProvider.GetUtcNow()))
        {
            return new ValueTask<AccessToken>(current);
        }

        return new ValueTask<AccessToken>(GetSlowAsync(cancellationToken));
    }

    /// <summary>True when a token is cached and needs no refresh: a call will not wait for the token endpoint.</summary>
    public bool HasFreshToken => Volatile.Read(ref _current) is { } current && !current.NeedsRefresh(_options.TimeProvider.GetUtcNow());

    /// <summary>Forgets <paramref name="rejected"/> (after a 401) unless a newer token already replaced it.</summary>
    public void Invalidate(AccessToken rejected)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, rejected))
            {
                _current = null;
            }
        }
    }

    private async Task<AccessToken> GetSlowAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // a cancelled caller starts no token request

        Task<AccessToken> pending;
        TaskCompletionSource<AccessToken>? owner = null;
        lock (_gate)
        {
            if (_current is { } current && !current.NeedsRefresh(_options.TimeProvider.GetUtcNow()))
            {
                return current;
            }

            if (_pending is null)
            {
                owner = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending = owner.Task;
            }

            pending = _pending;
        }

        if (owner is not null)
        {
            _ = FetchAsync(owner);
        }

        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FetchAsync(TaskCompletionSource<AccessToken> owner)
    {
        // Shared by every waiting caller: it gets its own full timeout, not what is left of the first caller's.
        CallScope.Leave();
        try
        {
            var token = await RequestTokenAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _current = token;
                _pending = null;
            }

            owner.SetResult(token);
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _pending = null;
            }

            owner.SetException(ex);

            // Every waiter may have given up (cancelled) before the request failed; reading Exception marks the
            // shared task observed so no UnobservedTaskException fires. Waiters still get the exception.
            _ = owner.Task.Exception;
        }
    }

    private async Task<AccessToken> RequestTokenAsync()
    {
        Interlocked.Increment(ref _requests);
        CpaasTelemetry.TokenRefreshes.Add(1);
        var grant = _options.UsesClientSecret ? GrantType.ClientCredentials : GrantType.Password;
        Log.TokenRequested(_logger, grant.Value);
        var request = _options.UsesClientSecret
            ? new TokenRequest { GrantType = grant, ClientId = _options.ClientId!, ClientSecret = _options.ClientSecret, Scope = "openid" }
            : new TokenRequest { GrantType = grant, ClientId = _options.ClientId!, Username = _options.Email, Password = _options.Password, Scope = "openid" };

        TokenResponse response;
        try
        {
            // The shared request is bounded by the per-call timeout, not by any one caller's token.
            response = await _auth.CreateTokenAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (CpaasAuthenticationException)
        {
            throw;
        }
        catch (CpaasApiException ex)
        {
            throw new CpaasAuthenticationException(ex.StatusCode, ex.Kind, ex.ExceptionId, ex.Text, ex.ResponseSnippet, ex);
        }

        var receivedAt = _options.TimeProvider.GetUtcNow();
        if (!JwtClaims.TryRead(response.IdToken, out var idClaims) || string.IsNullOrEmpty(idClaims.PreferredUsername))
        {
            throw new CpaasAuthenticationException(200, CpaasErrorKind.Unknown, null, "The token response has no id_token with a preferred_username claim, so the user id is unknown.");
        }

        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new CpaasAuthenticationException(200, CpaasErrorKind.Unknown, null, "The token response has no access_token.");
        }

        JwtClaims.TryRead(response.AccessToken, out var accessClaims);
        TimeSpan lifetime;
        DateTimeOffset? expiresAt = null;
        if (accessClaims.ExpiresAt is { } exp && accessClaims.IssuedAt is { } iat && exp > iat)
        {
            // Measured from when we received it, so a skewed server clock does not cause a refresh loop.
            lifetime = TimeSpan.FromSeconds(exp - iat);
            expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        }
        else if (response.ExpiresIn is > 0 and var seconds)
        {
            lifetime = TimeSpan.FromSeconds(seconds);
        }
        else
        {
            lifetime = FallbackLifetime;
        }

        var token = new AccessToken(response.AccessToken, idClaims.PreferredUsername!, receivedAt, receivedAt + TimeSpan.FromTicks(lifetime.Ticks / 2), expiresAt);
        Log.TokenReceived(_logger, token.UserId, token.RefreshAt);
        return token;
    }
}
