using System;

namespace Cpaas.AspNetCore;

/// <summary>
/// Settings of the live feed (<c>app.MapCpaasLiveFeed("/sms/live")</c>), one per app:
/// <c>services.AddCpaasWebhooks(…).ConfigureLiveFeed(o => …)</c>. Validated at start-up.
/// </summary>
public sealed class CpaasLiveFeedOptions
{
    /// <summary>
    /// How many of the newest notifications are kept for clients that reconnect with <c>Last-Event-ID</c>: a client
    /// that missed no more than this many resumes with no gap and no duplicate; one that missed more gets a
    /// <c>reset</c> event. Default 1,000.
    /// </summary>
    public int ReplayBufferSize { get; set; } = 1000;

    /// <summary>
    /// How many notifications may wait for one client. A client that falls this far behind (a slow or stalled
    /// connection) is disconnected, never waited for; it resumes from the replay buffer when it reconnects. Default 256.
    /// </summary>
    public int ClientQueueCapacity { get; set; } = 256;

    /// <summary>How often an idle connection gets a <c>heartbeat</c> event, so proxies keep it open. Default 30 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The reconnection delay sent to clients (the SSE <c>retry</c> field). Default 2 seconds.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first problem of these options, or null.</summary>
    internal string? Validate()
        => ReplayBufferSize < 1 || ClientQueueCapacity < 1
            ? "CpaasLiveFeedOptions: ReplayBufferSize and ClientQueueCapacity must be at least 1."
            : HeartbeatInterval <= TimeSpan.Zero || ReconnectInterval <= TimeSpan.Zero
                ? "CpaasLiveFeedOptions: HeartbeatInterval and ReconnectInterval must be positive."
                : null;
}
