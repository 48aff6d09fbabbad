using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Testing.Internal;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Cpaas.Testing;

/// <summary>
/// An in-process fake Kandy CPaaS server for your tests, on WireMock.Net: a stub for every operation of the API
/// description the SDK is generated from (token, send SMS, notification channels, inbound subscriptions, SMS history,
/// two-factor codes), answering that description's own examples adapted to each request. It keeps no state of its own:
/// what your code sent is read back from WireMock's request log (<see cref="SentMessages"/>, <see cref="CreatedSubscriptions"/>,
/// <see cref="CreatedNotificationChannels"/>, <see cref="SentCodes"/>, <see cref="CodeVerifications"/>), and failures are
/// switches you turn on (<see cref="ForbidSender"/>, <see cref="SendFailsWithDeliveryImpossible"/>,
/// <see cref="VerifySucceedsOnlyFor"/>, <see cref="VerifyFails"/>, <see cref="RespondWithError"/>, <see cref="Delay"/>,
/// <see cref="DropConnection"/>). For a Kandy that remembers (a history that follows your sends, subscriptions that
/// are gone once deleted, webhooks it calls itself), use the emulator (CpaasGen.Emulator).
/// </summary>
/// <example>
/// <code>
/// using var server = CpaasMockServer.Start();
/// using var client = new CpaasClient(server.ClientOptions());
/// var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest {
///     DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "hi" });
/// // sent.SenderAddress == server.DefaultNumber; server.SentMessages[0].Text == "hi"
/// </code>
/// </example>
public sealed class CpaasMockServer : IDisposable
{
    /// <summary>The priority of the fault mappings: below the kit's own (lower wins), above yours at the default.</summary>
    private const int FaultPriority = 50;

    private readonly CpaasMockServerOptions _options;
    private readonly FaultSwitches _switches = new();
    private readonly Stubs _stubs;
    private readonly RequestLog _log;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly WireMockServer _wireMock;
    private int _disposed;

