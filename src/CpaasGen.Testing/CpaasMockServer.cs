using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Testing.Internal;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Cpaas.Testing;

/// <summary>
/// An in-process fake Kandy CPaaS server for your tests, on WireMock.Net. It has a stub for every operation of
/// the API description the SDK is generated from (token, send SMS, notification channels, inbound
/// subscriptions, SMS history), answers with that description's own examples adapted to each request, and
/// remembers what you did: <see cref="SentMessages"/>, <see cref="Subscriptions"/>, the SMS history.
/// By default everything succeeds; switch behaviours with <see cref="SendFailsWithDeliveryImpossible"/> and
/// <see cref="ForbidSender"/>. Point a <see cref="CpaasClient"/> at it with <see cref="ClientOptions"/>.
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
    private const string SendOperationId = "createOutboundSmsMessage";

    private readonly CpaasMockServerOptions _options;
    private readonly KitState _state = new();
    private readonly Stubs _stubs;
    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _disposed;

    private CpaasMockServer(CpaasMockServerOptions options, ApiDescription api)
    {
        _options = options;
        _stubs = new Stubs(api, options, _state); // validates the description against the stubs: throws before any port is opened
        WireMock = WireMockServer.Start(new WireMockServerSettings
        {
            // Loopback only; port 0 lets the OS pick a free one.
            Urls = new[] { "http://127.0.0.1:" + (options.Port ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            StartAdminInterface = false,
        });
        _stubs.Register(WireMock);
    }

    /// <summary>The underlying WireMock server: its request log, or your own extra mappings (give them a priority below 100 to win over the kit's).</summary>
    public WireMockServer WireMock { get; }

    /// <summary>The server's base URL, for example <c>http://127.0.0.1:51234</c> (no trailing slash).</summary>
    public string Url => WireMock.Urls[0].TrimEnd('/');

    /// <summary>The user id of every resource URL (the id_token's <c>preferred_username</c>).</summary>
    public string UserId => _options.UserId;

    /// <summary>The user's default SMS number: what the sender <c>default</c> resolves to.</summary>
    public string DefaultNumber => _options.DefaultNumber;

    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>
    /// The SMS the server accepted, oldest first, read back from the requests WireMock recorded (refused sends,
    /// such as a forbidden sender, are not included).
    /// </summary>
    public IReadOnlyList<SentSms> SentMessages
    {
        get
        {
            var route = _stubs.RouteOf(SendOperationId);
            var result = new List<SentSms>();
            foreach (var entry in LogEntries().Where(e => e.MappingTitle == SendOperationId).OrderBy(e => e.RequestMessage.DateTime))
            {
                if (StatusOf(entry) is < 200 or > 299 || !route.TryMatch(entry.RequestMessage.Url, out var path))
                {
                    continue;
                }

                var sms = ReadSentSms(entry, path["senderAddress"]);
                if (sms is not null)
                {
                    result.Add(sms);
                }
            }

            return result;
        }
    }

    /// <summary>The inbound-SMS subscriptions that exist now (created through the stubs and not deleted or cancelled since).</summary>
    public IReadOnlyList<MockSubscription> Subscriptions
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Subscriptions
                    .Select(s => new MockSubscription(s.Id, s.Destination, s.NotifyUrl, _state.Channels.FirstOrDefault(c => c.Id == s.NotifyUrl)?.WebhookUrl, CorrelatorText(s.ClientCorrelator), s.ResourceUrl))
                    .ToList();
            }
        }
    }

    /// <summary>The notification channels that exist now.</summary>
    public IReadOnlyList<MockNotificationChannel> NotificationChannels
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Channels.Select(c => new MockNotificationChannel(c.Id, c.WebhookUrl, c.Authorization, CorrelatorText(c.ClientCorrelator), c.ResourceUrl)).ToList();
            }
        }
    }

    /// <summary>Starts a server with the default options (a free port, everything succeeds).</summary>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="InvalidOperationException">The API description has an operation without a stub, or without any usable example; the message names the operation.</exception>
    public static CpaasMockServer Start() => Start(new CpaasMockServerOptions());

    /// <summary>Starts a server.</summary>
    /// <param name="options">The settings; copied here.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The API description has an operation without a stub, or without any usable example; the message names the operation.</exception>
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
        => new() { BaseUrl = new Uri(Url), ClientId = _options.ClientId, ClientSecret = _options.ClientSecret, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Client options pointed at this server with its account credentials (password grant).</summary>
    /// <returns>New options; change them freely.</returns>
    public CpaasClientOptions AccountClientOptions()
        => new() { BaseUrl = new Uri(Url), ClientId = _options.ClientId, Email = _options.Email, Password = _options.Password, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The default send behaviour: every destination is <c>DeliveredToNetwork</c> and no sender is forbidden.</summary>
    public void SendDelivers()
    {
        lock (_state.Gate)
        {
            _state.ResetBehaviours();
        }
    }

    /// <summary>Sends to these destinations report <c>DeliveryImpossible</c>; with no argument, sends to every destination do.</summary>
    /// <param name="destinations">The destination addresses, as the client sends them (for example <c>+16131234567</c>).</param>
    public void SendFailsWithDeliveryImpossible(params string[] destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        lock (_state.Gate)
        {
            if (destinations.Length == 0)
            {
                _state.AllDestinationsImpossible = true;
            }

            foreach (var destination in destinations)
            {
                _state.ImpossibleDestinations.Add(destination);
            }
        }
    }

    /// <summary>Sends from this number (or from <c>default</c>, when it is <see cref="DefaultNumber"/>) get 403 with a <c>policyException</c> body.</summary>
    /// <param name="senderAddress">The sender number, or <c>default</c>.</param>
    public void ForbidSender(string senderAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderAddress);
        lock (_state.Gate)
        {
            _state.ForbiddenSenders.Add(senderAddress);
        }
    }

    /// <summary>
    /// An SMS arrives at one of your numbers: it is added to the SMS history (an <c>Inbound</c> message of the thread
    /// between <paramref name="senderAddress"/> and <paramref name="destinationAddress"/>), and the matching inbound
    /// notification is returned for you to <see cref="PostNotificationAsync(Uri, CpaasNotificationPayload, CancellationToken)"/>.
    /// </summary>
    /// <param name="senderAddress">The remote party.</param>
    /// <param name="destinationAddress">Your number.</param>
    /// <param name="message">The text.</param>
    /// <returns>The inbound notification for this message (same message id and time).</returns>
    public CpaasNotificationPayload AddInboundSms(string senderAddress, string destinationAddress, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationAddress);
        ArgumentNullException.ThrowIfNull(message);
        var id = CpaasNotifications.NewMessageId();
        var now = CpaasNotifications.Now();
        lock (_state.Gate)
        {
            _state.Thread(senderAddress, destinationAddress).Messages.Add(new MessageRecord { Id = id, Direction = "Inbound", Text = message, Status = "DeliveredToTerminal", DateTime = now });
        }

        return CpaasNotifications.Inbound(senderAddress, destinationAddress, message, id, now, null, now);
    }

    /// <summary>
    /// Kandy cancels a subscription (as when its number is unassigned): it is removed, and the matching
    /// cancellation notification is returned for you to POST to the webhook.
    /// </summary>
    /// <param name="subscriptionId">The subscription's id.</param>
    /// <returns>The cancellation notification.</returns>
    /// <exception cref="ArgumentException">There is no such subscription.</exception>
    public CpaasNotificationPayload CancelSubscription(string subscriptionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscriptionId);
        lock (_state.Gate)
        {
            if (_state.Subscriptions.RemoveAll(s => s.Id == subscriptionId) == 0)
            {
                throw new ArgumentException("There is no subscription " + subscriptionId + ".", nameof(subscriptionId));
            }
        }

        return CpaasNotifications.SubscriptionCancellation(subscriptionId, _options.UserId);
    }

    /// <summary>
    /// POSTs a notification to a webhook, as Kandy does (<c>Content-Type: application/json</c>; plus the channel's
    /// <c>x-authorization</c> value as <c>Authorization</c> when a channel with that webhook URL set one).
    /// </summary>
    /// <param name="webhookUrl">Your webhook's URL.</param>
    /// <param name="notification">The body, from <see cref="CpaasNotifications"/>.</param>
    /// <param name="cancellationToken">Cancels the POST.</param>
    /// <returns>The status your webhook answered.</returns>
    public async Task<HttpStatusCode> PostNotificationAsync(Uri webhookUrl, CpaasNotificationPayload notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        ArgumentNullException.ThrowIfNull(notification);
        string? authorization;
        lock (_state.Gate)
        {
            authorization = _state.Channels.FirstOrDefault(c => c.Authorization is not null && Uri.TryCreate(c.WebhookUrl, UriKind.Absolute, out var url) && url == webhookUrl)?.Authorization;
        }

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
    /// Back to the state right after Start(): no channels, subscriptions, history or recorded requests, default
    /// behaviours, and only the kit's own mappings. Tokens already issued stay valid.
    /// </summary>
    public void Reset()
    {
        lock (_state.Gate)
        {
            _state.Clear();
        }

        WireMock.ResetMappings();
        WireMock.ResetLogEntries();
        _stubs.Register(WireMock);
    }

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            WireMock.Stop();
            WireMock.Dispose();
            _webhookClient.Dispose();
        }
    }

    private List<ILogEntry> LogEntries()
    {
        // WireMock's log is a collection it appends to from request threads: copy it, retrying if it changed meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return WireMock.LogEntries.ToList();
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
            }
        }
    }

    private static int StatusOf(ILogEntry entry)
        => entry.ResponseMessage?.StatusCode switch
        {
            int code => code,
            HttpStatusCode code => (int)code,
            string text when int.TryParse(text, out var code) => code,
            _ => 0,
        };

    private SentSms? ReadSentSms(ILogEntry entry, string senderSegment)
    {
        var requestJson = entry.RequestMessage.Body
            ?? (entry.RequestMessage.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null);
        if (requestJson is null)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(requestJson)?["outboundSMSMessageRequest"] is not JsonObject request)
            {
                return null;
            }

            var destinations = request["address"] switch
            {
                JsonArray array => array.Select(a => a?.ToString() ?? string.Empty).ToList(),
                JsonNode single => new List<string> { single.ToString() },
                _ => new List<string>(),
            };
            var text = Templates.Text(request["outboundSMSTextMessage"], "message") ?? string.Empty;
            var correlator = CorrelatorText(request["clientCorrelator"]);

            string? sender = null;
            string? messageId = null;
            if (entry.ResponseMessage?.BodyData?.BodyAsString is { } responseJson && JsonNode.Parse(responseJson)?["outboundSMSMessageRequest"] is JsonObject result)
            {
                sender = Templates.Text(result, "senderAddress");
                var resourceUrl = Templates.Text(result, "resourceURL");
                messageId = resourceUrl?[(resourceUrl.LastIndexOf('/') + 1)..];
            }

            sender ??= string.Equals(senderSegment, "default", StringComparison.OrdinalIgnoreCase) ? _options.DefaultNumber : senderSegment;
            var time = DateTime.SpecifyKind(entry.RequestMessage.DateTime, DateTimeKind.Utc);
            return new SentSms(senderSegment, sender, destinations, text, correlator, new DateTimeOffset(time), messageId, requestJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? CorrelatorText(JsonNode? correlator)
        => correlator is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : correlator?.ToJsonString();
}
