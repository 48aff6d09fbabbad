using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator;

/// <summary>
/// Settings of a <see cref="CpaasEmulator"/>. Every member is optional; the defaults give a ready-to-use emulator
/// with one set of project credentials, one set of account credentials and two project numbers.
/// </summary>
/// <remarks>
/// The options are immutable once constructed (init-only members). <see cref="CpaasEmulator.Options"/> returns the
/// effective options of a running emulator, with <see cref="Port"/> set to the port actually bound.
/// </remarks>
public sealed record CpaasEmulatorOptions
{
    /// <summary>
    /// The TCP port to listen on. 0 (the default) picks a free port. The emulator always binds to 127.0.0.1 only.
    /// </summary>
    public int Port { get; init; }

    /// <summary>
    /// The client id accepted by the token endpoint, for both grants: the "Private Project key" of the
    /// client_credentials grant and the "Account client ID" of the password grant. Default <c>PRIV-emulator</c>.
    /// </summary>
    public string ClientId { get; init; } = "PRIV-emulator";

    /// <summary>The project secret accepted with the client_credentials grant. Default <c>emulator-secret</c>.</summary>
    public string ClientSecret { get; init; } = "emulator-secret";

    /// <summary>The account e-mail (the <c>username</c> form field) accepted with the password grant. Default <c>demo@example.com</c>.</summary>
    public string Email { get; init; } = "demo@example.com";

    /// <summary>The account password accepted with the password grant. Default <c>emulator-password</c>.</summary>
    public string Password { get; init; } = "emulator-password";

    /// <summary>
    /// The user id: the <c>preferred_username</c> claim of the issued tokens and the <c>{userId}</c> path segment
    /// every other operation must use. Default <c>emulator-user</c>.
    /// </summary>
    public string UserId { get; init; } = "emulator-user";

    /// <summary>
    /// The E.164 numbers owned by (assigned to) the project. The first one is the default SMS number used for the
    /// sender <c>default</c> and for subscriptions without a <c>destinationAddress</c>. Default
    /// <c>+16135550100</c>, <c>+16135550101</c>.
    /// </summary>
    public IReadOnlyList<string> Numbers { get; init; } = ["+16135550100", "+16135550101"];

    /// <summary>
    /// Destinations to which a send reports <c>DeliveryImpossible</c> (compared after normalising <c>tel:</c> and
    /// <c>sip:+…@domain</c> forms to E.164). Default <c>+16135550199</c>.
    /// </summary>
    public IReadOnlyList<string> UndeliverableDestinations { get; init; } = ["+16135550199"];

    /// <summary>
    /// The trial storage cap: at most this many messages are kept in the SMS history in total; inserting a message
    /// beyond it removes the oldest ones. Default 1000, as for Kandy trial users.
    /// </summary>
    public int MessageHistoryCap { get; init; } = 1000;

    /// <summary>The lifetime of issued tokens (<c>exp - iat</c>, rounded up to whole seconds). Default 8 hours.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How many times a failed webhook delivery (connection error, timeout or non-2xx answer) is retried after the
    /// first attempt, so a notification is attempted at most <c>1 + WebhookRetries</c> times. Default 3.
    /// </summary>
    public int WebhookRetries { get; init; } = 3;

    /// <summary>The pause between two attempts of the same webhook delivery. Default 200 ms.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The most notifications kept waiting for one webhook URL (queued or waiting for a retry, besides the one in
    /// flight). When a new notification would exceed it, the oldest waiting one is dropped, logged and counted in
    /// <see cref="CpaasEmulator.DroppedDeliveries"/>, so an unreachable webhook cannot grow memory without bound.
    /// Default 1000.
    /// </summary>
    public int WebhookBacklogPerUrl { get; init; } = 1000;

    /// <summary>
    /// Outbound delivery receipts: when true, every destination of a send from a number with a subscription gets a
    /// <c>deliveryInfoNotification</c> to that subscription's webhook, after the outbound sync notification, with the
    /// delivery's final status (<c>DeliveredToTerminal</c>, or <c>DeliveryImpossible</c> for an undeliverable
    /// destination), which the stored message then shows too. Kandy documents no rule for these receipts (the vendor's
    /// browser SDK handles them; sent like the outbound sync, to the sender number's subscribers, is an inference), so
    /// they are off by default. Default false.
    /// </summary>
    public bool DeliveryReceipts { get; init; }

    /// <summary>
    /// The shape of the API's error bodies at start (a fault switch, changed later with
    /// <see cref="CpaasEmulator.ErrorBodyShape"/>): the ParlayREST shape by default, or one of the other shapes official
    /// SDKs handle, to test a client's tolerance of them. Default <see cref="ErrorBodyShape.RequestError"/>.
    /// </summary>
    public ErrorBodyShape ErrorBodyShape { get; init; }

    /// <summary>
    /// How many wrong codes a two-factor code resource accepts before its current code is invalidated (every later
    /// verification answers 403, even with the right code, until a resend issues a new code with new attempts). The
    /// vendor documents no limit; the emulator's is the common choice of verification services. Default 5.
    /// </summary>
    public int TwoFactorMaxAttempts { get; init; } = 5;

    /// <summary>The timeout of one webhook delivery attempt. Default 10 seconds.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long <see cref="CpaasEmulator.DisposeAsync"/> waits for pending webhook deliveries before cancelling them
    /// (cancelled deliveries are logged and recorded as failed). Default 2 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Where the emulator logs (API operations, every webhook delivery attempt, ASP.NET Core diagnostics). When null,
    /// <see cref="CpaasEmulator.StartAsync"/> logs nowhere and <see cref="CpaasEmulator.RunAsync(CpaasEmulatorOptions?, System.Threading.CancellationToken)"/>
    /// logs to the console.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// The clock for token times, message and notification timestamps, and retry delays. Null means
    /// <see cref="System.TimeProvider.System"/>. Tests can pass a controllable clock, for example to expire tokens.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }
}
