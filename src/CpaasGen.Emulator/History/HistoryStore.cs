using System;
using System.Collections.Generic;
using System.Linq;

namespace Cpaas.Emulator.History;

/// <summary>One destination's status of a send, as the send answered it.</summary>
internal sealed record SentTo(string Address, string DeliveryStatus);

internal sealed class StoredMessage
{
    public required string MessageId { get; init; }
    public required string Remote { get; init; }
    public required string Local { get; init; }
    /// <summary>"Inbound" or "Outbound".</summary>
    public required string Direction { get; init; }
    public required string Text { get; init; }
    /// <summary>The delivery status; a delivery receipt (<see cref="CpaasEmulatorOptions.DeliveryReceipts"/>) updates an outbound message's.</summary>
    public required string Status { get; set; }
    public required long DateTime { get; init; }
    /// <summary>Insertion order over the whole history; also the paging cursor.</summary>
    public required long Sequence { get; init; }
    /// <summary>For a sent message: every destination of the send with its status (shared by the copies of one send).</summary>
    public IReadOnlyList<SentTo>? SentTo { get; init; }
    public bool Pulled { get; set; }
    public LinkedListNode<StoredMessage>? HistoryNode { get; set; }
    public bool IsNew => !Pulled && Direction == "Inbound";
}

internal sealed class ThreadState(string remote, string local)
{
    public string Remote { get; } = remote;
    public string Local { get; } = local;
    /// <summary>Oldest first.</summary>
    public List<StoredMessage> Messages { get; } = [];
    public Dictionary<string, StoredMessage> ById { get; } = new(StringComparer.Ordinal);
    public long LastPullTime { get; set; }
    public StoredMessage Last => Messages[^1];
}

/// <summary>
/// The stored SMS history: threads (one per remote/local pair) of messages, with the trial cap (the oldest messages
/// go first) and an index by message id (one send to several destinations is one id in several threads). Not
/// thread-safe: used under <see cref="State.EmulatorState.Gate"/>. Every change is
/// published to the inbox page (<see cref="Inbox.InboxEvents"/>) under that lock.
/// </summary>
internal sealed class HistoryStore(int cap, Inbox.InboxEvents inbox)
{
    private readonly Dictionary<(string Remote, string Local), ThreadState> _threads = [];
    private readonly Dictionary<string, List<StoredMessage>> _byId = new(StringComparer.Ordinal);
    private readonly LinkedList<StoredMessage> _history = new();
    private long _sequence;

    public int Count => _history.Count;

    /// <summary>Every stored message, oldest first.</summary>
    public IEnumerable<StoredMessage> All => _history;

    public IEnumerable<ThreadState> Threads => _threads.Values;

    public ThreadState? Thread(string remote, string local) => _threads.GetValueOrDefault((remote, local));

    public StoredMessage? Message(string remote, string local, string messageId)
        => Thread(remote, local) is { } thread ? thread.ById.GetValueOrDefault(messageId) : null;

    /// <summary>The stored copies of one message id (several for a send to several destinations).</summary>
    public IReadOnlyList<StoredMessage> Copies(string messageId) => _byId.TryGetValue(messageId, out var copies) ? copies : [];

    /// <summary>Stores a message and enforces the cap; returns how many of the oldest messages were removed.</summary>
    public int Store(string remote, string local, string direction, string text, string status, long now, string messageId, IReadOnlyList<SentTo>? sentTo = null)
    {
        if (!_threads.TryGetValue((remote, local), out var thread))
        {
            thread = new ThreadState(remote, local);
            _threads.Add((remote, local), thread);
        }

        var message = new StoredMessage
        {
            MessageId = messageId,
            Remote = remote,
            Local = local,
            Direction = direction,
            Text = text,
            Status = status,
            DateTime = now,
            Sequence = ++_sequence,
            SentTo = sentTo,
        };
        thread.Messages.Add(message);
        thread.ById[messageId] = message;
        message.HistoryNode = _history.AddLast(message);
        if (!_byId.TryGetValue(messageId, out var copies))
        {
            _byId[messageId] = copies = [];
        }

        copies.Add(message);
        inbox.MessageStored(message);

        var evicted = 0;
        while (_history.Count > cap)
        {
            Remove(_history.First!.Value);
            evicted++;
        }

        return evicted;
    }

    public void Remove(StoredMessage message)
    {
        if (message.HistoryNode is not null)
        {
            _history.Remove(message.HistoryNode);
            message.HistoryNode = null;
        }

        if (_byId.TryGetValue(message.MessageId, out var copies) && copies.Remove(message) && copies.Count == 0)
        {
            _byId.Remove(message.MessageId);
        }

        var key = (message.Remote, message.Local);
        if (_threads.TryGetValue(key, out var thread))
        {
            thread.Messages.Remove(message);
            thread.ById.Remove(message.MessageId);
            if (thread.Messages.Count == 0)
            {
                _threads.Remove(key);
            }
        }

        inbox.MessageRemoved(message);
    }

    /// <summary>Removes a thread with all its messages; returns how many there were, or -1 when there is no such thread.</summary>
    public int RemoveThread(string remote, string local)
    {
        if (Thread(remote, local) is not { } thread)
        {
            return -1;
        }

        var count = thread.Messages.Count;
        foreach (var m in thread.Messages.ToList())
        {
            Remove(m);
        }

        return count;
    }
}
