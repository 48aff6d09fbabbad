using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Channels;

namespace Cpaas.LiveEvents;

/// <summary>One published event: its sequence number (1, 2, …: the SSE id is <c>epoch-sequence</c>) and its payload.</summary>
internal sealed record LiveEvent<T>(long Sequence, T Payload);

/// <summary>How a subscription starts, given the <c>Last-Event-ID</c> the client sent.</summary>
internal enum LiveStart
{
    /// <summary>No <c>Last-Event-ID</c>: the client starts at the current position; nothing is replayed.</summary>
    Fresh,

    /// <summary>The client's last event is still in the replay buffer: everything after it is replayed, then live.</summary>
    Resumed,

    /// <summary>
    /// The client's last event cannot be resumed from (older than the replay buffer, from another process, or
    /// malformed): the client starts at the current position and must reload its state.
    /// </summary>
    Reset,
}

/// <summary>
/// The one owner of "live events to connected clients" (the live feed of CpaasGen.AspNetCore and the emulator's inbox
/// page compile this same file): a bounded replay buffer for <c>Last-Event-ID</c> resumption, and a bounded queue per
/// subscriber. Publishing never blocks and never waits for a subscriber: a subscriber whose queue is full is dropped
/// (its queue completed, <c>onDropped</c> called), and resumes from the replay buffer when it reconnects. Ids carry an
/// epoch (random per instance), so an id from another process or an earlier run is never mistaken for one of ours.
/// Thread-safe; one lock, held only for the short, non-blocking bookkeeping.
/// </summary>
internal sealed class LiveEventBroadcaster<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly LiveEvent<T>?[] _ring;
    private readonly int _queueCapacity;
    private readonly List<Subscriber> _subscribers = [];
    private long _last;
    private long _dropped;

    public LiveEventBroadcaster(int replayCapacity, int queueCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replayCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        _ring = new LiveEvent<T>?[replayCapacity];
        _queueCapacity = queueCapacity;
        Epoch = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4));
    }

    /// <summary>This instance's id prefix.</summary>
    public string Epoch { get; }

    /// <summary>The subscribers connected now.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>How many subscribers were dropped because their queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The SSE id of an event.</summary>
    public string IdOf(long sequence) => Epoch + "-" + sequence.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Publishes an event: keeps it in the replay buffer and offers it to every subscriber whose filter takes it. Never
    /// blocks; subscribers that cannot take it are dropped.
    /// </summary>
    /// <returns>The published event.</returns>
    public LiveEvent<T> Publish(T payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        List<Subscriber>? dropped = null;
        LiveEvent<T> published;
        lock (_gate)
        {
            published = new LiveEvent<T>(++_last, payload);
            _ring[published.Sequence % _ring.Length] = published;
            for (var i = _subscribers.Count - 1; i >= 0; i--)
            {
                var subscriber = _subscribers[i];
                if (subscriber.Filter is { } filter && !filter(payload))
                {
                    continue;
                }

                if (!subscriber.Queue.Writer.TryWrite(published))
                {
                    _subscribers.RemoveAt(i);
                    subscriber.Queue.Writer.TryComplete();
                    (dropped ??= []).Add(subscriber);
                }
            }
        }

        if (dropped is not null)
        {
            Interlocked.Add(ref _dropped, dropped.Count);
            foreach (var subscriber in dropped)
            {
                subscriber.OnDropped();
            }
        }

        return published;
    }

    /// <summary>
    /// Subscribes, atomically with reading the replay buffer: every event published after this call is in the queue,
    /// every event before it is either replayed (when resuming) or behind the client's start position, so nothing is
    /// lost or repeated.
    /// </summary>
    /// <param name="lastEventId">The client's <c>Last-Event-ID</c>, or null.</param>
    /// <param name="filter">Which payloads this subscriber takes (null: all).</param>
    /// <param name="onDropped">Called (outside the lock) when the subscriber is dropped for a full queue.</param>
    public LiveSubscription<T> Subscribe(string? lastEventId, Func<T, bool>? filter, Action onDropped)
    {
        ArgumentNullException.ThrowIfNull(onDropped);
        var queue = Channel.CreateBounded<LiveEvent<T>>(new BoundedChannelOptions(_queueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var subscriber = new Subscriber(queue, filter, onDropped);
        lock (_gate)
        {
            var start = LiveStart.Fresh;
            var position = _last;
            var replay = new List<LiveEvent<T>>();
            if (!string.IsNullOrEmpty(lastEventId))
            {
                var oldest = Math.Max(1, _last - _ring.Length + 1);
                if (TryParse(lastEventId, out var last) && last >= oldest - 1 && last <= _last)
                {
                    start = LiveStart.Resumed;
                    position = last;
                    for (var sequence = last + 1; sequence <= _last; sequence++)
                    {
                        var e = _ring[sequence % _ring.Length]!;
                        if (filter is null || filter(e.Payload))
                        {
                            replay.Add(e);
                        }
                    }
                }
                else
                {
                    start = LiveStart.Reset;
                }
            }

            _subscribers.Add(subscriber);
            return new LiveSubscription<T>(this, subscriber, start, IdOf(position), replay);
        }
    }

    internal void Unsubscribe(Subscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }

        subscriber.Queue.Writer.TryComplete();
    }

    private bool TryParse(string id, out long sequence)
    {
        sequence = 0;
        return id.Length > Epoch.Length + 1
            && id.StartsWith(Epoch, StringComparison.Ordinal)
            && id[Epoch.Length] == '-'
            && long.TryParse(id.AsSpan(Epoch.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    internal sealed class Subscriber(Channel<LiveEvent<T>> queue, Func<T, bool>? filter, Action onDropped)
    {
        public Channel<LiveEvent<T>> Queue { get; } = queue;

        public Func<T, bool>? Filter { get; } = filter;

        public Action OnDropped { get; } = onDropped;
    }
}

/// <summary>
/// One client's subscription: how it starts (<see cref="Start"/>, <see cref="Position"/>), what it missed
/// (<see cref="Replay"/>) and its live queue (<see cref="Events"/>, completed when the client is dropped). Dispose it
/// when the client goes.
/// </summary>
internal sealed class LiveSubscription<T> : IDisposable
    where T : class
{
    private readonly LiveEventBroadcaster<T> _owner;
    private readonly LiveEventBroadcaster<T>.Subscriber _subscriber;
    private int _disposed;

    internal LiveSubscription(LiveEventBroadcaster<T> owner, LiveEventBroadcaster<T>.Subscriber subscriber, LiveStart start, string position, IReadOnlyList<LiveEvent<T>> replay)
    {
        _owner = owner;
        _subscriber = subscriber;
        Start = start;
        Position = position;
        Replay = replay;
    }

    public LiveStart Start { get; }

    /// <summary>The SSE id of the last event the client has (resumed) or of the newest event now (fresh, reset).</summary>
    public string Position { get; }

    /// <summary>The events after the client's <c>Last-Event-ID</c> that its filter takes, oldest first (resumed only).</summary>
    public IReadOnlyList<LiveEvent<T>> Replay { get; }

    /// <summary>The live events, in publication order; completed when the client is dropped.</summary>
    public ChannelReader<LiveEvent<T>> Events => _subscriber.Queue.Reader;

    public string IdOf(LiveEvent<T> e) => _owner.IdOf(e.Sequence);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _owner.Unsubscribe(_subscriber);
        }
    }
}
