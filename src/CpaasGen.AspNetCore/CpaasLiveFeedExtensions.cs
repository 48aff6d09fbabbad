using System;
using System.Diagnostics.CodeAnalysis;
using Cpaas.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>app.MapCpaasLiveFeed("/sms/live").RequireAuthorization()</c>: the notifications the webhook endpoint
/// (<c>MapCpaasWebhook</c>) accepted, pushed live to the app's own clients (browsers, phones) over Server-Sent Events,
/// so every online client stays up to date in real time.
/// </summary>
public static class CpaasLiveFeedExtensions
{
    /// <summary>
    /// Maps a Server-Sent Events stream (<c>GET</c>, <c>text/event-stream</c>, written by ASP.NET Core's own
    /// <c>TypedResults.ServerSentEvents</c>) of the notifications the webhook accepts, after it has answered Kandy.
    /// <list type="bullet">
    /// <item><b>Authorization is required:</b> call <c>.RequireAuthorization(…)</c> on the result (the app's own policy),
    /// or <c>.AllowAnonymous()</c> for a feed anyone who can reach the app may read; without either (or an app-wide
    /// fallback policy) the app does not start.</item>
    /// <item><b>Events:</b> first <c>ready</c> (or <c>reset</c>: reload your state), then one <c>notification</c> event per
    /// notification, its data the notification's JSON (<c>kind</c>, <c>notificationId</c>, <c>projectNumber</c>,
    /// <c>remoteNumber</c>, <c>senderAddress</c>, <c>destinationAddress</c>, <c>message</c>, <c>messageId</c>,
    /// <c>dateTime</c>, …), and a <c>heartbeat</c> now and then.</item>
    /// <item><b>Filter:</b> <c>?number=%2B16135550100</c> (repeatable) streams only those project numbers' SMS.</item>
    /// <item><b>Resume:</b> a client that reconnects with <c>Last-Event-ID</c> (browsers' EventSource does it by itself)
    /// gets what it missed from a bounded replay buffer, with no gap and no duplicate.</item>
    /// <item><b>Slow clients</b> are disconnected when their bounded queue is full, never waited for: the webhook and the
    /// other clients never slow down.</item>
    /// </list>
    /// The feed is per app instance: it carries what this instance's webhook accepted.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/sms/live</c>.</param>
    /// <param name="configure">Per-feed settings, e.g. the numbers each user may watch.</param>
    /// <returns>The endpoint builder: add <c>RequireAuthorization(…)</c> (or <c>AllowAnonymous()</c>), CORS, rate limiting…</returns>
    /// <exception cref="InvalidOperationException">The webhook services are missing (<c>AddCpaasWebhooks</c>).</exception>
    public static IEndpointConventionBuilder MapCpaasLiveFeed(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, Action<CpaasLiveFeedEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (endpoints.ServiceProvider.GetService<LiveFeedHub>() is not { } hub)
        {
            throw new InvalidOperationException(
                "Unable to find the Kandy webhook services. The live feed streams what the webhook accepts: call "
                + "'builder.Services.AddCpaasWebhooks(builder.Configuration.GetSection(\"CpaasWebhooks\"))' and map the webhook with 'app.MapCpaasWebhook(…)'.");
        }

        var options = new CpaasLiveFeedEndpointOptions();
        configure?.Invoke(options);
        hub.MarkMapped(endpoints);
        var endpoint = new LiveFeedEndpoint(hub, options);
        return endpoints.MapGet(pattern, (RequestDelegate)endpoint.HandleAsync)
            .WithDisplayName("Kandy CPaaS live feed " + pattern)
            .WithMetadata(new LiveFeedEndpointMarker());
    }
}
