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
