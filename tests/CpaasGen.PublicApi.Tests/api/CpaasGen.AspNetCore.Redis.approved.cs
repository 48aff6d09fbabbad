namespace Cpaas.AspNetCore.Redis
{
    public sealed class RedisCpaasDuplicateStore : Cpaas.AspNetCore.ICpaasDuplicateStore
    {
        public const string DefaultKeyPrefix = "cpaas:webhook:";
        public RedisCpaasDuplicateStore(StackExchange.Redis.IConnectionMultiplexer redis, string keyPrefix = "cpaas:webhook:") { }
        public System.Threading.Tasks.ValueTask CompleteAsync(string notificationId, System.TimeSpan window, System.Threading.CancellationToken cancellationToken) { }
        public System.Threading.Tasks.ValueTask ReleaseAsync(string notificationId, System.Threading.CancellationToken cancellationToken) { }
        public System.Threading.Tasks.ValueTask<Cpaas.AspNetCore.CpaasClaim> TryClaimAsync(string notificationId, System.TimeSpan lease, System.Threading.CancellationToken cancellationToken) { }
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public static class CpaasRedisWebhookBuilderExtensions
    {
        public static Cpaas.AspNetCore.CpaasWebhookBuilder UseRedisDuplicateStore(this Cpaas.AspNetCore.CpaasWebhookBuilder builder, System.Func<System.IServiceProvider, StackExchange.Redis.IConnectionMultiplexer> connection, string keyPrefix = "cpaas:webhook:") { }
        public static Cpaas.AspNetCore.CpaasWebhookBuilder UseRedisDuplicateStore(this Cpaas.AspNetCore.CpaasWebhookBuilder builder, string configuration, string keyPrefix = "cpaas:webhook:") { }
    }
}