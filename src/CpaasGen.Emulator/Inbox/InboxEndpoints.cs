using System;
using System.Collections.Generic;
using System.IO;
using System.Net.ServerSentEvents;
using System.Threading.Tasks;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Webhooks;
using Cpaas.LiveEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpaas.Emulator.Inbox;

/// <summary>
/// The inbox page: <c>GET /</c> (static HTML, <c>/inbox.js</c> and <c>/inbox.css</c> from embedded resources, under a
/// strict Content-Security-Policy) and its live stream <c>GET /emulator/events</c> (Server-Sent Events written by
/// ASP.NET Core's own result): a <c>snapshot</c> first (or <c>ready</c> when a reconnecting page resumes with
/// <c>Last-Event-ID</c>), then every change (<see cref="InboxEvents"/>). The page texts a project number through
/// <c>POST /emulator/inbound</c>, the real inbound path.
/// </summary>
internal sealed class InboxEndpoints(EmulatorState state, WebhookDispatcher dispatcher)
{
    /// <summary>
    /// No inline script or style, nothing from elsewhere, no framing, no form posts: the page's own files and its own
    /// origin's API only. Message text is rendered with textContent, never as HTML.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, (byte[] Bytes, string ContentType)> _assets = new(StringComparer.Ordinal)
    {
        ["/"] = (Load("index.html"), "text/html; charset=utf-8"),
        ["/inbox.js"] = (Load("inbox.js"), "text/javascript; charset=utf-8"),
        ["/inbox.css"] = (Load("inbox.css"), "text/css; charset=utf-8"),
        ["/favicon.svg"] = (Load("favicon.svg"), "image/svg+xml"),
    };

    public void Map(IEndpointRouteBuilder app)
    {
        foreach (var path in _assets.Keys)
        {
            app.MapGet(path, AssetAsync);
        }

        app.MapGet("/emulator/events", EventsAsync);
    }

    private Task AssetAsync(HttpContext ctx)
    {
        var (bytes, contentType) = _assets[ctx.Request.Path.Value!];
        SecurityHeaders(ctx.Response);
        ctx.Response.Headers.CacheControl = "no-store";
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes.Length;
        return ctx.Response.Body.WriteAsync(bytes, ctx.RequestAborted).AsTask();
    }

    private async Task EventsAsync(HttpContext ctx)
    {
        var lastEventId = ctx.Request.Headers["Last-Event-ID"].ToString();
        LiveSubscription<InboxEvent> subscription;
        string? snapshot;

        // Publishers hold the state's lock, then the dispatcher's: subscribing under both means the snapshot holds
        // exactly the events before the subscription's position and the queue exactly those after it.
        lock (state.Gate)
        {
            (subscription, snapshot) = dispatcher.UnderLock(log =>
            {
                var s = state.Inbox.Broadcaster.Subscribe(lastEventId, null, ctx.Abort);
                return (s, s.Start == LiveStart.Resumed ? null : InboxEvents.Snapshot(state, log));
            });
        }

        var opening = snapshot is null
            ? new SseItem<string>("{\"start\":\"resumed\",\"replayed\":" + subscription.Replay.Count + "}", "ready")
            : new SseItem<string>(snapshot, "snapshot");
        opening = opening with { EventId = subscription.Position, ReconnectionInterval = Reconnect };
        SecurityHeaders(ctx.Response);
        var items = LiveEventStream.ReadAsync(subscription, [opening], static (e, id) => new SseItem<string>(e.Payload.Json, e.Payload.Type) { EventId = id }, Heartbeat, ctx.RequestAborted);
        try
        {
            await TypedResults.ServerSentEvents(items).ExecuteAsync(ctx).ConfigureAwait(false);
        }
        catch (Exception ex) when (ctx.RequestAborted.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            // The page went (or fell too far behind and was disconnected): the normal end of a stream.
        }
    }

    private static void SecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }

    private static byte[] Load(string name)
    {
        using var stream = typeof(InboxEndpoints).Assembly.GetManifestResourceStream("Cpaas.Emulator.Inbox." + name)
            ?? throw new InvalidOperationException("The inbox page's resource " + name + " is missing from the emulator assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
