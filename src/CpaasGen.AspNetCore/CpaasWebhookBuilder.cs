using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Cpaas.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Chooses where duplicate notification ids are remembered, and whether unauthenticated calls are accepted.</summary>
public sealed class CpaasWebhookBuilder
{
    internal CpaasWebhookBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Accepts calls without a shared secret when <see cref="CpaasWebhookOptions.SharedSecret"/> is not set (with a
    /// secret set, it is still required). Only for a webhook nobody else can reach: anyone who can reach the URL can
    /// deliver forged notifications with any sender. A warning is logged when the app starts.
    /// </summary>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder AllowUnauthenticated()
    {
        Services.Configure<CpaasWebhookOptions>(o => o.AllowUnauthenticated = true);
        return this;
    }

    /// <summary>Sets the live feed's replay buffer, per-client queue and intervals (see <see cref="CpaasLiveFeedOptions"/>).</summary>
    /// <param name="configure">Sets the options.</param>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder ConfigureLiveFeed(Action<CpaasLiveFeedOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Remembers notification ids in this process's memory (the default), with a size cap.</summary>
    /// <param name="configure">Sets the cap.</param>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder UseInMemoryDuplicateStore(Action<InMemoryDuplicateStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new InMemoryDuplicateStoreOptions();
        configure(options);
        Services.Replace(ServiceDescriptor.Singleton<ICpaasDuplicateStore>(sp => new InMemoryCpaasDuplicateStore(options, sp.GetService<TimeProvider>(), sp.GetService<IMeterFactory>())));
        return this;
    }

    /// <summary>
    /// Remembers notification ids in Redis, shared by every instance of the app (atomic claims: see
    /// <see cref="RedisCpaasDuplicateStore"/>), connecting with <paramref name="configuration"/> (StackExchange.Redis
    /// syntax, e.g. <c>redis:6379,password=…,ssl=true</c>) when the app starts: an unreachable Redis stops the start.
    /// </summary>
    /// <param name="configuration">The Redis configuration string.</param>
    /// <param name="keyPrefix">The key prefix. Default <see cref="RedisCpaasDuplicateStore.DefaultKeyPrefix"/>.</param>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder UseRedisDuplicateStore(string configuration, string keyPrefix = RedisCpaasDuplicateStore.DefaultKeyPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        Services.TryAddSingleton(_ => new RedisDuplicateStoreConnection(configuration));
        return UseRedisDuplicateStore(sp => sp.GetRequiredService<RedisDuplicateStoreConnection>().Multiplexer, keyPrefix);
    }

    /// <summary>
    /// Remembers notification ids in Redis on a connection the app already has, e.g.
    /// <c>UseRedisDuplicateStore(sp =&gt; sp.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c> (the app owns and disposes it).
    /// </summary>
    /// <param name="connection">Returns the connection; called once, when the app starts.</param>
    /// <param name="keyPrefix">The key prefix. Default <see cref="RedisCpaasDuplicateStore.DefaultKeyPrefix"/>.</param>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder UseRedisDuplicateStore(Func<IServiceProvider, IConnectionMultiplexer> connection, string keyPrefix = RedisCpaasDuplicateStore.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        Services.Replace(ServiceDescriptor.Singleton<ICpaasDuplicateStore>(sp => new RedisCpaasDuplicateStore(connection(sp), keyPrefix)));
        return this;
    }

    /// <summary>Uses a custom store (it must keep the contract described on <see cref="ICpaasDuplicateStore"/>: an atomic claim).</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <returns>This builder.</returns>
    public CpaasWebhookBuilder UseDuplicateStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, ICpaasDuplicateStore
    {
        Services.Replace(ServiceDescriptor.Singleton<ICpaasDuplicateStore, TStore>());
        return this;
    }
}

/// <summary>The connection <c>UseRedisDuplicateStore(configuration)</c> opens (at start-up) and the container disposes.</summary>
internal sealed class RedisDuplicateStoreConnection(string configuration) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => ConnectionMultiplexer.Connect(configuration));

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
