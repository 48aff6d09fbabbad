using System;

namespace Cpaas.AspNetCore;

/// <summary>Settings of the webhook endpoint (<c>services.AddCpaasWebhooks(o => …)</c>).</summary>
public sealed class CpaasWebhookOptions
{
    /// <summary>
    /// An optional shared secret. When set, every call must carry it, in the query parameter
    /// <see cref="SecretQueryParameter"/> (put it in the webhook URL you subscribe) or in the header
    /// <see cref="SecretHeader"/>; other calls get 401. Compared in constant time.
    /// </summary>
    public string? SharedSecret { get; set; }

    /// <summary>The query parameter that carries the shared secret. Default <c>token</c>.</summary>
    public string SecretQueryParameter { get; set; } = "token";

    /// <summary>The header that carries the shared secret (a <c>Bearer </c> prefix is accepted). Default <c>X-Cpaas-Webhook-Token</c>.</summary>
    public string SecretHeader { get; set; } = "X-Cpaas-Webhook-Token";

    /// <summary>How long a notification id is remembered to drop duplicate deliveries. Default 24 hours.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a notification being handled stays claimed if its handler never finishes (a crashed instance);
    /// meanwhile other deliveries of it get 409 with <c>Retry-After</c>. Default 5 minutes.
    /// </summary>
    public TimeSpan HandlerLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body accepted; larger ones get 413. Default 64 KiB (real notifications are under 2 KiB).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
