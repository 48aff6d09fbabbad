using System;
using System.Collections.Generic;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.LiveEvents;

/// <summary>
/// Turns a <see cref="LiveSubscription{T}"/> into the items of ASP.NET Core's own Server-Sent Events result
/// (<c>TypedResults.ServerSentEvents</c>: the framing is the framework's): the opening items, the replay, then live
/// events, with a heartbeat every interval (so proxies keep an idle connection). Ends when the client goes (no exception) or
/// is dropped (its queue completed); the subscription is disposed either way.
/// </summary>
internal static class LiveEventStream
{
    /// <summary>The event type of the idle heartbeat (empty data; clients need not listen for it).</summary>
    public const string HeartbeatType = "heartbeat";

    public static async IAsyncEnumerable<SseItem<string>> ReadAsync<T>(
        LiveSubscription<T> subscription,
        IEnumerable<SseItem<string>> opening,
        Func<LiveEvent<T>, string, SseItem<string>> toItem,
        TimeSpan heartbeat,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class
    {
        using var _ = subscription;
        foreach (var item in opening)
        {
            yield return item;
        }

        foreach (var e in subscription.Replay)
        {
            yield return toItem(e, subscription.IdOf(e));
        }

        var reader = subscription.Events;
        Task<bool>? waiting = null;
        Task? timer = null; // one outstanding timer per client, not one per event
        while (!cancellationToken.IsCancellationRequested)
        {
            while (reader.TryRead(out var e))
            {
                yield return toItem(e, subscription.IdOf(e));
            }

            waiting ??= reader.WaitToReadAsync(cancellationToken).AsTask();
            timer ??= Task.Delay(heartbeat, cancellationToken);
            var done = await Task.WhenAny(waiting, timer).ConfigureAwait(false);
            if (done == waiting)
            {
                var open = await ObserveAsync(waiting).ConfigureAwait(false);
                waiting = null;
                if (!open)
                {
                    yield break; // dropped (queue completed) or the client went
                }
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                timer = null;
                yield return new SseItem<string>(string.Empty, HeartbeatType);
            }
        }
    }

    /// <summary>True when more events can be read; false when the queue completed or the client went.</summary>
    private static async Task<bool> ObserveAsync(Task<bool> waiting)
    {
        try
        {
            return await waiting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
