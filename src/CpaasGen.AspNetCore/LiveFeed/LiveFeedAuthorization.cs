using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cpaas.AspNetCore;

/// <summary>Marks an endpoint as a live feed (found by the start-up check).</summary>
internal sealed class LiveFeedEndpointMarker;

/// <summary>
/// The feed's secure default: a live feed carries message text and numbers, so mapping one without saying who may read
/// it is refused, as a webhook without a shared secret is. The choice is the app's own authorization metadata:
/// <c>RequireAuthorization(…)</c> (or <c>[Authorize]</c> data, or an app-wide fallback policy), or an explicit
/// <c>AllowAnonymous()</c>.
/// </summary>
internal static class LiveFeedAuthorization
{
    public const string Fix =
        "Add the app's authorization to it: app.MapCpaasLiveFeed(\"…\").RequireAuthorization() (or a policy name), with "
        + "builder.Services.AddAuthentication(…) and AddAuthorization(); or, only for a feed anyone who can reach the app may read "
        + "(every SMS text and number it receives), app.MapCpaasLiveFeed(\"…\").AllowAnonymous().";

    public static bool HasChoice(EndpointMetadataCollection metadata, IServiceProvider services)
        => metadata.GetMetadata<IAllowAnonymous>() is not null
           || metadata.GetMetadata<IAuthorizeData>() is not null
           || metadata.GetMetadata<AuthorizationPolicy>() is not null
           || services.GetService<IOptions<AuthorizationOptions>>()?.Value.FallbackPolicy is not null;

    public static bool IsAnonymous(EndpointMetadataCollection metadata)
        => metadata.GetMetadata<IAllowAnonymous>() is not null && metadata.GetMetadata<IAuthorizeData>() is null && metadata.GetMetadata<AuthorizationPolicy>() is null;
}

/// <summary>
/// When the app starts: every mapped live feed must have an authorization choice, or the app does not start (the
/// message names the fix). A feed opened to anonymous readers is allowed but logged as a warning.
/// </summary>
internal sealed partial class LiveFeedStartup(IServiceProvider services, ILoggerFactory loggerFactory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<LiveFeedHub>() is not { IsMapped: true } hub)
        {
            return Task.CompletedTask;
        }

        // The route builders' own data sources: the app's routing copies them into its pipeline only after hosted
        // services start, and reading them builds each endpoint with every convention applied (RequireAuthorization…).
        var logger = loggerFactory.CreateLogger(LiveFeedHub.LogCategory);
        var feeds = hub.MappedOn.SelectMany(b => b.DataSources).SelectMany(d => d.Endpoints)
            .Where(e => e.Metadata.GetMetadata<LiveFeedEndpointMarker>() is not null);
        foreach (var endpoint in feeds)
        {
            var name = endpoint.DisplayName ?? "The live feed";
            if (!LiveFeedAuthorization.HasChoice(endpoint.Metadata, services))
            {
                throw new InvalidOperationException(
                    name + " streams every SMS text and number the webhook receives, and has no authorization: anyone who can reach the app could read them. "
                    + LiveFeedAuthorization.Fix);
            }

            if (LiveFeedAuthorization.IsAnonymous(endpoint.Metadata))
            {
                LogAnonymous(logger, name);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(44, LogLevel.Warning, "{Endpoint} allows anonymous readers (AllowAnonymous): anyone who can reach the app can read every SMS text and number the webhook receives")]
    private static partial void LogAnonymous(ILogger logger, string endpoint);
}
