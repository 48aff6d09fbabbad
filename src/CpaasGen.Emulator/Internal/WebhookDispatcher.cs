using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Internal;

/// <summary>Where one notification goes: a channel's webhook, reached through one subscription.</summary>
internal sealed record WebhookTarget(string ChannelId, string SubscriptionId, string Url, string? Authorization);

/// <summary>A notification ready to POST: its type (top-level key), id and serialized body.</summary>
internal sealed record OutgoingNotification(string Type, string Id, byte[] Body, IReadOnlyList<WebhookTarget> Targets);

/// <summary>
/// POSTs notifications to webhooks in the background, with retries. Deliveries to the same URL happen in order
/// (one after another); deliveries to different URLs run in parallel. Every attempt is logged and recorded.
/// </summary>
internal sealed partial class WebhookDispatcher : IAsyncDisposable
{
    /// <summary>The delivery log keeps the newest attempts only, so a long-running emulator does not grow without bound.</summary>
    internal const int DeliveryLogCap = 10_000;

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly int _maxAttempts;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _attemptTimeout;
    private readonly CancellationTokenSource _stopping = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly LinkedList<WebhookDeliveryAttempt> _log = new();
    private int _pending;
    private TaskCompletionSource _idle = NewCompletedSignal();
    private bool _disposed;

    public WebhookDispatcher(CpaasEmulatorOptions options, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _maxAttempts = 1 + options.WebhookRetries;
        _retryDelay = options.WebhookRetryDelay;
        _attemptTimeout = options.WebhookTimeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            // Webhooks of a local emulator are normally local too: no proxy, no redirects (a 3xx is a failed attempt).
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("CpaasGen.Emulator/1.0");
    }

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    public IReadOnlyList<WebhookDeliveryAttempt> Snapshot()
    {
        lock (_gate)
        {
            return [.. _log];
        }
    }

