using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>
/// The one retry owner of the SDK, with the rules of <see cref="CpaasRetryOptions"/>, under <c>new CpaasClient(…)</c> and
/// <c>AddCpaasClient(…)</c> alike:
/// <list type="bullet">
/// <item>GET, PUT, DELETE: retried after 429, 502, 503, 504 and network failures (including a body that breaks off).</item>
/// <item>POST and PATCH (an SMS send, a subscription): retried only when the request provably never left
/// (<see cref="TransportPolicy.NeverReachedServer"/>); never after an answer or once it may have reached the server.</item>
/// <item>The wait is the answer's Retry-After when it has one, else exponential backoff with full jitter; a wait
/// longer than <see cref="CpaasRetryOptions.MaxDelay"/> or than what is left of the deadline is not started: the
/// 429/503 is thrown at once, with its Retry-After on the exception.</item>
/// </list>
/// </summary>
internal sealed class RetryPolicy : PipelinePolicy
{
    private static readonly string[] StatusReasons = ["429", "502", "503", "504"];

    private readonly CpaasRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RetryPolicy(CpaasRetryOptions retry, TimeProvider time, ILogger logger)
    {
        _retry = retry;
        _time = time;
        _logger = logger;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        var retries = 0;
        while (true)
        {
            try
            {
                await ProcessNextAsync(message, next).ConfigureAwait(false);
            }
            catch (Exception ex) when (retries < _retry.MaxRetries && MayRetry(message, ex))
            {
                var backoff = Backoff(_retry, retries + 1);
                if (!Fits(message, backoff))
                {
                    throw;
                }

                retries++;
                await WaitAsync(message, backoff, "network").ConfigureAwait(false);
                continue;
            }

            var status = message.StatusCode;
            message.RetryAfter = RetryAfterOf(message.Response!);
            if (retries >= _retry.MaxRetries || !message.IsIdempotent || status is not (429 or 502 or 503 or 504))
            {
                return;
            }

            var delay = message.RetryAfter ?? Backoff(_retry, retries + 1);
            if (delay > _retry.MaxDelay || !Fits(message, delay))
            {
                return; // thrown at once by the response mapping, with RetryAfter on the exception
            }

            retries++;
            await WaitAsync(message, delay, StatusReasons[status switch { 429 => 0, 502 => 1, 503 => 2, _ => 3 }]).ConfigureAwait(false);
        }
    }

    /// <summary>Exponential backoff with full jitter: a random delay up to min(MaxDelay, BaseDelay × 2^(attempt-1)).</summary>
    internal static TimeSpan Backoff(CpaasRetryOptions retry, int attempt)
    {
        var ceiling = Math.Min(retry.MaxDelay.TotalMilliseconds, retry.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    /// <summary>A network failure may be retried when the request is idempotent or provably never left, and the caller and deadline still allow it.</summary>
    private static bool MayRetry(PipelineMessage message, Exception ex)
        => ex is HttpRequestException or IOException
            && !message.CancellationToken.IsCancellationRequested
            && (message.IsIdempotent || TransportPolicy.NeverReachedServer(ex));

    /// <summary>Whether a wait of <paramref name="delay"/> still leaves time for the next attempt.</summary>
    private static bool Fits(PipelineMessage message, TimeSpan delay)
        => message.Deadline is null || delay < message.Remaining;

    private TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private async Task WaitAsync(PipelineMessage message, TimeSpan delay, string reason)
    {
        Log.Retrying(_logger, message.Operation, reason, delay.TotalMilliseconds);
        CpaasTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("url.template", message.Operation), new KeyValuePair<string, object?>("reason", reason));
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, message.CancellationToken).ConfigureAwait(false);
        }
    }
}
