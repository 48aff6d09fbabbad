using System;
using Cpaas.AspNetCore;
using Cpaas.AspNetCore.Redis;
using Cpaas.AspNetCore.Redis.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Shares the webhook's duplicate notification ids between every instance of an app through Redis:
/// <c>services.AddCpaasWebhooks(…).UseRedisDuplicateStore("redis:6379")</c>.
/// </summary>
public static class CpaasRedisWebhookBuilderExtensions
{
    /// <summary>
    /// Remembers notification ids in Redis, shared by every instance of the app (atomic claims: see
    /// <see cref="RedisCpaasDuplicateStore"/>), connecting with <paramref name="configuration"/> (StackExchange.Redis
    /// syntax, e.g. <c>redis:6379,password=…,ssl=true</c>) when the app starts: an unreachable Redis stops the start.
    /// The container owns the connection and disposes it.
    /// </summary>
    /// <param name="builder">The builder <c>AddCpaasWebhooks</c> returned.</param>
    /// <param name="configuration">The Redis configuration string.</param>
    /// <param name="keyPrefix">The key prefix. Default <see cref="RedisCpaasDuplicateStore.DefaultKeyPrefix"/>.</param>
    /// <returns>The builder.</returns>
    public static CpaasWebhookBuilder UseRedisDuplicateStore(this CpaasWebhookBuilder builder, string configuration, string keyPrefix = RedisCpaasDuplicateStore.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        builder.Services.TryAddSingleton(_ => new RedisDuplicateStoreConnection(configuration));
        return builder.UseRedisDuplicateStore(sp => sp.GetRequiredService<RedisDuplicateStoreConnection>().Multiplexer, keyPrefix);
    }

    /// <summary>
    /// Remembers notification ids in Redis on a connection the app already has, e.g.
    /// <c>UseRedisDuplicateStore(sp =&gt; sp.GetRequiredService&lt;IConnectionMultiplexer&gt;())</c> (the app owns and disposes it).
    /// </summary>
    /// <param name="builder">The builder <c>AddCpaasWebhooks</c> returned.</param>
    /// <param name="connection">Returns the connection; called once, when the app starts.</param>
    /// <param name="keyPrefix">The key prefix. Default <see cref="RedisCpaasDuplicateStore.DefaultKeyPrefix"/>.</param>
    /// <returns>The builder.</returns>
    public static CpaasWebhookBuilder UseRedisDuplicateStore(this CpaasWebhookBuilder builder, Func<IServiceProvider, IConnectionMultiplexer> connection, string keyPrefix = RedisCpaasDuplicateStore.DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        builder.Services.Replace(ServiceDescriptor.Singleton<ICpaasDuplicateStore>(sp => new RedisCpaasDuplicateStore(connection(sp), keyPrefix)));
        return builder;
    }
}
