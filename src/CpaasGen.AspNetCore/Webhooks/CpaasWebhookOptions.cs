using System;

namespace Cpaas.AspNetCore;

/// <summary>
/// Settings of the webhook endpoint: <c>services.AddCpaasWebhooks(builder.Configuration.GetSection("CpaasWebhooks"))</c>
/// or <c>services.AddCpaasWebhooks(o => …)</c>. Validated at start-up.
/// </summary>
public sealed class CpaasWebhookOptions
{
    /// <summary>The shortest <see cref="SharedSecret"/> accepted: 16 characters.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>
    /// The shared secret every call must carry, in the query parameter <see cref="SecretQueryParameter"/> (put it in the
    /// webhook URL you subscribe: Kandy can carry it nowhere else) or in the header <see cref="SecretHeader"/>; other
    /// calls get 401. Compared in constant time. <b>Required</b> (at least <see cref="MinimumSecretLength"/> characters,
    /// no surrounding whitespace): without it the app does not start, unless the app opts out with
    /// <c>AddCpaasWebhooks(…).AllowUnauthenticated()</c>. Keep it in user-secrets or an environment variable
    /// (<c>CpaasWebhooks__SharedSecret</c>), never in appsettings.json.
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

    /// <summary>
    /// The longest notification id accepted; a longer one gets 400 and is never stored (Kandy's ids are 36-character
    /// UUIDs). Default 256.
    /// </summary>
    public int MaxNotificationIdLength { get; set; } = 256;

    /// <summary>Set by <c>AllowUnauthenticated()</c>: calls without a secret are accepted (a warning is logged at start-up).</summary>
    internal bool AllowUnauthenticated { get; set; }

    /// <summary>The first problem of these options, or null (used by start-up validation).</summary>
    internal string? Validate()
    {
        if (DuplicateWindow <= TimeSpan.Zero || HandlerLease <= TimeSpan.Zero || MaxBodyBytes <= 0 || MaxNotificationIdLength <= 0)
        {
            return "CpaasWebhookOptions: DuplicateWindow, HandlerLease, MaxBodyBytes and MaxNotificationIdLength must be positive.";
        }

        if (string.IsNullOrEmpty(SecretHeader) || string.IsNullOrEmpty(SecretQueryParameter))
        {
            return "CpaasWebhookOptions: SecretHeader and SecretQueryParameter must not be empty.";
        }

        if (SharedSecret is null || SharedSecret.Length == 0)
        {
            return AllowUnauthenticated
                ? null
                : "CpaasWebhookOptions.SharedSecret is not set: anyone who can reach the webhook could deliver forged notifications. "
                  + "Set CpaasWebhooks:SharedSecret (user-secrets, or the CpaasWebhooks__SharedSecret environment variable), bind it with "
                  + "AddCpaasWebhooks(builder.Configuration.GetSection(\"CpaasWebhooks\")), and subscribe the URL with ?" + SecretQueryParameter + "=<the secret>; "
                  + "or, only for a webhook nobody else can reach, call AddCpaasWebhooks(…).AllowUnauthenticated().";
        }

        if (SharedSecret.Trim().Length != SharedSecret.Length)
        {
            return "CpaasWebhookOptions.SharedSecret has leading or trailing whitespace (a copy-paste mistake?): remove it.";
        }

        if (SharedSecret.Length < MinimumSecretLength)
        {
            return "CpaasWebhookOptions.SharedSecret is shorter than " + MinimumSecretLength + " characters: use a long random value (e.g. `openssl rand -hex 32`).";
        }

        return null;
    }
}
