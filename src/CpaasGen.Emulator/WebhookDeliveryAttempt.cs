using System;

namespace Cpaas.Emulator;

/// <summary>The result of one webhook delivery attempt.</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>The webhook answered with a 2xx status: the notification is delivered.</summary>
    Succeeded,

    /// <summary>The attempt failed (connection error, timeout or non-2xx answer) and another attempt will follow.</summary>
    Retrying,

    /// <summary>
    /// The attempt failed and it was the last one (retries exhausted, or the emulator was stopped): the notification
    /// was not delivered. Also logged at Warning level.
    /// </summary>
    Failed,
}

/// <summary>
/// One attempt to POST a notification to a webhook, as recorded in <see cref="CpaasEmulator.Deliveries"/> and
/// served by <c>GET /emulator/deliveries</c>.
/// </summary>
/// <param name="Timestamp">When the attempt ended.</param>
/// <param name="WebhookUrl">
/// The URL the notification was POSTed to (the channel's <c>x-webhookURL</c>), masked: every query value, the fragment
/// and any user info are <c>***</c> (a webhook's secret travels as <c>?token=…</c>; the emulator never writes it).
/// </param>
/// <param name="ChannelId">The id of the notification channel (<c>wh-…</c>) the webhook belongs to.</param>
/// <param name="SubscriptionId">The id of the inbound SMS subscription that routed the notification to the channel.</param>
/// <param name="NotificationType">
/// The notification's single top-level key: <c>inboundSMSMessageNotification</c>,
/// <c>outboundSMSMessageNotification</c>, <c>smsSubscriptionCancellationNotification</c> or
/// <c>smsEventNotification</c>.
/// </param>
/// <param name="NotificationId">The notification's <c>id</c> (a GUID); the same for every attempt of one delivery.</param>
/// <param name="Attempt">The attempt number, starting at 1; 0 for a delivery dropped from a full backlog or refused after stop.</param>
/// <param name="MaxAttempts">The most attempts this delivery gets (<c>1 + WebhookRetries</c>).</param>
/// <param name="StatusCode">The HTTP status the webhook answered, or null when no answer was received.</param>
/// <param name="Error">Why the attempt failed (connection error, timeout, cancellation, non-2xx status), or null on success.</param>
/// <param name="Outcome">Whether the attempt delivered the notification, will be retried, or was the final failure.</param>
public sealed record WebhookDeliveryAttempt(
    DateTimeOffset Timestamp,
    string WebhookUrl,
    string ChannelId,
    string SubscriptionId,
    string NotificationType,
    string NotificationId,
    int Attempt,
    int MaxAttempts,
    int? StatusCode,
    string? Error,
    WebhookDeliveryOutcome Outcome);
