using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// What the feature areas of a <see cref="CpaasClient"/> share: the generated API client on the SDK's request adapter
/// and <see cref="RequestPipeline"/>, the token provider (with the token request's own pipeline), the redactor and the
/// settings. Built the same way whichever constructor or DI registration made the client.
/// </summary>
internal sealed class ClientCore
{
    public ClientCore(CpaasClientOptions options, HttpClient http, ILoggerFactory loggerFactory)
    {
        Options = options;
        Logger = loggerFactory.CreateLogger("Cpaas.CpaasClient");
        Redactor = new Redactor(options);
        TokenAdapter = new CpaasRequestAdapter(RequestPipeline.ForTokenEndpoint(options, http, Redactor, Logger), options);
        Tokens = new TokenProvider(new TokenEndpoint(TokenAdapter), options, Redactor, Logger);
        var pipeline = RequestPipeline.ForApi(options, http, Tokens, Redactor, Logger);
        Api = new KandyApiClient(new CpaasRequestAdapter(pipeline, options));
        NonIdempotentApi = new KandyApiClient(new CpaasRequestAdapter(pipeline, options, notIdempotent: true));
        ClientCorrelator = string.IsNullOrEmpty(options.ClientCorrelator) ? options.ClientId + "-csharp" : options.ClientCorrelator!;
    }

    public CpaasClientOptions Options { get; }

    public ILogger Logger { get; }

    public Redactor Redactor { get; }

    public TokenProvider Tokens { get; }

    /// <summary>The adapter of the token request's own pipeline.</summary>
    public CpaasRequestAdapter TokenAdapter { get; }

    public KandyApiClient Api { get; }

    /// <summary>
    /// The same generated API client on the same pipeline, for the calls whose method says "idempotent" but whose effect
    /// is not (a PUT that sends a message or spends a verification): each of its requests is treated like a POST,
    /// never repeated once it may have reached the API. The facade picks it, because it knows what an operation does.
    /// </summary>
    public KandyApiClient NonIdempotentApi { get; }

    public string ClientCorrelator { get; }

    /// <summary>The user id, waiting for a token if needed, within <see cref="CpaasClientOptions.Timeout"/>.</summary>
    public async Task<string> UserIdAsync(CancellationToken cancellationToken)
    {
        var pending = Tokens.GetTokenAsync(cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return pending.Result.UserId;
        }

        try
        {
            var token = Options.Timeout == Timeout.InfiniteTimeSpan
                ? await pending.ConfigureAwait(false)
                : await pending.AsTask().WaitAsync(Options.Timeout, Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            return token.UserId;
        }
        catch (TimeoutException ex)
        {
            // Still waiting for the access token: an authentication failure of kind Transport.
            var text = "The call did not complete within " + Options.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s (CpaasClientOptions.Timeout).";
            throw new CpaasAuthenticationException(0, CpaasErrorKind.Transport, null, text, null, new TimeoutException(text, ex));
        }
    }

    /// <summary>
    /// A deadline over a call that makes several requests (each request also has its own): its token cancels the
    /// requests when <see cref="CpaasClientOptions.Timeout"/> has passed since the call began.
    /// </summary>
    public CallDeadline StartCall(CancellationToken cancellationToken) => new(Options.Timeout, cancellationToken);

    /// <summary>
    /// Runs a call that makes several requests under one <see cref="CpaasClientOptions.Timeout"/>: the caller's
    /// cancellation stays an <see cref="OperationCanceledException"/>, the deadline becomes the typed timeout error.
    /// </summary>
    public async Task<TResult> WithCallDeadlineAsync<TArg, TResult>(TArg arg, Func<TArg, CancellationToken, Task<TResult>> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var call = StartCall(cancellationToken);
        try
        {
            return await body(arg, call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (call.Expired(ex))
        {
            throw call.TimeoutError(ex);
        }
    }

    /// <summary>Rethrows a send's failure without its message text, whatever the server echoed (the SDK knows which field is the SMS).</summary>
    public CpaasApiException WithoutMessageText(CpaasApiException error, string? message)
        => error.Redacted(text => Redactor.Redact(text, message));
}

/// <summary>The deadline of a call that makes several requests; see <see cref="ClientCore.StartCall"/>.</summary>
internal sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _timeout;

    public CallDeadline(TimeSpan timeout, CancellationToken caller)
    {
        _caller = caller;
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _deadline = CancellationTokenSource.CreateLinkedTokenSource(caller);
            _deadline.CancelAfter(timeout);
        }
    }

    /// <summary>The token to pass to every request of the call.</summary>
    public CancellationToken Token => _deadline?.Token ?? _caller;

    /// <summary>True when <paramref name="error"/> comes from this deadline, not from the caller.</summary>
    public bool Expired(Exception error) => error is OperationCanceledException && _deadline is { IsCancellationRequested: true } && !_caller.IsCancellationRequested;

    /// <summary>The error for a call that ran out of its deadline.</summary>
    public CpaasApiException TimeoutError(Exception inner)
    {
        var text = "The call did not complete within " + _timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s (CpaasClientOptions.Timeout).";
        return new CpaasApiException(0, CpaasErrorKind.Transport, null, text, null, null, null, new TimeoutException(text, inner)) { MayHaveBeenProcessed = true };
    }

    public void Dispose() => _deadline?.Dispose();
}