    private CpaasMockServer(CpaasMockServerOptions options, ApiDescription api)
    {
        _options = options;
        _stubs = new Stubs(api, options, _switches); // validates the description against the stubs: throws before any port is opened
        _wireMock = WireMockServer.Start(new WireMockServerSettings
        {
            // Loopback only; port 0 lets the OS pick a free one.
            Urls = new[] { "http://127.0.0.1:" + (options.Port ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            StartAdminInterface = false,
        });
        _log = new RequestLog(_wireMock, _stubs, options);
        _stubs.Register(_wireMock);
        BaseUrl = new Uri(_wireMock.Urls[0], UriKind.Absolute);
    }

    /// <summary>
    /// Escape hatch, outside the kit's compatibility promise: the WireMock.Net server underneath, for what the kit does
    /// not model (your own extra mappings — give them a priority below 50 to win over the kit's stubs and faults — or
    /// WireMock's raw request log). Code that uses it depends on WireMock.Net's own API, which changes with WireMock's
    /// versions, not the kit's; everything else on this type does not.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public WireMockServer WireMockServer => _wireMock;

    /// <summary>The server's base URL, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The user id of every resource URL (the id_token's <c>preferred_username</c>).</summary>
    public string UserId => _options.UserId;

    /// <summary>The user's default SMS number: what the sender <c>default</c> resolves to.</summary>
    public string DefaultNumber => _options.DefaultNumber;

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>
    /// The SMS the server accepted, oldest first, read back from the requests WireMock recorded (refused sends, such as a
    /// forbidden sender, are not included).
    /// </summary>
    public IReadOnlyList<SentSms> SentMessages => _log.SentMessages();

    /// <summary>The inbound-SMS subscriptions the server created, oldest first, read back from the recorded requests (deleting one does not remove it here).</summary>
    public IReadOnlyList<MockSubscription> CreatedSubscriptions => _log.Subscriptions();

    /// <summary>The notification channels the server created, oldest first, read back from the recorded requests.</summary>
    public IReadOnlyList<MockNotificationChannel> CreatedNotificationChannels => _log.Channels();

    /// <summary>The two-factor code sends and resends the server accepted, oldest first, read back from the recorded requests.</summary>
    public IReadOnlyList<SentCode> SentCodes => _log.SentCodes();

    /// <summary>The two-factor verifications the server answered (204 verified, 403 not), oldest first, read back from the recorded requests.</summary>
    public IReadOnlyList<CodeVerification> CodeVerifications => _log.Verifications();

    /// <summary>Starts a server with the default options (a free port, everything succeeds).</summary>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="InvalidOperationException">The API description has an operation without a stub, or without an example for its answer; the message names the operation.</exception>
    public static CpaasMockServer Start() => Start(new CpaasMockServerOptions());

    /// <summary>Starts a server.</summary>
    /// <param name="options">The settings; copied here.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The API description has an operation without a stub, or without an example for its answer; the message names the operation.</exception>
    public static CpaasMockServer Start(CpaasMockServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Start(options, ApiDescription.Embedded);
    }

    internal static CpaasMockServer Start(CpaasMockServerOptions options, ApiDescription api)
    {
        var copy = options.Clone();
        var problem = copy.Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        return new CpaasMockServer(copy, api);
    }

    /// <summary>Client options pointed at this server with its project credentials (client_credentials grant).</summary>
    /// <returns>New options; change them freely.</returns>
    public CpaasClientOptions ClientOptions()
        => new() { BaseUrl = BaseUrl, ClientId = _options.ClientId, ClientSecret = _options.ClientSecret, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Client options pointed at this server with its account credentials (password grant).</summary>
    /// <returns>New options; change them freely.</returns>
    public CpaasClientOptions AccountClientOptions()
        => new() { BaseUrl = BaseUrl, ClientId = _options.ClientId, Email = _options.Email, Password = _options.Password, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The default send behaviour: every destination is <c>DeliveredToNetwork</c> and no sender is forbidden.</summary>
    public void SendDelivers() => _switches.ResetSend();

    /// <summary>The default verify behaviour: every two-factor code verifies (204). The stubs generate no code, so they cannot tell a right one.</summary>
    public void VerifySucceeds() => _switches.VerifyAll();

    /// <summary>
    /// Only <paramref name="code"/> verifies (204; compared ignoring case and surrounding whitespace), whatever the code id;
    /// any other code gets the spec's "not verified" answer (403).
    /// </summary>
    /// <param name="code">The code your test's user "received".</param>
    public void VerifySucceedsOnlyFor(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _switches.VerifyOnly(code);
    }

    /// <summary>Every two-factor code gets the spec's "not verified" answer (403): wrong, expired or used up.</summary>
    public void VerifyFails() => _switches.VerifyNone();

    /// <summary>Sends to these destinations report <c>DeliveryImpossible</c>; with no argument, sends to every destination do.</summary>
    /// <param name="destinations">The destination addresses, as the client sends them (for example <c>+16131234567</c>).</param>
    public void SendFailsWithDeliveryImpossible(params string[] destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        if (destinations.Length == 0)
        {
            _switches.AllImpossible();
        }

        _switches.Impossible(destinations);
    }

    /// <summary>Sends from this number (or from <c>default</c>, when it is <see cref="DefaultNumber"/>) get 403 with a <c>policyException</c> body.</summary>
    /// <param name="senderAddress">The sender number, or <c>default</c>.</param>
    public void ForbidSender(string senderAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderAddress);
        _switches.Forbid(senderAddress);
    }

    /// <summary>
    /// Every call of an operation is answered with <paramref name="statusCode"/> and the spec's error body for it: a
    /// <c>requestError</c> (<c>policyException</c> for 403, <c>serviceException</c> otherwise; 429 adds <c>Retry-After: 1</c>),
    /// or an OAuth error for a 4xx of <c>createToken</c>; or, with <paramref name="shape"/>, one of the other error shapes
    /// the spec describes, which official SDKs handle (a flattened <c>requestError</c>, the exception at the top level, a
    /// plain <c>{"message": …}</c>). Until <see cref="ClearFaults"/> or <see cref="Reset"/>.
    /// </summary>
    /// <param name="operationId">The operation, by its operationId in the spec (for example <c>createOutboundSmsMessage</c>).</param>
    /// <param name="statusCode">The HTTP status, 400 to 599 (for example <see cref="HttpStatusCode.Unauthorized"/>, <see cref="HttpStatusCode.TooManyRequests"/>, <see cref="HttpStatusCode.ServiceUnavailable"/>).</param>
    /// <param name="messageId">The error id; a fitting one (for example <c>SVC1002</c> for 401) when null.</param>
    /// <param name="text">The error text, with placeholders <c>%1…%n</c>; a fitting one when null.</param>
    /// <param name="shape">The body's shape; the ParlayREST <see cref="ErrorBodyShape.RequestError"/> by default.</param>
    /// <param name="variables">The values of the text's placeholders; fitting ones when none are given.</param>
    /// <exception cref="ArgumentException">The operation is not in the spec, the status is not an error status, or the shape is not defined.</exception>
    public void RespondWithError(string operationId, HttpStatusCode statusCode, string? messageId = null, string? text = null, ErrorBodyShape shape = ErrorBodyShape.RequestError, params string[] variables)
    {
        var status = (int)statusCode;
        if (status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Not an error status (400 to 599).");
        }

        ArgumentNullException.ThrowIfNull(variables);
        if (!Enum.IsDefined(shape))
        {
            throw new ArgumentException("Not an ErrorBodyShape: " + shape + ".", nameof(shape));
        }

        string[] copy = [.. variables];
        AddFault(operationId, "error " + status + (shape == ErrorBodyShape.RequestError ? string.Empty : " " + shape), Response.Create().WithCallback(_ => _stubs.FaultResponse(operationId, status, messageId, text, shape, copy)));
    }

    /// <summary>Every call of an operation is answered as usual, after <paramref name="delay"/> (to test timeouts and cancellation).</summary>
    /// <param name="operationId">The operation, by its operationId in the spec.</param>
    /// <param name="delay">How long to wait before answering.</param>
    /// <exception cref="ArgumentException">The operation is not in the spec.</exception>
    public void Delay(string operationId, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        AddFault(operationId, "delay " + delay, Response.Create().WithCallback(request => _stubs.Answer(operationId, request)).WithDelay(delay));
    }

    /// <summary>Every call of an operation gets no HTTP answer: the connection is closed (to test transport failures).</summary>
    /// <param name="operationId">The operation, by its operationId in the spec.</param>
    /// <exception cref="ArgumentException">The operation is not in the spec.</exception>
    public void DropConnection(string operationId)
        => AddFault(operationId, "dropped connection", Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

    /// <summary>Removes every fault added with <see cref="RespondWithError"/>, <see cref="Delay"/> and <see cref="DropConnection"/>.</summary>
    public void ClearFaults()
    {
        foreach (var mapping in _wireMock.Mappings.Where(m => m.Priority == FaultPriority && (m.Title ?? string.Empty).StartsWith("fault: ", StringComparison.Ordinal)).ToList())
        {
            _wireMock.DeleteMapping(mapping.Guid);
        }
    }

    /// <summary>
    /// POSTs a notification to a webhook, as Kandy does (<c>Content-Type: application/json</c>; plus the channel's
    /// <c>x-authorization</c> value as <c>Authorization</c> when a channel created with that webhook URL set one).
    /// </summary>
    /// <param name="webhookUrl">Your webhook's URL.</param>
    /// <param name="notification">The body, from <see cref="CpaasNotifications"/>.</param>
    /// <param name="cancellationToken">Cancels the POST.</param>
    /// <returns>The status your webhook answered.</returns>
    public async Task<HttpStatusCode> PostNotificationAsync(Uri webhookUrl, CpaasNotificationPayload notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentNullException.ThrowIfNull(notification);
        var authorization = CreatedNotificationChannels
            .LastOrDefault(c => c.Authorization is not null && Uri.TryCreate(c.WebhookUrl, UriKind.Absolute, out var url) && url == webhookUrl)?.Authorization;
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl)
        {
            Content = new StringContent(notification.Json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _webhookClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>POSTs a notification to a webhook; see <see cref="PostNotificationAsync(Uri, CpaasNotificationPayload, CancellationToken)"/>.</summary>
    /// <param name="webhookUrl">Your webhook's absolute URL.</param>
    /// <param name="notification">The body, from <see cref="CpaasNotifications"/>.</param>
    /// <param name="cancellationToken">Cancels the POST.</param>
    /// <returns>The status your webhook answered.</returns>
    public Task<HttpStatusCode> PostNotificationAsync(string webhookUrl, CpaasNotificationPayload notification, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(webhookUrl);
        return PostNotificationAsync(new Uri(webhookUrl, UriKind.Absolute), notification, cancellationToken);
    }

    /// <summary>
    /// Back to the state right after Start(): no recorded requests, no faults, default send behaviour, and only the
    /// kit's own mappings. Tokens already issued stay valid.
    /// </summary>
    public void Reset()
    {
        _switches.Reset();
        _wireMock.ResetMappings();
        _wireMock.ResetLogEntries();
        _stubs.Register(_wireMock);
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _wireMock.Stop();
            _wireMock.Dispose();
            _webhookClient.Dispose();
        }
    }

    private void AddFault(string operationId, string what, IResponseBuilder response)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationId);
        var (operation, route, _) = _stubs.Find(operationId);
        _wireMock.Given(Request.Create().WithUrl(url => route.IsMatch(url)).UsingMethod(operation.Method))
            .AtPriority(FaultPriority)
            .WithTitle("fault: " + operationId + " (" + what + ")")
            .RespondWith(response);
    }
}
