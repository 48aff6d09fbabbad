using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading.Tasks;
using Cpaas;
using Cpaas.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>app.MapCpaasWebhook("/inbound-sms/webhook", handlers => handlers.OnInbound(sms => …))</c>: a POST endpoint that
/// parses Kandy notifications with <see cref="Notification.Parse(System.ReadOnlySpan{byte})"/>, answers 400 with a
/// problem-details body for malformed payloads, 401 for calls without the optional shared secret, acknowledges
/// duplicate deliveries without handling them twice, and answers 500 when a handler throws (so Kandy retries).
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

    /// <summary>Configures the webhook endpoints (shared secret, duplicate window, body limit).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to choose the duplicate store.</returns>
    public static CpaasWebhookBuilder AddCpaasWebhooks(this IServiceCollection services, Action<CpaasWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CpaasWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.DuplicateWindow > TimeSpan.Zero && o.HandlerLease > TimeSpan.Zero && o.MaxBodyBytes > 0 && !string.IsNullOrEmpty(o.SecretHeader) && !string.IsNullOrEmpty(o.SecretQueryParameter), "CpaasWebhookOptions: DuplicateWindow, HandlerLease and MaxBodyBytes must be positive and SecretHeader/SecretQueryParameter non-empty.")
            .ValidateOnStart();
        services.TryAddSingleton<ICpaasDuplicateStore>(_ => new InMemoryCpaasDuplicateStore());
        return new CpaasWebhookBuilder(services);
    }

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, CpaasWebhookHandlers handlers)
    {
        var endpoint = new CpaasWebhookEndpoint(handlers);
        return endpoints.MapPost(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("Kandy CPaaS webhook " + pattern);
    }
}

/// <summary>Chooses where duplicate notification ids are remembered.</summary>
public sealed class CpaasWebhookBuilder
{
    internal CpaasWebhookBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Remembers notification ids in the registered <see cref="IDistributedCache"/> (Redis, SQL Server…), for apps running several instances.</summary>
    /// <param name="keyPrefix">The cache key prefix.</param>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder UseDistributedCacheDuplicateStore(string keyPrefix = "cpaas:webhook:")
    {
        Services.Replace(ServiceDescriptor.Singleton<ICpaasDuplicateStore>(sp => new DistributedCacheCpaasDuplicateStore(sp.GetRequiredService<IDistributedCache>(), keyPrefix)));
        return this;
    }

    /// <summary>Uses a custom store.</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder UseDuplicateStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, ICpaasDuplicateStore
    {
        Services.Replace(ServiceDescriptor.Singleton<ICpaasDuplicateStore, TStore>());
        return this;
    }
}
