using System;
using System.Net.Http;
using Cpaas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="CpaasClient"/>: <c>services.AddCpaasClient(configuration.GetSection("Cpaas"))</c>.
/// Options are bound and validated at startup (a missing <c>ClientId</c> or a bad <c>BaseUrl</c> stops the app with a
/// message naming the key); the client runs on a typed <see cref="HttpClient"/> from IHttpClientFactory with a
/// resilience pipeline whose retries never re-send an SMS (POST is never retried).
/// </summary>
public static class CpaasServiceCollectionExtensions
{
    /// <summary>The name of the default client (its HttpClient and options name).</summary>
    public const string DefaultName = "Cpaas";

    /// <summary>Registers the default <see cref="CpaasClient"/> from a configuration section (keys: BaseUrl, ClientId, ClientSecret, Email, Password, ClientCorrelator, Timeout, MaxResponseBytes).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, e.g. <c>configuration.GetSection("Cpaas")</c>.</param>
    /// <returns>The HttpClient builder, to add handlers or configure the resilience pipeline.</returns>
    public static IHttpClientBuilder AddCpaasClient(this IServiceCollection services, IConfiguration configuration)
        => AddCore(services, DefaultName, keyed: false, configuration, null);

    /// <summary>Registers the default <see cref="CpaasClient"/> configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddCpaasClient(this IServiceCollection services, Action<CpaasClientOptions> configure)
        => AddCore(services, DefaultName, keyed: false, null, configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>
    /// Registers a named client for one Kandy project, resolved as a keyed service
    /// (<c>[FromKeyedServices("eu")] CpaasClient client</c>) or through <see cref="ICpaasClientFactory"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (also its service key).</param>
    /// <param name="configuration">Its configuration section.</param>
    /// <returns>The HttpClient builder.</returns>
    public static IHttpClientBuilder AddCpaasClient(this IServiceCollection services, string name, IConfiguration configuration)
        => AddCore(services, RequireName(name), keyed: true, configuration, null);

    /// <summary>Registers a named (keyed) client configured in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name (also its service key).</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The HttpClient builder.</returns>
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

        // Retries belong to the HttpClient's resilience pipeline here; the SDK's own retry loop is switched off so
        // attempts do not multiply (the pipeline's retries are disabled for POST: an SMS is never re-sent).
        options.PostConfigure(o => o.Retry.MaxRetries = 0);

        var prefix = configuration is IConfigurationSection section ? section.Path : "CpaasClientOptions";
        services.AddSingleton<IValidateOptions<CpaasClientOptions>>(new CpaasOptionsValidator(name, prefix));
        options.ValidateOnStart();

        services.TryAddSingleton<ICpaasClientFactory, CpaasClientFactory>();
        if (keyed)
        {
            services.AddKeyedSingleton<CpaasClient>(name, (sp, _) => sp.GetRequiredService<ICpaasClientFactory>().Get(name));
        }
        else
        {
            services.TryAddSingleton(sp => sp.GetRequiredService<ICpaasClientFactory>().Get(name));
        }

        var http = services.AddHttpClient(HttpClientName(name))
            // The client is a long-lived singleton: rotate connections with the pooled lifetime instead of the handler lifetime.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient(client => client.Timeout = System.Threading.Timeout.InfiniteTimeSpan)
            // Outside the resilience handler: its rejections (attempt/total timeout, open circuit) become
            // HttpRequestException, which CpaasClient turns into CpaasApiException like every other transport failure.
            .AddHttpMessageHandler(() => new ResilienceRejectionHandler());

        http.AddStandardResilienceHandler(resilience =>
        {
            // Never re-send a POST (an SMS send or a subscription): only GET/HEAD/OPTIONS/DELETE/PUT… are retried.
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.Retry.ShouldRetryAfterHeader = true;

            // CpaasClientOptions.Timeout is the budget of a call; the pipeline's own timeouts only stop a hung
            // attempt, so they sit above it (the standard defaults, 10 s per attempt / 30 s total, would cut it short).
            resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(60);
            resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
            resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);
        });
        return http;
    }

    /// <summary>
    /// The IHttpClientFactory name of a registered client's HttpClient. Its standard resilience pipeline is configured
    /// under <c>HttpClientName(name) + "-standard"</c>, e.g.
    /// <c>services.Configure&lt;HttpStandardResilienceOptions&gt;(CpaasServiceCollectionExtensions.HttpClientName("Cpaas") + "-standard", o => …)</c>.
    /// </summary>
    /// <param name="name">The client's name (<see cref="DefaultName"/> for the default client).</param>
    /// <returns>The HttpClient name.</returns>
    public static string HttpClientName(string name) => "CpaasGen." + name;

    private static string RequireName(string name)
        => string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("The client name must not be empty.", nameof(name)) : name;
}

