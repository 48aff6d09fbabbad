using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cpaas;

/// <summary>
/// The Kandy CPaaS client. Create one and share it: it is immutable and thread-safe. No network call happens in
/// the constructor; the first call gets the access token. Send and receive SMS through <see cref="Conversation"/>, and
/// two-factor codes through <see cref="TwoFactor"/>.
/// </summary>
/// <example>
/// <code>
/// var client = new CpaasClient(new CpaasClientOptions {
///     BaseUrl = new Uri("https://oauth-cpaas.att.com"), ClientId = "PRIV-…", ClientSecret = "…" });
/// var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest {
///     DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "hi :)" });
/// </code>
/// </example>
public class CpaasClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;
    private readonly ClientCore? _core;

    /// <summary>Creates a client with its own <see cref="HttpClient"/> (disposed with the client).</summary>
    /// <param name="options">The settings; copied and validated here.</param>
    /// <exception cref="CpaasOptionsException">The options are invalid; the exception names the option.</exception>
    public CpaasClient(CpaasClientOptions options)
        : this(options, null, null)
    {
    }

    /// <summary>
    /// Creates a client on an injected <see cref="HttpClient"/> (for example from IHttpClientFactory); the client does not
    /// dispose it. Give it a handler with <c>AllowAutoRedirect = false</c> (the default handlers follow redirects): the SDK
    /// refuses every redirect and never lets a request body go to another URL, but a following handler has already sent
    /// the redirected request's headers by then.
    /// </summary>
    /// <param name="options">The settings; copied and validated here.</param>
    /// <param name="httpClient">The HTTP client every call goes through.</param>
    /// <exception cref="CpaasOptionsException">The options are invalid; the exception names the option.</exception>
    public CpaasClient(CpaasClientOptions options, HttpClient httpClient)
        : this(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), null)
    {
    }

    /// <summary>Creates a client on an injected <see cref="HttpClient"/>, logging to <paramref name="loggerFactory"/>.</summary>
    /// <param name="options">The settings; copied and validated here.</param>
    /// <param name="httpClient">The HTTP client every call goes through; null to let the client own one.</param>
    /// <param name="loggerFactory">Where to log (phone numbers masked; no tokens, secrets or message text).</param>
    /// <exception cref="CpaasOptionsException">The options are invalid; the exception names the option.</exception>
    public CpaasClient(CpaasClientOptions options, HttpClient? httpClient, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.Clone();
        copy.Validate();

        if (httpClient is null)
        {
            // Redirects are never followed (RedirectRefusalPolicy refuses them): a redirected token request would carry the
            // client secret, a redirected send the message text, to a host nobody configured.
            _ownedHttpClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // the per-call timeout is CpaasClientOptions.Timeout
            };
        }

        _core = new ClientCore(copy, httpClient ?? _ownedHttpClient!, loggerFactory ?? NullLoggerFactory.Instance);
        Conversation = new Conversation(_core);
        TwoFactor = new TwoFactor(_core);
        Api = _core.Api;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected CpaasClient()
    {
        Conversation = null!;
        TwoFactor = null!;
        Api = null!;
    }

    /// <summary>SMS: send, subscribe to inbound SMS, history.</summary>
    public virtual Conversation Conversation { get; }

    /// <summary>Two-factor authentication codes by SMS or e-mail: send, verify, resend, delete (the official SDKs' <c>twofactor</c>).</summary>
    public virtual TwoFactor TwoFactor { get; }

    /// <summary>
    /// The protocol layer: the client generated from the API description (namespace <c>Cpaas.Api</c>), one method per
    /// operation of the spec with its wire models, on this client's request pipeline (the access token, retries,
    /// <see cref="CpaasClientOptions.Timeout"/>, redirect refusal, <see cref="CpaasClientOptions.MaxResponseBytes"/>,
    /// telemetry, redaction). A field or an operation added to the spec is here on the next build of the SDK, before
    /// <see cref="Conversation"/> and <see cref="TwoFactor"/> know of it. Errors are <see cref="CpaasApiException"/>, as for
    /// the convenience methods. Pass <see cref="CurrentUser"/> where an operation asks for the <c>userId</c>.
    /// Requests are retried by their HTTP method (GET, PUT, DELETE; a POST only when it provably never left): the
    /// convenience methods know better for the PUTs that send a message (resend or verify a two-factor code). See
    /// docs/protocol-layer.md.
    /// </summary>
    /// <example>
    /// <code>
    /// Cpaas.Api.InboundSubscriptionListResponseBody page =
    ///     await client.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CpaasClient.CurrentUser);
    /// </code>
    /// </example>
    public virtual global::Cpaas.Api.KandyApiClient Api { get; }

    /// <summary>
    /// The <c>userId</c> value that stands for the user of this client's access token in a <see cref="Api"/> call: the
    /// pipeline puts the token's user id (the id_token's <c>preferred_username</c>) there, after getting a token if needed.
    /// To know the id itself, call <see cref="GetUserIdAsync"/>.
    /// </summary>
    public const string CurrentUser = global::Cpaas.CurrentUser.PathValue;

    /// <summary>The base URL this client talks to.</summary>
    public Uri? BaseUrl => _core?.Options.BaseUrl;

    /// <summary>The user id (the id_token's <c>preferred_username</c>) that every resource URL contains; gets a token if needed.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The user id.</returns>
    public virtual async Task<string> GetUserIdAsync(CancellationToken cancellationToken = default)
        => await Core.UserIdAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>How many token requests this client has made (for tests; users read the <c>cpaas.client.token_requests</c> metric).</summary>
    internal int TokenRequestCount => _core?.Tokens.RequestCount ?? 0;

    internal ClientCore Core => _core ?? throw new InvalidOperationException("This instance was created for mocking.");

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }
}
