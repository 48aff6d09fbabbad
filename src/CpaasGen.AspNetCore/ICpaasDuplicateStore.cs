using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;

namespace Cpaas.AspNetCore;

/// <summary>
/// Remembers which notification ids were handled, because Kandy delivers webhooks at least once. The endpoint
/// claims an id before calling the handler and releases it if the handler fails, so a failed delivery is retried.
/// </summary>
public interface ICpaasDuplicateStore
{
    /// <summary>Claims <paramref name="notificationId"/> for <paramref name="window"/>; false when it was already claimed (a duplicate).</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="window">How long to remember it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when this call claimed it.</returns>
    ValueTask<bool> TryClaimAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Releases a claim after the handler failed, so the next delivery is handled.</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken);
}

/// <summary>The default store: in this process's memory (right for a single instance).</summary>
public sealed class InMemoryCpaasDuplicateStore : ICpaasDuplicateStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _calls;

    /// <summary>Creates the store.</summary>
    /// <param name="time">The clock (null for the system clock).</param>
    public InMemoryCpaasDuplicateStore(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <inheritdoc/>
    public ValueTask<bool> TryClaimAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % 1024 == 0)
        {
            foreach (var pair in _claims)
            {
                if (pair.Value <= now)
                {
                    _claims.TryRemove(pair);
                }
            }
        }

        while (true)
        {
            if (_claims.TryAdd(notificationId, now + window))
            {
                return new ValueTask<bool>(true);
            }

            if (_claims.TryGetValue(notificationId, out var expires) && expires > now)
            {
                return new ValueTask<bool>(false);
            }

            // Expired: replace it, unless another caller just did.
            if (_claims.TryUpdate(notificationId, now + window, expires))
            {
                return new ValueTask<bool>(true);
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken)
    {
        _claims.TryRemove(notificationId, out _);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A store shared by several app instances through <see cref="IDistributedCache"/> (Redis, SQL Server…).
/// <see cref="IDistributedCache"/> has no atomic "add if absent", so two instances receiving the same notification
/// in the same few milliseconds could both handle it; sequential redeliveries (Kandy's retries) are always caught.
/// </summary>
public sealed class DistributedCacheCpaasDuplicateStore : ICpaasDuplicateStore
{
    private static readonly byte[] Marker = [1];
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
    public async ValueTask<bool> TryClaimAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken)
    {
        var key = _prefix + notificationId;
        if (await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await _cache.SetAsync(key, Marker, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = window }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken)
        => await _cache.RemoveAsync(_prefix + notificationId, cancellationToken).ConfigureAwait(false);
}
