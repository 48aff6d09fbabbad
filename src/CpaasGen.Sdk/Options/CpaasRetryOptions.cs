using System;

namespace Cpaas;

/// <summary>
/// How the client retries. GET and DELETE are retried on 429, 502, 503, 504 and network failures; a POST (an SMS
/// send, a subscription) is retried only when the connection could not be established at all, so it provably never
/// reached the server — never after, because a retried send can deliver the SMS twice. <c>Retry-After</c> (seconds
/// or HTTP-date) is honoured while it fits in what is left of the call's <see cref="CpaasClientOptions.Timeout"/> and in
/// <see cref="MaxDelay"/>; otherwise the 429 or 503 is thrown at once, with the wait in <see cref="CpaasApiException.RetryAfter"/>.
/// Without Retry-After the delay is exponential with full jitter. The same rules apply to a client from
/// <c>AddCpaasClient</c>: the SDK is the one retry owner.
/// </summary>
public sealed class CpaasRetryOptions
{
    /// <summary>The most retries per call (0 turns retries off). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff step; attempt n waits a random time up to <c>BaseDelay × 2^n</c>. Default 500 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait, <c>Retry-After</c> included; a longer <c>Retry-After</c> ends the retries. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal CpaasOptionsException? Problem(OptionNames names)
    {
        if (MaxRetries < 0 || MaxRetries > 10)
        {
            return names.Error("Retry", "MaxRetries", names.Name("Retry", "MaxRetries") + " must be between 0 and 10.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || BaseDelay > MaxDelay)
        {
            return names.Error("Retry", "BaseDelay", names.Name("Retry", "BaseDelay") + " and " + names.Name("Retry", "MaxDelay") + " must be non-negative, BaseDelay ≤ MaxDelay.");
        }

        return null;
    }

    internal CpaasRetryOptions Clone() => (CpaasRetryOptions)MemberwiseClone();
}