/// <summary>
/// Turns Polly's <see cref="Polly.ExecutionRejectedException"/> (TimeoutRejectedException when an attempt or the whole
/// call outlasts the pipeline's timeouts, BrokenCircuitException while the circuit is open) into an
/// <see cref="HttpRequestException"/>. Without it those escaped from <see cref="CpaasClient"/> as raw Polly exceptions,
/// although the SDK promises a <see cref="CpaasApiException"/> for every failure.
/// </summary>
internal sealed class ResilienceRejectionHandler : DelegatingHandler
{
    protected override async System.Threading.Tasks.Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Polly.ExecutionRejectedException ex)
        {
            throw new HttpRequestException(HttpRequestError.Unknown, "the resilience pipeline rejected the call: " + ex.Message, ex);
        }
    }
}

/// <summary>Gets registered <see cref="CpaasClient"/>s by name (one per Kandy project). Each name's client is a singleton.</summary>
public interface ICpaasClientFactory
{
    /// <summary>The client registered under <paramref name="name"/> (<see cref="CpaasServiceCollectionExtensions.DefaultName"/> for the default one).</summary>
    /// <param name="name">The name given to <c>AddCpaasClient</c>.</param>
    /// <returns>The shared client.</returns>
    CpaasClient Get(string name);
}

internal sealed class CpaasClientFactory : ICpaasClientFactory, IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CpaasClient>> _clients = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<CpaasClientOptions> _options;
    private readonly IHttpClientFactory _http;
    private readonly ILoggerFactory _loggers;

    public CpaasClientFactory(IOptionsMonitor<CpaasClientOptions> options, IHttpClientFactory http, ILoggerFactory loggers)
    {
        _options = options;
        _http = http;
        _loggers = loggers;
    }

    public CpaasClient Get(string name)
        => _clients.GetOrAdd(name, n => new Lazy<CpaasClient>(() => Create(n))).Value;

    private CpaasClient Create(string name)
    {
        var options = _options.Get(name);
        if (options.BaseUrl is null && options.ClientId is null)
        {
            throw new InvalidOperationException("No Kandy CPaaS client named '" + name + "' is registered; call services.AddCpaasClient(\"" + name + "\", …).");
        }

        return new CpaasClient(options, _http.CreateClient(CpaasServiceCollectionExtensions.HttpClientName(name)), _loggers);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
    }
}

internal sealed class CpaasOptionsValidator : IValidateOptions<CpaasClientOptions>
{
    private readonly string _name;
    private readonly string _prefix;

    public CpaasOptionsValidator(string name, string prefix)
    {
        _name = name;
        _prefix = prefix;
    }

    public ValidateOptionsResult Validate(string? name, CpaasClientOptions options)
    {
        if (!string.Equals(name, _name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var problem = options.Validate();
        if (problem is null)
        {
            return ValidateOptionsResult.Success;
        }

        // "CpaasClientOptions.ClientId is required" → "Cpaas:ClientId is required" when bound from configuration.
        var message = _prefix == "CpaasClientOptions" ? problem : problem.Replace("CpaasClientOptions.", _prefix + ":", StringComparison.Ordinal);
        return ValidateOptionsResult.Fail("Kandy CPaaS client '" + _name + "': " + message);
    }
}
