using System.Collections.Generic;
using System.Linq;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Webhooks;
using Cpaas.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.History;

using SmsMessage = Cpaas.Emulator.Wire.SmsMessage;
using SmsThread = Cpaas.Emulator.Wire.SmsThread;
using DeliveryStatus = Cpaas.Emulator.Wire.DeliveryStatus;
using SmsMessageDirection = Cpaas.Emulator.Wire.SmsMessageDirection;

/// <summary>The SMS history: <c>/cpaas/smsmessaging/v1/{userId}/remoteAddresses…</c> (threads, messages, status, deletion).</summary>
internal sealed partial class HistoryEndpoints(EmulatorState state, ApiPipeline pipeline)
{
    private const string Threads = "/cpaas/smsmessaging/v1/{userId}/remoteAddresses";
    private const string Thread = Threads + "/{remoteAddress}/localAddresses/{localAddress}";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Threads, pipeline.Authorized(ctx => Answer(ctx, Cursor.Threads, q => ListThreads(null, q))));
        app.MapGet(Threads + "/{remoteAddress}", pipeline.Authorized(ctx => Answer(ctx, Cursor.Threads, q => ListThreads(Remote(ctx), q))));
        // The SDKs send the list parameters to a single thread too: they are read (and refused when malformed), then ignored.
        app.MapGet(Thread, pipeline.Authorized(ctx => Answer(ctx, Cursor.Threads, _ => GetThread(ctx))));
        app.MapDelete(Thread, pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, DeleteThread(ctx))));
        app.MapGet(Thread + "/messages", pipeline.Authorized(ctx => Answer(ctx, Cursor.Messages, q => ListMessages(ctx, q))));
        app.MapGet(Thread + "/messages/{messageId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, GetMessage(ctx, statusOnly: false))));
        app.MapDelete(Thread + "/messages/{messageId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, DeleteMessage(ctx))));
        app.MapGet(Thread + "/messages/{messageId}/status", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, GetMessage(ctx, statusOnly: true))));
    }

    public static SmsMessage ToWire(Paths paths, StoredMessage m) => new()
    {
        Type = new SmsMessageDirection(m.Direction),
        MessageId = m.MessageId,
        Message = m.Text,
        Status = new DeliveryStatus(m.Status),
        DateTime = m.DateTime,
        ResourceUrl = paths.Message(m.Remote, m.Local, m.MessageId),
    };

    private static System.Threading.Tasks.Task Answer(HttpContext ctx, char cursorKind, System.Func<HistoryQuery, ApiResult> list)
        => HistoryQuery.TryParse(ctx.Request.Query, cursorKind, out var query) is { } error
            ? WireBody.WriteErrorAsync(ctx, error)
            : WireBody.WriteAsync(ctx, list(query));

    private static string Remote(HttpContext ctx) => ApiPipeline.AddressRoute(ctx, "remoteAddress");

    private static string Local(HttpContext ctx) => ApiPipeline.AddressRoute(ctx, "localAddress");

    private ApiResult ListThreads(string? remote, HistoryQuery query)
    {
        lock (state.Gate)
        {
            var threads = state.History.Threads
                .Where(t => remote is null || t.Remote == remote)
                .Where(t => !query.OnlyNew || t.Messages.Any(m => m.IsNew))
                .Where(t => query.LastMessageTime is null || t.Last.DateTime > query.LastMessageTime)
                .Where(t => query.Before is null || t.Last.Sequence < query.Before)
                .OrderByDescending(t => t.Last.Sequence)
                .Skip(query.Offset)
                .Take(query.Max + 1)
                .ToList();
            var more = threads.Count > query.Max;
            if (more)
            {
                threads.RemoveAt(threads.Count - 1);
            }

            var list = new SmsThreadList
            {
                SmsThread = [.. threads.Select(ToWire)],
                ResourceUrl = remote is null ? state.Paths.Threads : state.Paths.ThreadsWith(remote),
                Next = more ? Cursor.Encode(Cursor.Threads, threads[^1].Last.Sequence) : null,
            };
            return new ApiResult(200, new SmsThreadListResponseBody { SmsThreadList = list });
        }
    }

    private ApiResult GetThread(HttpContext ctx)
    {
        lock (state.Gate)
        {
            return state.History.Thread(Remote(ctx), Local(ctx)) is { } thread
                ? new ApiResult(200, new SmsThreadResponseBody { SmsThread = ToWire(thread) })
                : Errors.NotFound(ApiPipeline.PathOf(ctx));
        }
    }

    private ApiResult DeleteThread(HttpContext ctx)
    {
        var (remote, local) = (Remote(ctx), Local(ctx));
        int count;
        lock (state.Gate)
        {
            count = state.History.RemoveThread(remote, local);
        }

        if (count < 0)
        {
            return Errors.NotFound(ApiPipeline.PathOf(ctx));
        }

        Log.ThreadDeleted(state.Logger, PhoneMasking.MaskAddress(remote), PhoneMasking.MaskAddress(local), count);
        return ApiResult.NoContent;
    }

    private ApiResult ListMessages(HttpContext ctx, HistoryQuery query)
    {
        var (remote, local) = (Remote(ctx), Local(ctx));
        lock (state.Gate)
        {
            if (state.History.Thread(remote, local) is not { } thread)
            {
                return Errors.NotFound(ApiPipeline.PathOf(ctx));
            }

            var page = new List<StoredMessage>();
            var skipped = 0;
            for (var i = thread.Messages.Count - 1; i >= 0 && page.Count <= query.Max; i--)
            {
                var m = thread.Messages[i];
                if ((query.Before is null || m.Sequence < query.Before)
                    && (!query.OnlyNew || m.IsNew)
                    && (query.LastMessageTime is null || m.DateTime > query.LastMessageTime)
                    && skipped++ >= query.Offset)
                {
                    page.Add(m);
                }
            }

            var more = page.Count > query.Max;
            if (more)
            {
                page.RemoveAt(page.Count - 1);
            }

            foreach (var m in page)
            {
                m.Pulled = true;
            }

            thread.LastPullTime = state.NowMs;
            var list = new SmsMessageList
            {
                SmsMessage = [.. page.Select(m => ToWire(state.Paths, m))],
                ResourceUrl = state.Paths.Messages(remote, local),
                Next = more ? Cursor.Encode(Cursor.Messages, page[^1].Sequence) : null,
            };
            return new ApiResult(200, new SmsMessageListResponseBody { SmsMessageList = list });
        }
    }

    private ApiResult GetMessage(HttpContext ctx, bool statusOnly)
    {
        lock (state.Gate)
        {
            if (state.History.Thread(Remote(ctx), Local(ctx)) is not { } thread
                || !thread.ById.TryGetValue(ApiPipeline.Route(ctx, "messageId"), out var m))
            {
                return Errors.NotFound(ApiPipeline.PathOf(ctx));
            }

            if (statusOnly)
            {
                return new ApiResult(200, new SmsMessageStatusResponseBody { Status = new DeliveryStatus(m.Status) });
            }

            m.Pulled = true;
            thread.LastPullTime = state.NowMs;
            return new ApiResult(200, new SmsMessageResponseBody { SmsMessage = ToWire(state.Paths, m) });
        }
    }

    private ApiResult DeleteMessage(HttpContext ctx)
    {
        var (remote, local, messageId) = (Remote(ctx), Local(ctx), ApiPipeline.Route(ctx, "messageId"));
        OutgoingNotification notification;
        lock (state.Gate)
        {
            if (state.History.Message(remote, local, messageId) is not { } m)
            {
                return Errors.NotFound(ApiPipeline.PathOf(ctx));
            }

            state.History.Remove(m);
            notification = Notifications.MessageDeleted(state.NowMs, state.Paths.Message(remote, local, messageId), state.TargetsFor(local));
        }

        Log.MessageDeleted(state.Logger, messageId);
        state.Dispatch([notification]);
        return ApiResult.NoContent;
    }

    private SmsThread ToWire(ThreadState t) => new()
    {
        RemoteAddress = t.Remote,
        LocalAddress = t.Local,
        ThreadDetails = new SmsThreadDetails
        {
            FirstMessageTime = t.Messages[0].DateTime,
            LastMessageTime = t.Last.DateTime,
            LastPullTime = t.LastPullTime,
            LastText = t.Last.Text,
            Length = t.Messages.Count,
            NewMessageCount = t.Messages.Count(m => m.IsNew),
        },
        ResourceUrl = state.Paths.Thread(t.Remote, t.Local),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "SMS message {MessageId} deleted")]
        public static partial void MessageDeleted(ILogger logger, string messageId);

        [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "SMS thread {Remote}/{Local} deleted ({Count} message(s))")]
        public static partial void ThreadDeleted(ILogger logger, string remote, string local, int count);
    }
}
