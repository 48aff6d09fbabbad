using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

internal sealed class ChannelRecord
{
    public required string Id { get; init; }

    public required string WebhookUrl { get; init; }

    public string? Authorization { get; init; }

    public JsonNode? ClientCorrelator { get; init; }

    public required JsonObject ChannelData { get; init; }

    public required string ResourceUrl { get; init; }
}

internal sealed class SubscriptionRecord
{
    public required string Id { get; init; }

    public required string Destination { get; init; }

    public required string NotifyUrl { get; init; }

    public JsonNode? ClientCorrelator { get; init; }

    public required string ResourceUrl { get; init; }
}

internal sealed class MessageRecord
{
    public required string Id { get; init; }

    /// <summary><c>Inbound</c> or <c>Outbound</c>, as the wire writes it.</summary>
    public required string Direction { get; init; }

    public required string Text { get; init; }

    public required string Status { get; init; }

    public required long DateTime { get; init; }
}

internal sealed class ThreadRecord
{
    public ThreadRecord(string remote, string local)
    {
        Remote = remote;
        Local = local;
    }

    public string Remote { get; }

    public string Local { get; }

    public List<MessageRecord> Messages { get; } = new();

    public long? LastPullTime { get; set; }

    public long FirstMessageTime => Messages.Count == 0 ? 0 : Messages.Min(m => m.DateTime);

    public long LastMessageTime => Messages.Count == 0 ? 0 : Messages.Max(m => m.DateTime);

    /// <summary>Inbound messages not yet listed by the user.</summary>
    public int NewCount => Messages.Count(m => m.Direction == "Inbound" && (LastPullTime is null || m.DateTime > LastPullTime));
}

/// <summary>Everything the stubs remember between calls. Every access holds <see cref="Gate"/>.</summary>
internal sealed class KitState
{
    public object Gate { get; } = new();

    public List<ChannelRecord> Channels { get; } = new();

    public List<SubscriptionRecord> Subscriptions { get; } = new();

    public List<ThreadRecord> Threads { get; } = new();

    public HashSet<string> ImpossibleDestinations { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool AllDestinationsImpossible { get; set; }

    public HashSet<string> ForbiddenSenders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Access tokens this server issued; kept across resets so clients holding one keep working.</summary>
    public ConcurrentDictionary<string, byte> IssuedTokens { get; } = new(StringComparer.Ordinal);

    public ThreadRecord Thread(string remote, string local)
    {
        var thread = FindThread(remote, local);
        if (thread is null)
        {
            thread = new ThreadRecord(remote, local);
            Threads.Add(thread);
        }

        return thread;
    }

    public ThreadRecord? FindThread(string remote, string local)
        => Threads.FirstOrDefault(t => string.Equals(t.Remote, remote, StringComparison.Ordinal) && string.Equals(t.Local, local, StringComparison.Ordinal));

    public void ResetBehaviours()
    {
        ImpossibleDestinations.Clear();
        AllDestinationsImpossible = false;
        ForbiddenSenders.Clear();
    }

    public void Clear()
    {
        Channels.Clear();
        Subscriptions.Clear();
        Threads.Clear();
        ResetBehaviours();
    }
}
