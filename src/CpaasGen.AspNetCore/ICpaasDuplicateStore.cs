using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace Cpaas.AspNetCore;

/// <summary>The outcome of claiming a notification id.</summary>
public enum CpaasClaim
{
    /// <summary>This delivery owns the notification: handle it, then complete or release the claim.</summary>
    Claimed,

    /// <summary>The notification was handled already: acknowledge the duplicate without handling it.</summary>
    AlreadyHandled,

    /// <summary>Another delivery is handling it right now: answer "retry later" so nothing is lost if that handler fails.</summary>
    InProgress,
}

/// <summary>
/// Remembers which notification ids were handled, because Kandy delivers webhooks at least once. The endpoint
/// claims an id before calling the handler, completes the claim when the handler succeeds, and releases it when
/// the handler fails, so a failed delivery is handled again on the next attempt.
/// </summary>
public interface ICpaasDuplicateStore
{
    /// <summary>Claims <paramref name="notificationId"/> while it is handled (for at most <paramref name="lease"/>).</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="lease">How long the claim lasts if the handler never finishes (a crashed instance).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this call owns the notification, or why not.</returns>
    ValueTask<CpaasClaim> TryClaimAsync(string notificationId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed notification handled, remembered for <paramref name="window"/>.</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="window">How long to remember it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    ValueTask CompleteAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Releases a claim after the handler failed, so the next delivery is handled.</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken);
}

/// <summary>The default store: in this process's memory (right for a single instance).</summary>
public sealed class InMemoryCpaasDuplicateStore : ICpaasDuplicateStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _calls;

    /// <summary>Creates the store.</summary>
    /// <param name="time">The clock (null for the system clock).</param>
    public InMemoryCpaasDuplicateStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <inheritdoc/>
    public ValueTask<CpaasClaim> TryClaimAsync(string notificationId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 1024 == 0)
        {
            foreach (var pair in _entries)
            {
                if (pair.Value.Expires <= now)
                {
                    _entries.TryRemove(pair);
                }
            }
        }

        var claim = new Entry(now + lease, Handled: false);
        while (true)
        {
            if (_entries.TryAdd(notificationId, claim))
            {
                return new ValueTask<CpaasClaim>(CpaasClaim.Claimed);
            }

            if (_entries.TryGetValue(notificationId, out var existing))
            {
                if (existing.Expires > now)
                {
                    return new ValueTask<CpaasClaim>(existing.Handled ? CpaasClaim.AlreadyHandled : CpaasClaim.InProgress);
                }

                if (_entries.TryUpdate(notificationId, claim, existing))
                {
                    return new ValueTask<CpaasClaim>(CpaasClaim.Claimed); // expired: take it over
                }
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken)
    {
        _entries[notificationId] = new Entry(_time.GetUtcNow() + window, Handled: true);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken)
    {
        _entries.TryRemove(notificationId, out _);
        return ValueTask.CompletedTask;
    }

    private readonly record struct Entry(DateTimeOffset Expires, bool Handled);
}

/// <summary>
/// A store shared by several app instances through <see cref="IDistributedCache"/> (Redis, SQL Server…).
/// <see cref="IDistributedCache"/> has no atomic "add if absent", so two instances receiving the same notification
/// in the same few milliseconds could both handle it; sequential redeliveries (Kandy's retries) are always caught,
/// and a delivery that arrives while another instance is handling it is told to retry later.
/// </summary>
public sealed class DistributedCacheCpaasDuplicateStore : ICpaasDuplicateStore
{
    private static readonly byte[] InProgressMarker = [0];
    private static readonly byte[] HandledMarker = [1];
    private readonly IDistributedCache _cache;
    private readonly string _prefix;

    /// <summary>Creates the store.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="keyPrefix">The key prefix. Default <c>cpaas:webhook:</c>.</param>
    public DistributedCacheCpaasDuplicateStore(IDistributedCache cache, string keyPrefix = "cpaas:webhook:")
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _prefix = keyPrefix;
    }

    /// <inheritdoc/>
    public async ValueTask<CpaasClaim> TryClaimAsync(string notificationId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var key = _prefix + notificationId;
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { Length: > 0 } existing)
        {
            return existing[0] == HandledMarker[0] ? CpaasClaim.AlreadyHandled : CpaasClaim.InProgress;
        }

        await _cache.SetAsync(key, InProgressMarker, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease }, cancellationToken).ConfigureAwait(false);
        return CpaasClaim.Claimed;
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken)
        => await _cache.SetAsync(_prefix + notificationId, HandledMarker, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window }, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken)
        => await _cache.RemoveAsync(_prefix + notificationId, cancellationToken).ConfigureAwait(false);
}
