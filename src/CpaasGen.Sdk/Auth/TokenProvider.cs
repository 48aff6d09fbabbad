using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// Gets and caches the access token. One token request at a time however many calls wait for it (single
/// flight); refreshed once half its lifetime (<see cref="TokenLifetime"/>) has passed; dropped on a 401 so the next call
/// fetches a new one. A caller's cancellation stops its own wait, never the shared request, which has the full
/// <see cref="CpaasClientOptions.Timeout"/> of its own. Every token it receives is given to the client's <see cref="Redactor"/>.
/// </summary>
internal sealed class TokenProvider
{
    private readonly TokenEndpoint _endpoint;
    private readonly CpaasClientOptions _options;
    private readonly Redactor _redactor;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private AccessToken? _current;
    private Task<AccessToken>? _pending;
    private int _requests;

    public TokenProvider(TokenEndpoint endpoint, CpaasClientOptions options, Redactor redactor, ILogger logger)
    {
        _endpoint = endpoint;
        _options = options;
        _redactor = redactor;
        _logger = logger;
    }

    /// <summary>The per-call timeout, for the error of a call that ran out of it while waiting here.</summary>
    public TimeSpan Timeout => _options.Timeout;

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
        // Shared by every waiting caller: the token pipeline gives it its own full timeout, not what is left of the first caller's.
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

        // The shared request is bounded by its own pipeline's deadline, not by any one caller's token.
        var reply = await _endpoint.RequestAsync(request, CancellationToken.None).ConfigureAwait(false);
        var response = reply.Response;
        var receivedAt = _options.TimeProvider.GetUtcNow();
        _redactor.AddTokens(response.AccessToken, response.IdToken, response.RefreshToken);
        if (!JwtClaims.TryRead(response.IdToken, out var idClaims) || string.IsNullOrEmpty(idClaims.PreferredUsername))
        {
            throw new CpaasAuthenticationException(200, CpaasErrorKind.Unknown, null, "The token response has no id_token with a preferred_username claim, so the user id is unknown.");
        }

        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new CpaasAuthenticationException(200, CpaasErrorKind.Unknown, null, "The token response has no access_token.");
        }

        if (idClaims.PreferredUsername is "." or "..")
        {
            throw new CpaasAuthenticationException(200, CpaasErrorKind.Unknown, null, "The id_token's preferred_username is not a usable user id.");
        }

        JwtClaims.TryRead(response.AccessToken, out var accessClaims);
        var lifetime = TokenLifetime.From(accessClaims.IssuedAt, accessClaims.ExpiresAt, reply.ExpiresIn);
        if (lifetime.Adjustment is { } adjustment)
        {
            Log.TokenLifetimeAdjusted(_logger, adjustment, lifetime.Value.TotalSeconds);
        }

        var token = new AccessToken(response.AccessToken, idClaims.PreferredUsername!, receivedAt, receivedAt + (lifetime.Value / 2), receivedAt + lifetime.Value);
        Log.TokenReceived(_logger, token.UserId, token.RefreshAt);
        return token;
    }
}
