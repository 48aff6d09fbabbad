using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>
/// Authenticates a request: waits for the access token (<see cref="TokenProvider"/>: cached, single flight, refreshed at
/// half-life) within the request's deadline, puts the token's user id where the URL asks for the current user
/// (<see cref="CurrentUser.PathValue"/>), sends the bearer token, and after a 401 drops the token, gets a new one and
/// repeats the request once. Not on the token request's own path.
/// </summary>
internal sealed class AuthenticationPolicy : PipelinePolicy
{
    private readonly TokenProvider _tokens;
    private readonly ILogger _logger;

    public AuthenticationPolicy(TokenProvider tokens, ILogger logger)
    {
        _tokens = tokens;
        _logger = logger;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        while (true)
        {
            AccessToken token;
            try
            {
                token = await _tokens.GetTokenAsync(message.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!message.CallerToken.IsCancellationRequested)
            {
                // Still waiting for the token when the deadline came: an authentication failure of kind Transport.
                throw PipelineErrors.Timeout(message, _tokens.Timeout, ex, authentication: true);
            }

            message.ReplacePathValue(CurrentUser.PathValue, token.UserIdPathValue);
            message.SetHeader("Authorization", token.AuthorizationHeader);
            await ProcessNextAsync(message, next).ConfigureAwait(false);
            if (message.StatusCode != 401 || message.TokenRefreshed)
            {
                return;
            }

            Log.Unauthorized(_logger, message.Operation);
            message.TokenRefreshed = true;
            _tokens.Invalidate(token);
        }
    }
}
