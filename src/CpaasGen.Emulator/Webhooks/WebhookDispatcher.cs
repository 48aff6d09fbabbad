using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Webhooks;

/// <summary>A webhook URL's backlog, as the admin endpoints show it.</summary>
internal sealed record WebhookBacklog(string MaskedUrl, int Pending, long Dropped);

/// <summary>
/// POSTs notifications to webhooks in the background, with retries. Each URL has its own bounded queue and its own
/// worker: deliveries to one URL happen in order, one after another; a dead URL retries only its own head delivery
/// while the other URLs' workers go on, and its backlog never holds more than
/// <see cref="CpaasEmulatorOptions.WebhookBacklogPerUrl"/> waiting deliveries (the oldest are dropped, counted and logged).
/// Every attempt is logged and recorded (URLs masked).
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
    private readonly int _backlog;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _attemptTimeout;
    private readonly CancellationTokenSource _stopping = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, WebhookQueue> _queues = new(StringComparer.Ordinal);
    private readonly LinkedList<WebhookDeliveryAttempt> _log = new();
    private int _pending;
    private long _dropped;
    private TaskCompletionSource _idle = NewCompletedSignal();
    private bool _stopped;

    private readonly Inbox.InboxEvents _inbox;

    public WebhookDispatcher(CpaasEmulatorOptions options, TimeProvider time, ILogger logger, Inbox.InboxEvents inbox)
    {
        _inbox = inbox;
        _time = time;
        _logger = logger;
        _maxAttempts = 1 + options.WebhookRetries;
        _backlog = options.WebhookBacklogPerUrl;
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
            Timeout = Timeout.InfiniteTimeSpan,
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

    public long Dropped => Interlocked.Read(ref _dropped);

    public IReadOnlyList<WebhookDeliveryAttempt> Snapshot()
    {
        lock (_gate)
        {
            return [.. _log];
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> under the dispatcher's lock with the delivery log (oldest first): no attempt is
    /// recorded (nor published to the inbox page) meanwhile.
    /// </summary>
    public T UnderLock<T>(Func<IReadOnlyCollection<WebhookDeliveryAttempt>, T> read)
    {
        lock (_gate)
        {
            return read(_log);
        }
    }

    public IReadOnlyList<WebhookBacklog> Backlogs()
    {
        lock (_gate)
        {
            return [.. _queues.Values.Select(q => new WebhookBacklog(q.MaskedUrl, q.Pending, q.Dropped))];
        }
    }

    /// <summary>Queues the notification for each of its targets; returns at once.</summary>
    public void Enqueue(OutgoingNotification notification)
    {
        foreach (var target in notification.Targets)
        {
            var start = false;
            WebhookQueue queue;
            lock (_gate)
            {
                if (!_queues.TryGetValue(target.Url, out queue!))
                {
                    _queues[target.Url] = queue = new WebhookQueue(target.Url);
                }

                if (_stopped)
                {
                    Log.DroppedAfterStop(_logger, notification.Type, notification.Id, queue.MaskedUrl);
                    Record(Attempt(queue, new DeliveryJob(notification, target), 0, null, "emulator stopped", WebhookDeliveryOutcome.Failed));
                    continue;
                }

                if (queue.Waiting.Count >= _backlog)
                {
                    DropOldest(queue);
                }
                else if (_pending++ == 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                queue.Waiting.AddLast(new DeliveryJob(notification, target));
                if (!queue.Running)
                {
                    queue.Running = true;
                    start = true;
                }
            }

            if (start)
            {
                // Nothing of the delivery runs under the lock or on the caller's thread.
                _ = Task.Run(() => RunQueueAsync(queue));
            }
        }
    }

    /// <summary>Waits until no delivery is pending (queued, in flight or waiting for a retry).</summary>
    public async Task WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
        {
            if (_pending == 0)
            {
                return;
            }

            idle = _idle.Task;
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

    /// <summary>Under the lock: the queue is full, so its oldest waiting delivery makes room (pending stays the same).</summary>
    private void DropOldest(WebhookQueue queue)
    {
        var dropped = queue.Waiting.First!.Value;
        queue.Waiting.RemoveFirst();
        queue.Dropped++;
        Interlocked.Increment(ref _dropped);
        Record(Attempt(queue, dropped, 0, null, $"dropped: the backlog of {_backlog} deliveries for this webhook was full", WebhookDeliveryOutcome.Failed));
        var now = Stopwatch.GetTimestamp();
        if (queue.Dropped == 1 || Stopwatch.GetElapsedTime(queue.LastDropLogTimestamp, now) >= TimeSpan.FromSeconds(1))
        {
            queue.LastDropLogTimestamp = now;
            Log.BacklogFull(_logger, queue.MaskedUrl, _backlog, dropped.Notification.Type, dropped.Notification.Id, queue.Dropped);
        }
    }

    private async Task RunQueueAsync(WebhookQueue queue)
    {
        while (true)
        {
            DeliveryJob job;
            lock (_gate)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Running = false;
                    return;
                }

                job = queue.Waiting.First!.Value;
                queue.Waiting.RemoveFirst();
            }

            try
            {
                await DeliverAsync(queue, job).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Never lose a notification silently, even on a bug.
                Log.DeliveryCrashed(_logger, ex, job.Notification.Type, job.Notification.Id, queue.MaskedUrl);
                lock (_gate)
                {
                    Record(Attempt(queue, job, 0, null, "internal error: " + ex.GetType().Name, WebhookDeliveryOutcome.Failed));
                }
            }
            finally
            {
                lock (_gate)
                {
                    if (--_pending == 0)
                    {
                        _idle.TrySetResult();
                    }
                }
            }
        }
    }

    private async Task DeliverAsync(WebhookQueue queue, DeliveryJob job)
    {
        var (n, target) = (job.Notification, job.Target);
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            int? status = null;
            string? error;
            var stopped = _stopping.IsCancellationRequested;
            if (stopped)
            {
                error = "cancelled: the emulator stopped";
            }
            else
            {
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
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
                {
                    // HttpRequestException messages name host and port only, never the query.
                    error = ex is HttpRequestException { HttpRequestError: var kind } ? $"{kind}: {ex.Message}" : ex.GetType().Name;
                }
            }

            var outcome = error is null ? WebhookDeliveryOutcome.Succeeded
                : stopped || attempt == _maxAttempts ? WebhookDeliveryOutcome.Failed
                : WebhookDeliveryOutcome.Retrying;
            lock (_gate)
            {
                Record(Attempt(queue, job, attempt, status, error, outcome));
            }

            switch (outcome)
            {
                case WebhookDeliveryOutcome.Succeeded:
                    Log.Delivered(_logger, n.Type, n.Id, queue.MaskedUrl, status ?? 0, attempt, _maxAttempts);
                    return;
                case WebhookDeliveryOutcome.Failed:
                    Log.DeliveryFailed(_logger, n.Type, n.Id, queue.MaskedUrl, attempt, _maxAttempts, error!);
                    return;
                default:
                    Log.AttemptFailed(_logger, n.Type, n.Id, queue.MaskedUrl, attempt, _maxAttempts, error!, _retryDelay.TotalMilliseconds);
                    break;
            }

            try
            {
                await Task.Delay(_retryDelay, _time, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                const string Cancelled = "cancelled before retry: the emulator stopped";
                lock (_gate)
                {
                    Record(Attempt(queue, job, attempt, null, Cancelled, WebhookDeliveryOutcome.Failed));
                }

                Log.DeliveryFailed(_logger, n.Type, n.Id, queue.MaskedUrl, attempt, _maxAttempts, Cancelled);
                return;
            }
        }
    }

    private WebhookDeliveryAttempt Attempt(WebhookQueue queue, DeliveryJob job, int attempt, int? status, string? error, WebhookDeliveryOutcome outcome)
        => new(_time.GetUtcNow(), queue.MaskedUrl, job.Target.ChannelId, job.Target.SubscriptionId, job.Notification.Type,
            job.Notification.Id, attempt, _maxAttempts, status, error, outcome);

    private void Record(WebhookDeliveryAttempt attempt)
    {
        _log.AddLast(attempt);
        _inbox.DeliveryRecorded(attempt);
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
            if (_stopped)
            {
                return;
            }

            _stopped = true;
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

        [LoggerMessage(EventId = 105, Level = LogLevel.Warning,
            Message = "Webhook {Url}: backlog of {Backlog} deliveries full; dropped the oldest, {NotificationType} {NotificationId} ({Dropped} dropped for this URL so far)")]
        public static partial void BacklogFull(ILogger logger, string url, int backlog, string notificationType, string notificationId, long dropped);
    }
}
