using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>What the feature areas of a <see cref="CpaasClient"/> share: the generated API client, the token provider and the settings.</summary>
internal sealed class ClientCore
{
    public ClientCore(CpaasClientOptions options, HttpClient http, ILoggerFactory loggerFactory)
    {
        Options = options;
        Logger = loggerFactory.CreateLogger("Cpaas.CpaasClient");
        var authAdapter = new CpaasRequestAdapter(http, options, tokens: null, Logger, authentication: true);
        Tokens = new TokenProvider(new KandyApiClient(authAdapter).Authentication, options, Logger);
        Api = new KandyApiClient(new CpaasRequestAdapter(http, options, Tokens, Logger));
        ClientCorrelator = string.IsNullOrEmpty(options.ClientCorrelator) ? options.ClientId + "-csharp" : options.ClientCorrelator!;
    }

    public CpaasClientOptions Options { get; }

    public ILogger Logger { get; }

    public TokenProvider Tokens { get; }

    public KandyApiClient Api { get; }

    public string ClientCorrelator { get; }

    /// <summary>
    /// Starts the clock of a call that makes one request: only needed when it will wait for a token first (the
    /// request itself starts its own clock), so the common case costs nothing.
    /// </summary>
    public CallScope? BeginSingleRequestCall() => Tokens.HasFreshToken ? null : CallScope.BeginIfNone();

    /// <summary>The user id, waiting for a token if needed — within what is left of the call's timeout.</summary>
    public async ValueTask<string> UserIdAsync(CancellationToken cancellationToken)
    {
        var pending = Tokens.GetTokenAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return pending.Result.UserId;
        }

        var remaining = CallScope.Remaining(Options.Timeout);
        try
        {
            var token = remaining == System.Threading.Timeout.InfiniteTimeSpan
                ? await pending.ConfigureAwait(false)
                : await pending.AsTask().WaitAsync(remaining, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            return token.UserId;
        }
        catch (TimeoutException ex)
        {
            // Still waiting for the access token: an authentication failure of kind Transport.
            throw CpaasRequestAdapter.TimeoutError(Options, authentication: true, ex);
        }
    }
}
