using System;

namespace Cpaas.Emulator;

/// <summary>
/// One attempt to POST a notification to a webhook, as recorded in <see cref="CpaasEmulator.Deliveries"/> and
/// served by <c>GET /emulator/deliveries</c>.
/// </summary>
public sealed record WebhookDeliveryAttempt
{
    internal WebhookDeliveryAttempt(DateTimeOffset timestamp, string webhookUrl, string channelId, string subscriptionId, string notificationType, string notificationId, int attempt, int maxAttempts, int? statusCode, string? error, WebhookDeliveryOutcome outcome)
    {
        Timestamp = timestamp;
        WebhookUrl = webhookUrl;
        ChannelId = channelId;
        SubscriptionId = subscriptionId;
        NotificationType = notificationType;
        NotificationId = notificationId;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
        StatusCode = statusCode;
        Error = error;
        Outcome = outcome;
    }

    /// <summary>When the attempt ended.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// The URL the notification was POSTed to (the channel's <c>x-webhookURL</c>), masked: every query value, the fragment
    /// and any user info are <c>***</c> (a webhook's secret travels as <c>?token=…</c>; the emulator never writes it).
    /// </summary>
    public string WebhookUrl { get; init; }

    /// <summary>The id of the notification channel (<c>wh-…</c>) the webhook belongs to.</summary>
    public string ChannelId { get; init; }

    /// <summary>The id of the inbound SMS subscription that routed the notification to the channel.</summary>
    public string SubscriptionId { get; init; }

    /// <summary>
    /// The notification's single top-level key: <c>inboundSMSMessageNotification</c>,
    /// <c>outboundSMSMessageNotification</c>, <c>smsSubscriptionCancellationNotification</c> or
    /// <c>smsEventNotification</c>.
    /// </summary>
    public string NotificationType { get; init; }

    /// <summary>The notification's <c>id</c> (a GUID); the same for every attempt of one delivery.</summary>
    public string NotificationId { get; init; }

    /// <summary>The attempt number, starting at 1; 0 for a delivery dropped from a full backlog or refused after stop.</summary>
    public int Attempt { get; init; }

    /// <summary>The most attempts this delivery gets (<c>1 + WebhookRetries</c>).</summary>
    public int MaxAttempts { get; init; }

    /// <summary>The HTTP status the webhook answered, or null when no answer was received.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why the attempt failed (connection error, timeout, cancellation, non-2xx status), or null on success.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the attempt delivered the notification, will be retried, or was the final failure.</summary>
    public WebhookDeliveryOutcome Outcome { get; init; }
}

