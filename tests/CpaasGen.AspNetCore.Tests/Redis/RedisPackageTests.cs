using System.Linq;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>The Redis store ships in its own package: the webhook package works without StackExchange.Redis.</summary>
public sealed class RedisPackageTests
{
    [Fact]
    public void TheWebhookPackageDoesNotReferenceStackExchangeRedis()
    {
        var references = typeof(CpaasWebhookOptions).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("StackExchange.Redis", references);
    }

    [Fact]
    public void TheRedisStoreLivesInTheRedisPackage()
    {
        var store = typeof(Cpaas.AspNetCore.Redis.RedisCpaasDuplicateStore).Assembly;

        Assert.Equal("CpaasGen.AspNetCore.Redis", store.GetName().Name);
        Assert.Contains("StackExchange.Redis", store.GetReferencedAssemblies().Select(a => a.Name));
        Assert.Equal("Microsoft.Extensions.DependencyInjection", typeof(Microsoft.Extensions.DependencyInjection.CpaasRedisWebhookBuilderExtensions).Namespace);
    }
}