    /// <summary>Queues the notification for each of its targets; returns at once.</summary>
    public void Enqueue(OutgoingNotification notification)
    {
        foreach (var target in notification.Targets)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    Log.DroppedAfterStop(_logger, notification.Type, notification.Id, target.Url);
                    Record(new WebhookDeliveryAttempt(_time.GetUtcNow(), target.Url, target.ChannelId, target.SubscriptionId,
                        notification.Type, notification.Id, 0, _maxAttempts, null, "emulator stopped", WebhookDeliveryOutcome.Failed));
                    continue;
                }
                if (_pending++ == 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
                var previous = _tails.TryGetValue(target.Url, out var tail) ? tail : Task.CompletedTask;
                var job = new Job(notification, target);
                // Task.Run: nothing of the delivery runs under the lock. The job finishes under the same lock, so the
                // tail assignment below always happens before the job's completion looks at it.
                job.Task = Task.Run(() => RunAsync(previous, job));
                _tails[target.Url] = job.Task;
            }
        }
    }

    /// <summary>Waits until no delivery is pending (queued, in flight or waiting for a retry).</summary>
    public async Task WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task idle;
        int pending;
        lock (_gate)
        {
            idle = _idle.Task;
            pending = _pending;
        }
        if (pending == 0)
        {
            return;
        }
        try
        {
            await idle.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Pending} webhook deliveries were still pending after {timeout}.");
        }
    }

    private sealed class Job(OutgoingNotification notification, WebhookTarget target)
    {
        public OutgoingNotification Notification { get; } = notification;
        public WebhookTarget Target { get; } = target;
        public Task Task { get; set; } = Task.CompletedTask;
    }

    private async Task RunAsync(Task previous, Job job)
    {
        try
        {
            try
            {
                await previous.ConfigureAwait(false);
            }
            catch
            {
                // The previous delivery records its own failures; it only orders this one.
            }
            await DeliverAsync(job.Notification, job.Target).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Never lose a notification silently, even on a bug.
            Log.DeliveryCrashed(_logger, ex, job.Notification.Type, job.Notification.Id, job.Target.Url);
            lock (_gate)
            {
                Record(new WebhookDeliveryAttempt(_time.GetUtcNow(), job.Target.Url, job.Target.ChannelId, job.Target.SubscriptionId,
                    job.Notification.Type, job.Notification.Id, 0, _maxAttempts, null, "internal error: " + ex.Message, WebhookDeliveryOutcome.Failed));
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_tails.TryGetValue(job.Target.Url, out var tail) && ReferenceEquals(tail, job.Task))
                {
                    _tails.Remove(job.Target.Url);
                }
                if (--_pending == 0)
                {
                    _idle.TrySetResult();
                }
            }
        }
    }

    private async Task DeliverAsync(OutgoingNotification n, WebhookTarget target)
    {
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            int? status = null;
            string? error;
            var stopped = false;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
                request.Content = new ByteArrayContent(n.Body);
                request.Content.Headers.ContentType = JsonMediaType;
                if (target.Authorization is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", target.Authorization);
                }
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(_attemptTimeout);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
                error = response.IsSuccessStatusCode ? null : $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                error = "cancelled: the emulator stopped";
                stopped = true;
            }
            catch (OperationCanceledException)
            {
                error = $"timed out after {_attemptTimeout.TotalSeconds:0.###} s";
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
            catch (InvalidOperationException ex)
            {
                // For example a webhook URL HttpClient cannot send to.
                error = ex.Message;
            }

            var outcome = error is null ? WebhookDeliveryOutcome.Succeeded
                : stopped || attempt == _maxAttempts ? WebhookDeliveryOutcome.Failed
                : WebhookDeliveryOutcome.Retrying;
            lock (_gate)
            {
                Record(new WebhookDeliveryAttempt(_time.GetUtcNow(), target.Url, target.ChannelId, target.SubscriptionId,
                    n.Type, n.Id, attempt, _maxAttempts, status, error, outcome));
            }

            switch (outcome)
            {
                case WebhookDeliveryOutcome.Succeeded:
                    Log.Delivered(_logger, n.Type, n.Id, target.Url, status ?? 0, attempt, _maxAttempts);
                    return;
                case WebhookDeliveryOutcome.Failed:
                    Log.DeliveryFailed(_logger, n.Type, n.Id, target.Url, attempt, _maxAttempts, error!);
                    return;
                default:
                    Log.AttemptFailed(_logger, n.Type, n.Id, target.Url, attempt, _maxAttempts, error!, _retryDelay.TotalMilliseconds);
                    break;
            }

            try
            {
                await Task.Delay(_retryDelay, _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    Record(new WebhookDeliveryAttempt(_time.GetUtcNow(), target.Url, target.ChannelId, target.SubscriptionId,
                        n.Type, n.Id, attempt, _maxAttempts, null, "cancelled before retry: the emulator stopped", WebhookDeliveryOutcome.Failed));
                }
                Log.DeliveryFailed(_logger, n.Type, n.Id, target.Url, attempt, _maxAttempts, "cancelled before retry: the emulator stopped");
                return;
            }
        }
    }

    private void Record(WebhookDeliveryAttempt attempt)
    {
        _log.AddLast(attempt);
        while (_log.Count > DeliveryLogCap)
        {
            _log.RemoveFirst();
        }
    }

    /// <summary>Lets pending deliveries finish for up to <paramref name="drainTimeout"/>, then cancels the rest.</summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
        }
        try
        {
            await WaitForIdleAsync(drainTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Cancelled below; each cancelled delivery records and logs its failure.
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await WaitForIdleAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        _http.Dispose();
        _stopping.Dispose();
    }

    private static TaskCompletionSource NewCompletedSignal()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information,
            Message = "Webhook {NotificationType} {NotificationId} delivered to {Url}: HTTP {StatusCode} (attempt {Attempt}/{MaxAttempts})")]
        public static partial void Delivered(ILogger logger, string notificationType, string notificationId, string url, int statusCode, int attempt, int maxAttempts);

        [LoggerMessage(EventId = 101, Level = LogLevel.Information,
            Message = "Webhook {NotificationType} {NotificationId} to {Url} failed (attempt {Attempt}/{MaxAttempts}): {Error}; retrying in {DelayMs} ms")]
        public static partial void AttemptFailed(ILogger logger, string notificationType, string notificationId, string url, int attempt, int maxAttempts, string error, double delayMs);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning,
            Message = "Webhook {NotificationType} {NotificationId} to {Url} NOT delivered (attempt {Attempt}/{MaxAttempts}, giving up): {Error}")]
        public static partial void DeliveryFailed(ILogger logger, string notificationType, string notificationId, string url, int attempt, int maxAttempts, string error);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning,
            Message = "Webhook {NotificationType} {NotificationId} to {Url} NOT delivered: the emulator is stopping")]
        public static partial void DroppedAfterStop(ILogger logger, string notificationType, string notificationId, string url);

        [LoggerMessage(EventId = 104, Level = LogLevel.Error,
            Message = "Webhook {NotificationType} {NotificationId} to {Url} NOT delivered: unexpected error")]
        public static partial void DeliveryCrashed(ILogger logger, Exception exception, string notificationType, string notificationId, string url);
    }
}
