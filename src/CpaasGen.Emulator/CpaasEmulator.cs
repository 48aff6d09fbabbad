using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Emulator.Admin;
using Cpaas.Emulator.History;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Inbox;
using Cpaas.Emulator.Numbers;
using Cpaas.Emulator.Sending;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Subscriptions;
using Cpaas.Emulator.Tokens;
using Cpaas.Emulator.TwoFactor;
using Cpaas.Emulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cpaas.Emulator;

/// <summary>
/// A stateful local emulator of the Kandy CPaaS SMS API, served over HTTP on 127.0.0.1. It implements every
/// operation of <c>spec/openapi.yaml</c> (token, notification channels, send SMS, inbound subscriptions, SMS
/// history, two-factor codes by SMS or e-mail), delivers webhook notifications with retries, and adds admin operations
/// to simulate an inbound SMS or the unassignment of a number, and to read the codes and e-mails it sent.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions());
/// // point the SDK (or any HTTP client) at emulator.BaseUrl with ClientId "PRIV-emulator" / ClientSecret "emulator-secret"
/// await emulator.SimulateInboundSmsAsync("+16135550123", "+16135550100", "hi back");
/// await emulator.WaitForDeliveriesAsync(TimeSpan.FromSeconds(5));
/// </code>
/// </example>
/// <remarks>
/// Every instance is independent (its own port, state and <see cref="System.Net.Http.HttpClient"/>); the token signing key
/// is derived from the credentials, so tokens stay valid across a restart with the same options. All members are
/// thread-safe.
/// </remarks>
public sealed partial class CpaasEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly WebhookDispatcher _dispatcher;
    private readonly SmsTraffic _traffic;
    private readonly NumberAssignments _numbers;
    private readonly OtherClients _otherClients;
    private readonly ErrorShapeSwitch _errorShape;
    private readonly TwoFactorCodes _codes;
    private readonly TimeSpan _shutdownTimeout;
    private int _disposed;

    private CpaasEmulator(WebApplication app, EmulatorState state, WebhookDispatcher dispatcher, ErrorShapeSwitch errorShape, CpaasEmulatorOptions options)
    {
        _app = app;
        _state = state;
        _dispatcher = dispatcher;
        _errorShape = errorShape;
        _traffic = new SmsTraffic(state);
        _numbers = new NumberAssignments(state);
        _codes = new TwoFactorCodes(state, _traffic);
        _shutdownTimeout = options.ShutdownTimeout;
        Options = options;
        BaseUrl = new Uri("http://127.0.0.1/");
        _otherClients = new OtherClients(state, () => BaseUrl);
    }

    /// <summary>
    /// The base URL of the API, <c>http://127.0.0.1:&lt;port&gt;</c>. As a <see cref="Uri"/> it prints with a trailing
    /// slash; every API path is absolute (<c>/cpaas/…</c>), so <c>new Uri(BaseUrl, "/cpaas/auth/v1/token")</c> and an
    /// <see cref="System.Net.Http.HttpClient.BaseAddress"/> both work.
    /// </summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>The effective options, with <see cref="CpaasEmulatorOptions.Port"/> set to the port actually bound.</summary>
    public CpaasEmulatorOptions Options { get; private set; }

    /// <summary>The numbers currently assigned to the project (the first is the default SMS number).</summary>
    public IReadOnlyList<string> AssignedNumbers
    {
        get
        {
            lock (_state.Gate)
            {
                return _state.Numbers.Snapshot();
            }
        }
    }

    /// <summary>
    /// A snapshot of the webhook delivery attempts so far, oldest first (the newest 10,000 attempts are kept): one entry
    /// per attempt, so a delivery that needed retries appears once per attempt with the same notification id. A delivery
    /// dropped from a full backlog appears once, as Failed with attempt 0. Webhook URLs are masked.
    /// </summary>
    public IReadOnlyList<WebhookDeliveryAttempt> Deliveries => _dispatcher.Snapshot();

    /// <summary>The number of webhook deliveries queued, in flight or waiting for a retry.</summary>
    public int PendingDeliveries => _dispatcher.Pending;

    /// <summary>The number of webhook deliveries dropped because their URL's backlog was full (see <see cref="CpaasEmulatorOptions.WebhookBacklogPerUrl"/>).</summary>
    public long DroppedDeliveries => _dispatcher.Dropped;

    /// <summary>
    /// A snapshot of the two-factor code resources, oldest first (at most 10,000 are kept; the oldest go first): each with
    /// its current code in clear, its expiry, its status and its wrong attempts. Also served by <c>GET /emulator/codes</c>.
    /// An <c>sms</c> code is also in the message history, as the SMS a phone received.
    /// </summary>
    public IReadOnlyList<TwoFactorCodeRecord> TwoFactorCodes => _codes.Snapshot();

    /// <summary>
    /// The e-mails that carried two-factor codes (method <c>email</c>), oldest first; the newest 1,000 are kept. Nothing
    /// is sent anywhere. Also served by <c>GET /emulator/emails</c>.
    /// </summary>
    public IReadOnlyList<EmulatorEmail> SentEmails => _codes.Emails();

    /// <summary>
    /// Raised after every change of a two-factor code resource (sent, resent, verified, a failed verification, locked,
    /// deleted), with the resource as it is right after it. Handlers run on the thread of the API call that caused the
    /// change, after its state change and before its answer: keep them short. A handler that throws is logged and does
    /// not fail the call.
    /// </summary>
    public event EventHandler<TwoFactorCodeEvent>? TwoFactorCodeChanged
    {
        add => _codes.Changed += value;
        remove => _codes.Changed -= value;
    }

    /// <summary>
    /// Starts an emulator on 127.0.0.1 and returns once it accepts requests.
    /// </summary>
    /// <param name="options">The settings; null means all defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator. Dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="CpaasEmulatorOptions"/>).</exception>
    /// <exception cref="IOException">The port could not be bound (for example it is in use).</exception>
    public static async Task<CpaasEmulator> StartAsync(CpaasEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Validate(options ?? new CpaasEmulatorOptions());
        var time = options.TimeProvider ?? TimeProvider.System;
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger("Cpaas.Emulator");

        // The empty builder reads no configuration files or environment variables: nothing outside the options can
        // change what the emulator binds to or how it behaves.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CpaasEmulator).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = WireBody.MaxJsonBody;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton(loggerFactory);
        // No Ctrl+C / SIGTERM handling: the host application (CLI, test) owns the process lifetime.
        builder.Services.AddSingleton<IHostLifetime, NoHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var errorShape = new ErrorShapeSwitch(options.ErrorBodyShape);
        builder.Services.AddSingleton(errorShape);

        var app = builder.Build();
        var inbox = new InboxEvents();
        var dispatcher = new WebhookDispatcher(options, time, loggerFactory.CreateLogger("Cpaas.Emulator.Webhooks"), inbox);
        var state = new EmulatorState(options, time, dispatcher, inbox, loggerFactory);
        var tokens = new TokenService(options, time);
        var emulator = new CpaasEmulator(app, state, dispatcher, errorShape, options);
        var pipeline = new ApiPipeline(tokens, logger);

        app.Use(pipeline.HandleErrorsAsync);
        app.Use(LoopbackGuard.CheckAsync);
        app.Use(ApiPipeline.NormalizePathAsync);
        app.UseRouting();
        new TokenEndpoint(tokens, options, logger).Map(app);
        new ChannelEndpoints(state, pipeline).Map(app);
        new SubscriptionEndpoints(state, pipeline).Map(app);
        new SendEndpoints(state, emulator._traffic, pipeline).Map(app);
        new HistoryEndpoints(state, pipeline).Map(app);
        new TwoFactorEndpoints(emulator._codes, pipeline).Map(app);
        new AdminEndpoints(state, emulator._traffic, emulator._numbers, emulator._codes, dispatcher, errorShape, () => emulator.BaseUrl).Map(app);
        new InboxEndpoints(state, dispatcher).Map(app);
        new ShapeEndpoints(emulator._otherClients, errorShape).Map(app);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await dispatcher.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var port = new Uri(address).Port;
        emulator.BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        emulator.Options = options with { Port = port };
        tokens.Issuer = $"http://127.0.0.1:{port}/auth/realms/emulator";
        LogListening(logger, port, options.UserId);
        return emulator;
    }

    /// <summary>
    /// Simulates an SMS from <paramref name="from"/> arriving at the project number <paramref name="to"/>: stores it in
    /// the history (thread remote = <paramref name="from"/>, local = <paramref name="to"/>, status
    /// DeliveredToTerminal) and queues an <c>inboundSMSMessageNotification</c> to the webhook subscribed to
    /// <paramref name="to"/>, if any. The returned task completes once the message is stored and the notification
    /// queued, not when it is delivered; use <see cref="WaitForDeliveriesAsync"/> for that.
    /// </summary>
    /// <param name="from">The sender: +E.164, tel:+E.164, sip:+E.164@domain or sip:digits@domain.</param>
    /// <param name="to">A number assigned to the project (tel:/sip: forms are normalised to E.164).</param>
    /// <param name="text">The message text; not empty.</param>
    /// <param name="cancellationToken">Cancels the operation before it starts.</param>
    /// <returns>The id of the stored message.</returns>
    /// <exception cref="ArgumentException"><paramref name="from"/> or <paramref name="to"/> is not a valid address, or <paramref name="text"/> is empty.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="to"/> is not assigned to the project.</exception>
    public Task<string> SimulateInboundSmsAsync(string from, string to, string text, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (!PhoneAddress.IsValid(from))
        {
            throw new ArgumentException($"'{from}' is not a valid SMS address (+E.164, tel:+E.164, sip:+E.164@domain or sip:digits@domain).", nameof(from));
        }
        if (!PhoneAddress.IsValid(to))
        {
            throw new ArgumentException($"'{to}' is not a valid SMS address.", nameof(to));
        }
        ArgumentException.ThrowIfNullOrEmpty(text);
        var normalizedTo = PhoneAddress.Normalize(to);
        var received = _traffic.ReceiveInbound(from, normalizedTo, text)
            ?? throw new InvalidOperationException($"{normalizedTo} is not assigned to the project.");
        return Task.FromResult(received.MessageId);
    }

    /// <summary>
    /// The fault switch of the error body shape: the shape every error answer of the API takes from now on (the
    /// ParlayREST <see cref="ErrorBodyShape.RequestError"/> by default, or one of the other shapes official SDKs handle),
    /// so a client's tolerance of them can be tested. Starts as <see cref="CpaasEmulatorOptions.ErrorBodyShape"/>; also
    /// switched with <c>PUT /emulator/error-body-shape</c>. The admin endpoints always answer the ParlayREST shape.
    /// </summary>
    public ErrorBodyShape ErrorBodyShape
    {
        get => _errorShape.Shape;
        set => _errorShape.Shape = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not an ErrorBodyShape.");
    }

    /// <summary>
    /// Simulates another client of the same user subscribing to inbound SMS through its own notification channel: the
    /// vendor's browser SDK with a websocket channel (<c>ws-…</c>, <c>channelType</c> <c>Websockets</c>, <c>channelData.channelURL</c>,
    /// <c>x-connCheckRole</c>, lifetime 3600 s) or a mobile app with a push channel (<c>ps-…</c>, <c>OMAPush</c>). The channel
    /// and the subscription are listed and read by the API beside the webhook ones, as Kandy lists them; a subscription
    /// without <paramref name="destinationAddress"/> is listed without <c>destinationAddress</c>. Nothing is delivered to
    /// these channels (the emulator serves no websocket and pushes to no phone).
    /// </summary>
    /// <param name="kind"><see cref="NotificationChannelKind.WebSocket"/> or <see cref="NotificationChannelKind.Push"/>.</param>
    /// <param name="destinationAddress">The project number subscribed to, or null for a subscription that names none.</param>
    /// <param name="cancellationToken">Cancels the operation before it starts.</param>
    /// <returns>The channel and subscription ids.</returns>
    /// <exception cref="ArgumentException">The kind is not WebSocket or Push, or the number is not a valid address.</exception>
    /// <exception cref="InvalidOperationException">The number is not assigned to the project, or already has a subscription.</exception>
    public Task<OtherClientSubscription> SimulateOtherClientSubscriptionAsync(NotificationChannelKind kind, string? destinationAddress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        if (kind is not (NotificationChannelKind.WebSocket or NotificationChannelKind.Push))
        {
            throw new ArgumentException("Another client's channel is a WebSocket or Push channel; the API creates webhook channels.", nameof(kind));
        }

        if (destinationAddress is not null)
        {
            PhoneAddress.Validate(destinationAddress, nameof(destinationAddress));
        }

        var (created, error) = _otherClients.Subscribe(kind, destinationAddress);
        return created is not null
            ? Task.FromResult(created)
            : throw new InvalidOperationException(error!.MessageId + ": " + PhoneMasking.Mask(ErrorText.Substitute(error.Text, error.Variables)));
    }

    /// <summary>
    /// Unassigns a number from the project: it can no longer send or be subscribed to, its subscriptions are cancelled,
    /// and an <c>smsSubscriptionCancellationNotification</c> is queued to each cancelled subscription's webhook. If it
    /// was the default number, the next assigned number becomes the default. Its history is kept.
    /// </summary>
    /// <param name="number">An assigned number (E.164).</param>
    /// <param name="cancellationToken">Cancels the operation before it starts.</param>
    /// <returns>The ids of the cancelled subscriptions (empty when the number had none).</returns>
    /// <exception cref="InvalidOperationException">The number is not assigned to the project.</exception>
    public Task<IReadOnlyList<string>> UnassignNumberAsync(string number, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(number);
        cancellationToken.ThrowIfCancellationRequested();
        var cancelled = _numbers.Unassign(PhoneAddress.TryNormalize(number, out var normalized) ? normalized : number)
            ?? throw new InvalidOperationException($"{number} is not assigned to the project.");
        return Task.FromResult(cancelled);
    }

    /// <summary>
    /// Waits until no webhook delivery is pending (every queued notification has succeeded or finally failed).
    /// Deliveries are queued before the API call or simulation that caused them returns, so after, for example, a send
    /// answered 201, this waits for its outbound notification.
    /// </summary>
    /// <param name="timeout">The longest time to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when no delivery is pending.</returns>
    /// <exception cref="TimeoutException">Deliveries were still pending after <paramref name="timeout"/>.</exception>
    public Task WaitForDeliveriesAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _dispatcher.WaitForIdleAsync(timeout, cancellationToken);

    /// <summary>
    /// Stops the emulator: stops accepting requests, lets pending webhook deliveries finish for up to
    /// <see cref="CpaasEmulatorOptions.ShutdownTimeout"/>, then cancels the rest (recorded and logged as failed).
    /// </summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _codes.Stop();
            await _dispatcher.StopAsync(_shutdownTimeout).ConfigureAwait(false);
            await _dispatcher.DisposeAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static CpaasEmulatorOptions Validate(CpaasEmulatorOptions o)
    {
        if (o.Port is < 0 or > 65535)
        {
            throw new ArgumentException("Port must be between 0 and 65535.", nameof(o));
        }
        foreach (var (name, value) in new[] { ("ClientId", o.ClientId), ("ClientSecret", o.ClientSecret), ("Email", o.Email), ("Password", o.Password), ("UserId", o.UserId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{name} must not be empty.", nameof(o));
            }
        }
        if (o.UserId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ArgumentException("UserId may contain only ASCII letters, digits, '-', '_' and '.' (it is a URL path segment).", nameof(o));
        }
        ArgumentNullException.ThrowIfNull(o.Numbers, nameof(o.Numbers));
        ArgumentNullException.ThrowIfNull(o.UndeliverableDestinations, nameof(o.UndeliverableDestinations));
        foreach (var n in o.Numbers)
        {
            if (!PhoneAddress.IsE164(n))
            {
                throw new ArgumentException($"Number '{PhoneMasking.Mask(n)}' is not an E.164 number such as +16135550100 (+ and 7 to 15 digits).", nameof(o));
            }
        }
        foreach (var n in o.UndeliverableDestinations)
        {
            if (!PhoneAddress.IsValid(n))
            {
                throw new ArgumentException($"Undeliverable destination '{n}' is not a valid SMS address.", nameof(o));
            }
        }
        if (o.MessageHistoryCap < 1)
        {
            throw new ArgumentException("MessageHistoryCap must be at least 1.", nameof(o));
        }
        if (o.TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("TokenLifetime must be positive.", nameof(o));
        }
        if (o.WebhookBacklogPerUrl < 1)
        {
            throw new ArgumentException("WebhookBacklogPerUrl must be at least 1.", nameof(o));
        }
        if (o.TwoFactorMaxAttempts < 1)
        {
            throw new ArgumentException("TwoFactorMaxAttempts must be at least 1.", nameof(o));
        }
        if (o.WebhookRetries < 0)
        {
            throw new ArgumentException("WebhookRetries must not be negative.", nameof(o));
        }
        if (o.WebhookRetryDelay < TimeSpan.Zero || o.WebhookTimeout <= TimeSpan.Zero || o.ShutdownTimeout < TimeSpan.Zero)
        {
            throw new ArgumentException("WebhookRetryDelay and ShutdownTimeout must not be negative; WebhookTimeout must be positive.", nameof(o));
        }
        // A private copy: later changes to the caller's lists do not reach the running emulator.
        return o with { Numbers = [.. o.Numbers.Distinct(StringComparer.Ordinal)], UndeliverableDestinations = [.. o.UndeliverableDestinations] };
    }

    /// <summary>The host lifetime of an embedded emulator: no console signal handling, no lifetime messages.</summary>
    private sealed class NoHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
