[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.AspNetCore.Tests")]
namespace Cpaas.AspNetCore
{
    public enum CpaasClaim
    {
        Claimed = 0,
        AlreadyHandled = 1,
        InProgress = 2,
    }
    public sealed class CpaasLiveFeedEndpointOptions
    {
        public CpaasLiveFeedEndpointOptions() { }
        public System.Func<Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.ValueTask<System.Collections.Generic.IReadOnlyCollection<string>?>>? AllowedNumbers { get; set; }
    }
    public sealed class CpaasLiveFeedOptions
    {
        public CpaasLiveFeedOptions() { }
        public int ClientQueueCapacity { get; set; }
        public System.TimeSpan HeartbeatInterval { get; set; }
        public System.TimeSpan ReconnectInterval { get; set; }
        public int ReplayBufferSize { get; set; }
    }
    public sealed class CpaasWebhookBuilder
    {
        public Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; }
        public Cpaas.AspNetCore.CpaasWebhookBuilder AllowUnauthenticated() { }
        public Cpaas.AspNetCore.CpaasWebhookBuilder ConfigureLiveFeed(System.Action<Cpaas.AspNetCore.CpaasLiveFeedOptions> configure) { }
        public Cpaas.AspNetCore.CpaasWebhookBuilder UseDuplicateStore<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]  TStore>()
            where TStore :  class, Cpaas.AspNetCore.ICpaasDuplicateStore { }
        public Cpaas.AspNetCore.CpaasWebhookBuilder UseInMemoryDuplicateStore(System.Action<Cpaas.AspNetCore.InMemoryDuplicateStoreOptions> configure) { }
    }
    public abstract class CpaasWebhookHandler
    {
        protected CpaasWebhookHandler() { }
        public virtual System.Threading.Tasks.Task HandleDeliveryInfoAsync(Cpaas.DeliveryInfoNotification notification, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task HandleEventAsync(Cpaas.SmsEventNotification notification, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task HandleInboundAsync(Cpaas.InboundSmsNotification notification, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task HandleOutboundAsync(Cpaas.OutboundSmsNotification notification, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task HandleSubscriptionCancellationAsync(Cpaas.SmsSubscriptionCancellationNotification notification, System.Threading.CancellationToken cancellationToken) { }
        public virtual System.Threading.Tasks.Task HandleUnknownAsync(Cpaas.UnknownNotification notification, System.Threading.CancellationToken cancellationToken) { }
    }
    public sealed class CpaasWebhookHandlers
    {
        public CpaasWebhookHandlers() { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnAny(System.Func<Cpaas.CpaasNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnDeliveryInfo(System.Action<Cpaas.DeliveryInfoNotification> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnDeliveryInfo(System.Func<Cpaas.DeliveryInfoNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnEvent(System.Action<Cpaas.SmsEventNotification> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnEvent(System.Func<Cpaas.SmsEventNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnInbound(System.Action<Cpaas.InboundSmsNotification> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnInbound(System.Func<Cpaas.InboundSmsNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnOutbound(System.Action<Cpaas.OutboundSmsNotification> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnOutbound(System.Func<Cpaas.OutboundSmsNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnSubscriptionCancellation(System.Action<Cpaas.SmsSubscriptionCancellationNotification> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnSubscriptionCancellation(System.Func<Cpaas.SmsSubscriptionCancellationNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public Cpaas.AspNetCore.CpaasWebhookHandlers OnUnknown(System.Func<Cpaas.UnknownNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
    }
    public sealed class CpaasWebhookOptions
    {
        public const int MinimumSecretLength = 16;
        public CpaasWebhookOptions() { }
        public System.TimeSpan DuplicateWindow { get; set; }
        public System.TimeSpan HandlerLease { get; set; }
        public int MaxBodyBytes { get; set; }
        public int MaxNotificationIdLength { get; set; }
        public string SecretHeader { get; set; }
        public string SecretQueryParameter { get; set; }
        public string? SharedSecret { get; set; }
    }
    public interface ICpaasDuplicateStore
    {
        System.Threading.Tasks.ValueTask CompleteAsync(string notificationId, System.TimeSpan window, System.Threading.CancellationToken cancellationToken);
        System.Threading.Tasks.ValueTask ReleaseAsync(string notificationId, System.Threading.CancellationToken cancellationToken);
        System.Threading.Tasks.ValueTask<Cpaas.AspNetCore.CpaasClaim> TryClaimAsync(string notificationId, System.TimeSpan lease, System.Threading.CancellationToken cancellationToken);
    }
    public sealed class InMemoryCpaasDuplicateStore : Cpaas.AspNetCore.ICpaasDuplicateStore
    {
        public InMemoryCpaasDuplicateStore(Cpaas.AspNetCore.InMemoryDuplicateStoreOptions? options = null, System.TimeProvider? time = null, System.Diagnostics.Metrics.IMeterFactory? meterFactory = null) { }
        public int Count { get; }
        public long Evictions { get; }
        public System.Threading.Tasks.ValueTask CompleteAsync(string notificationId, System.TimeSpan window, System.Threading.CancellationToken cancellationToken) { }
        public System.Threading.Tasks.ValueTask ReleaseAsync(string notificationId, System.Threading.CancellationToken cancellationToken) { }
        public System.Threading.Tasks.ValueTask<Cpaas.AspNetCore.CpaasClaim> TryClaimAsync(string notificationId, System.TimeSpan lease, System.Threading.CancellationToken cancellationToken) { }
    }
    public sealed class InMemoryDuplicateStoreOptions
    {
        public InMemoryDuplicateStoreOptions() { }
        public int MaxEntries { get; set; }
    }
}
namespace Microsoft.AspNetCore.Builder
{
    public static class CpaasLiveFeedExtensions
    {
        public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapCpaasLiveFeed(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, [System.Diagnostics.CodeAnalysis.StringSyntax("Route")] string pattern, System.Action<Cpaas.AspNetCore.CpaasLiveFeedEndpointOptions>? configure = null) { }
    }
    public static class CpaasWebhookExtensions
    {
        public static Cpaas.AspNetCore.CpaasWebhookBuilder AddCpaasWebhooks(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, System.Action<Cpaas.AspNetCore.CpaasWebhookOptions>? configure = null) { }
        public static Cpaas.AspNetCore.CpaasWebhookBuilder AddCpaasWebhooks(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, System.Action<Cpaas.AspNetCore.CpaasWebhookOptions>? configure = null) { }
        public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapCpaasWebhook(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, [System.Diagnostics.CodeAnalysis.StringSyntax("Route")] string pattern, System.Action<Cpaas.AspNetCore.CpaasWebhookHandlers> configure) { }
        public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapCpaasWebhook(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, [System.Diagnostics.CodeAnalysis.StringSyntax("Route")] string pattern, System.Func<Cpaas.CpaasNotification, Microsoft.AspNetCore.Http.HttpContext, System.Threading.Tasks.Task> handler) { }
        public static Microsoft.AspNetCore.Builder.IEndpointConventionBuilder MapCpaasWebhook<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)]  THandler>(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints, [System.Diagnostics.CodeAnalysis.StringSyntax("Route")] string pattern)
            where THandler : Cpaas.AspNetCore.CpaasWebhookHandler { }
    }
}