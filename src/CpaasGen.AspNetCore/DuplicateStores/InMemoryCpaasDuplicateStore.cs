using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.AspNetCore;

/// <summary>
/// The default store: in this process's memory, right for a single instance. Bounded: at most
/// <see cref="InMemoryDuplicateStoreOptions.MaxEntries"/> ids, the oldest evicted first.
/// </summary>
public sealed class InMemoryCpaasDuplicateStore : ICpaasDuplicateStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Insertion order for eviction; an item is stale when its entry was removed or re-inserted since (other version).
    private readonly Queue<(string Id, long Version)> _order = new();
    private readonly TimeProvider _time;
    private readonly int _maxEntries;
    private readonly Counter<long>? _evictionCounter;
    private long _version;
    private long _evictions;
    private DateTimeOffset _nextSweep;

    /// <summary>Creates the store.</summary>
    /// <param name="options">The size cap (null: defaults).</param>
    /// <param name="time">The clock (null for the system clock).</param>
    /// <param name="meterFactory">Creates the <c>CpaasGen.AspNetCore</c> meter for the eviction counter (null: no metric).</param>
    public InMemoryCpaasDuplicateStore(InMemoryDuplicateStoreOptions? options = null, TimeProvider? time = null, IMeterFactory? meterFactory = null)
    {
        _maxEntries = options?.MaxEntries ?? new InMemoryDuplicateStoreOptions().MaxEntries;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxEntries, 1, "InMemoryDuplicateStoreOptions.MaxEntries");
        _time = time ?? TimeProvider.System;
        _evictionCounter = meterFactory is null ? null : CpaasWebhookMetrics.EvictionCounter(meterFactory);
    }

    /// <summary>How many ids are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>How many unexpired ids were dropped to stay under the size cap since the store was created.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <inheritdoc/>
    public ValueTask<CpaasClaim> TryClaimAsync(string notificationId, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notificationId);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(notificationId, out var existing) && existing.Expires > now)
            {
                return new ValueTask<CpaasClaim>(existing.Handled ? CpaasClaim.AlreadyHandled : CpaasClaim.InProgress);
            }

            Put(notificationId, now + lease, handled: false, now); // absent, or expired: take it over
            return new ValueTask<CpaasClaim>(CpaasClaim.Claimed);
        }
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notificationId);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Put(notificationId, now + window, handled: true, now);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notificationId);
        lock (_gate)
        {
            if (_entries.TryGetValue(notificationId, out var existing) && !existing.Handled)
            {
                _entries.Remove(notificationId);
            }
        }

        return ValueTask.CompletedTask;
    }

    private void Put(string id, DateTimeOffset expires, bool handled, DateTimeOffset now)
    {
        var version = ++_version;
        var isNew = !_entries.ContainsKey(id);
        _entries[id] = new Entry(expires, handled, version);
        _order.Enqueue((id, version));
        if (isNew && _entries.Count > _maxEntries)
        {
            MakeRoom(now);
        }
        else if (now >= _nextSweep || _order.Count > 2 * _entries.Count + 1024)
        {
            Sweep(now);
        }
    }

    /// <summary>
    /// Over the cap: drop expired ids (a full sweep at most once a minute, so a flood at the cap costs O(1) per id, not
    /// O(n)), then the oldest, until the cap holds. Only unexpired ids count as evictions.
    /// </summary>
    private void MakeRoom(DateTimeOffset now)
    {
        if (now >= _nextSweep)
        {
            Sweep(now);
        }

        while (_entries.Count > _maxEntries && _order.TryDequeue(out var item))
        {
            if (_entries.TryGetValue(item.Id, out var entry) && entry.Version == item.Version)
            {
                _entries.Remove(item.Id);
                if (entry.Expires > now)
                {
                    Interlocked.Increment(ref _evictions);
                    _evictionCounter?.Add(1);
                }
            }
        }
    }

    /// <summary>Drops expired ids and stale order items (at most once a minute unless the cap is reached).</summary>
    private void Sweep(DateTimeOffset now)
    {
        _nextSweep = now + TimeSpan.FromMinutes(1);
        var live = new Queue<(string Id, long Version)>(_entries.Count);
        while (_order.TryDequeue(out var item))
        {
            if (!_entries.TryGetValue(item.Id, out var entry) || entry.Version != item.Version)
            {
                continue;
            }

            if (entry.Expires <= now)
            {
                _entries.Remove(item.Id);
                continue;
            }

            live.Enqueue(item);
        }

        foreach (var item in live)
        {
            _order.Enqueue(item);
        }
    }

    private readonly record struct Entry(DateTimeOffset Expires, bool Handled, long Version);
}
