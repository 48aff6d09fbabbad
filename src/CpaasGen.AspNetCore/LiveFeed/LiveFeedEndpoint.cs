using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.LiveEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cpaas.AspNetCore;

/// <summary>
/// One mapped live feed: <c>GET pattern[?number=+1…&amp;number=…]</c> answers a Server-Sent Events stream
/// (ASP.NET Core's <c>TypedResults.ServerSentEvents</c>): a <c>ready</c> event (or <c>reset</c>, when the client's
/// <c>Last-Event-ID</c> cannot be resumed from), the notifications it missed, then each notification the webhook
/// accepts as a <c>notification</c> event whose data is the notification's JSON.
/// </summary>
internal sealed partial class LiveFeedEndpoint(LiveFeedHub hub, CpaasLiveFeedEndpointOptions options)
{
    internal const int MaxNumbersPerClient = 20;

    public async Task HandleAsync(HttpContext context)
    {
        // The start-up check (LiveFeedStartup) normally stops an app whose feed has no authorization choice; this
        // covers hosts it cannot see (endpoints added after start): never stream without a choice.
        if (context.GetEndpoint() is { } endpoint && !LiveFeedAuthorization.HasChoice(endpoint.Metadata, context.RequestServices))
        {
            LogNoAuthorizationChoice(hub.Logger, endpoint.DisplayName ?? "live feed");
            await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Live feed not configured",
                detail: "The live feed has no authorization choice; see the app's log.").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var (numbers, problem) = ParseNumbers(context.Request.Query["number"]);
        if (problem is not null)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid number filter", detail: problem).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (options.AllowedNumbers is { } allowedNumbers && await allowedNumbers(context).ConfigureAwait(false) is { } allowed)
        {
            var allowedKeys = new HashSet<string>(allowed.Select(n => LiveFeedNumbers.Key(n)!), StringComparer.Ordinal);
            if (numbers is null)
            {
                numbers = allowedKeys;
            }
            else if (!numbers.IsSubsetOf(allowedKeys))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Number not allowed",
                    detail: "The live feed of at least one of the requested numbers is not open to this user.").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        Func<LiveFeedEvent, bool>? filter = numbers is null ? null : e => e.ProjectNumber is { } n && numbers.Contains(n);
        var lastEventId = context.Request.Headers["Last-Event-ID"].ToString();
        var dropped = 0;
        var subscription = hub.Broadcaster.Subscribe(lastEventId, filter, () =>
        {
            Volatile.Write(ref dropped, 1);
            context.Abort(); // a stalled client may be blocked in a write: end the connection, not just the stream
        });
        hub.Metrics.ClientConnected();
        try
        {
            LogConnected(hub.Logger, subscription.Start, subscription.Replay.Count);
            context.Response.Headers["X-Accel-Buffering"] = "no"; // nginx: do not buffer the stream
            var items = LiveEventStream.ReadAsync(subscription, Opening(subscription), ToItem, hub.Options.HeartbeatInterval, context.RequestAborted);
            await TypedResults.ServerSentEvents(items).ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or System.IO.IOException)
        {
            // The client went (or was dropped) mid-write: the normal end of a stream.
        }
        finally
        {
            subscription.Dispose();
            hub.Metrics.ClientDisconnected();
            if (Volatile.Read(ref dropped) == 1)
            {
                hub.Metrics.ClientDropped();
                LogDropped(hub.Logger, hub.Options.ClientQueueCapacity);
            }
        }
    }

    private IEnumerable<SseItem<string>> Opening(LiveSubscription<LiveFeedEvent> subscription)
    {
        var (type, data) = subscription.Start switch
        {
            LiveStart.Reset => ("reset", "{\"start\":\"reset\",\"reason\":\"The Last-Event-ID is older than the replay buffer or from another instance: reload your state.\"}"),
            LiveStart.Resumed => ("ready", "{\"start\":\"resumed\",\"replayed\":" + subscription.Replay.Count + "}"),
            _ => ("ready", "{\"start\":\"fresh\"}"),
        };
        yield return new SseItem<string>(data, type) { EventId = subscription.Position, ReconnectionInterval = hub.Options.ReconnectInterval };
    }

    private static SseItem<string> ToItem(LiveEvent<LiveFeedEvent> e, string id) => new(e.Payload.Json, "notification") { EventId = id };

    /// <summary>The <c>number</c> query values as keys, or null for no filter; '+' arrives decoded as a space when not escaped as %2B.</summary>
    internal static (HashSet<string>? Numbers, string? Problem) ParseNumbers(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return (null, null);
        }

        if (values.Count > MaxNumbersPerClient)
        {
            return (null, "At most " + MaxNumbersPerClient + " numbers may be watched by one connection.");
        }

        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in values)
        {
            var value = raw ?? string.Empty;
            if (value.Length > 1 && value[0] == ' ' && char.IsAsciiDigit(value[1]))
            {
                value = "+" + value[1..];
            }

            if (!PhoneAddress.TryValidate(value, out var error))
            {
                return (null, "number: " + error);
            }

            numbers.Add(LiveFeedNumbers.Key(value)!);
        }

        return (numbers, null);
    }

    [LoggerMessage(41, LogLevel.Debug, "Live feed client connected ({Start}, {Replayed} notifications replayed)")]
    private static partial void LogConnected(ILogger logger, LiveStart start, int replayed);

    [LoggerMessage(42, LogLevel.Warning, "Live feed dropped a client that fell {Capacity} notifications behind (a slow or stalled connection); it resumes from the replay buffer when it reconnects")]
    private static partial void LogDropped(ILogger logger, int capacity);

    [LoggerMessage(43, LogLevel.Error, "{Endpoint} has no authorization choice and streams nothing: add .RequireAuthorization(…) or, for a feed anyone may read, .AllowAnonymous()")]
    private static partial void LogNoAuthorizationChoice(ILogger logger, string endpoint);
}
