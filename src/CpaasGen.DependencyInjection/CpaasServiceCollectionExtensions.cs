using System;
using System.Net.Http;
using Cpaas;
using Cpaas.DependencyInjection;
using Cpaas.DependencyInjection.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="CpaasClient"/>: <c>services.AddCpaasClient(configuration.GetSection("Cpaas"))</c>.
/// Options are bound and validated at startup (a missing <c>ClientId</c>, a bad or plain-http <c>BaseUrl</c>, a secret with
/// a trailing newline stops the app with a message naming the key); the client runs on a named <see cref="HttpClient"/>
/// from IHttpClientFactory whose handler never follows redirects. The client's own request pipeline is the same as
/// under <c>new CpaasClient(…)</c>: it owns retries (<see cref="CpaasClientOptions.Retry"/>, honoured as configured; an SMS is
/// never re-sent once it may have reached the server), the timeout, authentication and telemetry. No second retry layer
/// is added: handlers added to the returned builder run once per attempt, below the SDK's pipeline.
/// </summary>
public static class CpaasServiceCollectionExtensions
{
    /// <summary>The name of the default client: its options name and its name in <see cref="ICpaasClientFactory"/>.</summary>
    public const string DefaultName = "Cpaas";

    /// <summary>Registers the default <see cref="CpaasClient"/> from a configuration section (keys: BaseUrl, ClientId, ClientSecret, Email, Password, ClientCorrelator, Timeout, MaxResponseBytes, AllowInsecureTransport, Retry:MaxRetries, Retry:BaseDelay, Retry:MaxDelay).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Cpaas")</c>.</param>
    /// <returns>The builder of the client's HttpClient: the one place to add handlers or configure it (they run once per attempt, below the SDK's retry and authentication).</returns>
    public static IHttpClientBuilder AddCpaasClient(this IServiceCollection services, IConfiguration configuration)
        => AddCore(services, DefaultName, keyed: false, configuration, null);

    /// <summary>Registers the default <see cref="CpaasClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's HttpClient: the one place to add handlers or configure it (they run once per attempt, below the SDK's retry and authentication).</returns>
    public static IHttpClientBuilder AddCpaasClient(this IServiceCollection services, Action<CpaasClientOptions> configure)
        => AddCore(services, DefaultName, keyed: false, null, configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>
    /// Registers a named client for one Kandy project, resolved as a keyed service
    /// (<c>[FromKeyedServices("eu")] CpaasClient client</c>) or through <see cref="ICpaasClientFactory"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (also its service key).</param>
    /// <param name="configuration">Its configuration section.</param>
    /// <returns>The builder of the client's HttpClient: the one place to add handlers or configure it (they run once per attempt, below the SDK's retry and authentication).</returns>
    public static IHttpClientBuilder AddCpaasClient(this IServiceCollection services, string name, IConfiguration configuration)
        => AddCore(services, RequireName(name), keyed: true, configuration, null);

    /// <summary>Registers a named (keyed) client configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (also its service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's HttpClient: the one place to add handlers or configure it (they run once per attempt, below the SDK's retry and authentication).</returns>
    public static IHttpClientBuilder AddCpaasClient(this IServiceCollection services, string name, Action<CpaasClientOptions> configure)
        => AddCore(services, RequireName(name), keyed: true, null, configure ?? throw new ArgumentNullException(nameof(configure)));

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name, bool keyed, IConfiguration? configuration, Action<CpaasClientOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CpaasClientOptions>(name);
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        var prefix = configuration is IConfigurationSection section ? section.Path : "CpaasClientOptions";
        services.AddSingleton<IValidateOptions<CpaasClientOptions>>(new CpaasOptionsValidator(name, prefix));
        options.ValidateOnStart();

        services.TryAddSingleton<ICpaasClientFactory, CpaasClientFactory>();
        if (keyed)
        {
            services.AddKeyedSingleton<CpaasClient>(name, (sp, _) => sp.GetRequiredService<ICpaasClientFactory>().GetClient(name));
        }
        else
        {
            services.TryAddSingleton(sp => sp.GetRequiredService<ICpaasClientFactory>().GetClient(name));
        }

        // The client is a long-lived singleton: rotate connections with the pooled lifetime instead of the handler lifetime.
        // Redirects are never followed: a redirected token request would carry the client secret to another host.
        // No resilience handler: the SDK's RetryPolicy is the one retry owner (docs/reliability.md, section 10, says why).
        return services.AddHttpClient(HttpClientName(name))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
            .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>The IHttpClientFactory name of a registered client's HttpClient (configure it through the builder <c>AddCpaasClient</c> returns).</summary>
    internal static string HttpClientName(string name) => "CpaasGen." + name;

    private static string RequireName(string name)
        => string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("The client name must not be empty.", nameof(name)) : name;
}
