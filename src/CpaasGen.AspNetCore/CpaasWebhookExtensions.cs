using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Cpaas;
using Cpaas.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>services.AddCpaasWebhooks(configuration.GetSection("CpaasWebhooks"))</c> then
/// <c>app.MapCpaasWebhook("/inbound-sms/webhook", handlers => handlers.OnInbound(sms => …))</c>: a POST endpoint that
/// requires the shared secret (401 without it), takes JSON only (415 otherwise), parses Kandy notifications with
/// <see cref="Notification.Parse(System.ReadOnlySpan{byte})"/>, answers 400 with a problem-details body for malformed
/// payloads, acknowledges duplicate deliveries without handling them twice, and answers 500 when a handler throws
/// (so Kandy retries).
/// </summary>
public static class CpaasWebhookExtensions
{
    /// <summary>Maps a webhook with typed handlers per notification kind.</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/inbound-sms/webhook</c>.</param>
    /// <param name="configure">Registers the handlers.</param>
    /// <returns>The endpoint builder (add authorization, rate limiting…).</returns>
    public static IEndpointConventionBuilder MapCpaasWebhook(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, Action<CpaasWebhookHandlers> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new CpaasWebhookHandlers();
        configure(handlers);
        return Map(endpoints, pattern, handlers);
    }

    /// <summary>Maps a webhook with one handler for every notification kind.</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route.</param>
    /// <param name="handler">Receives each (non-duplicate) notification and the request context.</param>
    /// <returns>The endpoint builder.</returns>
    public static IEndpointConventionBuilder MapCpaasWebhook(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern, Func<CpaasNotification, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, new CpaasWebhookHandlers().OnAny(handler));
    }

    /// <summary>Maps a webhook handled by a <see cref="CpaasWebhookHandler"/> subclass, resolved from the request's services (or created with its constructor's services).</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route.</param>
    /// <returns>The endpoint builder.</returns>
    public static IEndpointConventionBuilder MapCpaasWebhook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
        where THandler : CpaasWebhookHandler
        => Map(endpoints, pattern, CpaasWebhookHandlers.FromHandler(context => ActivatorUtilities.GetServiceOrCreateInstance<THandler>(context.RequestServices)));

    /// <summary>
    /// Registers the webhook services and options (shared secret, duplicate window, limits), validated when the app
    /// starts: without a <see cref="CpaasWebhookOptions.SharedSecret"/> the app does not start, unless
    /// <see cref="CpaasWebhookBuilder.AllowUnauthenticated"/> is called. Duplicates are remembered in memory unless the
    /// returned builder chooses another store.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to choose the duplicate store or opt out of authentication.</returns>
    public static CpaasWebhookBuilder AddCpaasWebhooks(this IServiceCollection services, Action<CpaasWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CpaasWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CpaasWebhookOptions>, CpaasWebhookOptionsValidator>());
        options.ValidateOnStart();
        services.TryAddSingleton<CpaasWebhookMarker>();
        services.TryAddSingleton<CpaasWebhookMetrics>();
        services.TryAddSingleton<ICpaasDuplicateStore>(sp => new InMemoryCpaasDuplicateStore(null, sp.GetService<TimeProvider>(), sp.GetService<IMeterFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CpaasWebhookStartup>());

        // The live feed (MapCpaasLiveFeed): one hub per app, inert until a feed is mapped.
        services.AddOptions<CpaasLiveFeedOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CpaasLiveFeedOptions>, CpaasLiveFeedOptionsValidator>());
        services.TryAddSingleton<LiveFeedHub>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LiveFeedStartup>());
        return new CpaasWebhookBuilder(services);
    }

    /// <summary>
    /// Registers the webhook services with options bound from <paramref name="configuration"/> (e.g. the
    /// <c>CpaasWebhooks</c> section: <c>SharedSecret</c>, <c>DuplicateWindow</c>, …), then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind; keep <c>SharedSecret</c> in user-secrets or the environment (<c>CpaasWebhooks__SharedSecret</c>).</param>
    /// <param name="configure">Sets more options after binding.</param>
    /// <returns>A builder to choose the duplicate store or opt out of authentication.</returns>
    public static CpaasWebhookBuilder AddCpaasWebhooks(this IServiceCollection services, IConfiguration configuration, Action<CpaasWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddCpaasWebhooks(configure: null);
        services.AddOptions<CpaasWebhookOptions>().Bind(configuration);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, CpaasWebhookHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The MapHealthChecks convention: the services must be there when the endpoint is mapped, never a silent fallback.
        if (endpoints.ServiceProvider.GetService<CpaasWebhookMarker>() is null)
        {
            throw new InvalidOperationException(
                "Unable to find the Kandy webhook services. Add them by calling 'builder.Services.AddCpaasWebhooks(builder.Configuration.GetSection(\"CpaasWebhooks\"))' "
                + "(with CpaasWebhooks:SharedSecret set) before 'app.MapCpaasWebhook(…)'.");
        }

        var endpoint = new CpaasWebhookEndpoint(handlers);
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Kandy CPaaS webhook " + pattern);
    }
}
