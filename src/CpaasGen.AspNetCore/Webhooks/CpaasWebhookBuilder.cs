using System;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cpaas.AspNetCore;

/// <summary>
/// Returned by <c>AddCpaasWebhooks</c>: chooses where duplicate notification ids are remembered, whether unauthenticated
/// calls are accepted, and the live feed's settings. Packages such as CpaasGen.AspNetCore.Redis add stores through
/// extension methods on it.
/// </summary>
public sealed class CpaasWebhookBuilder
{
    internal CpaasWebhookBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services the webhook is registered in (for extension methods that add a store or services).</summary>
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
