[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Testing.Tests")]
namespace Cpaas.Testing
{
    public sealed class CodeVerification
    {
        public string Code { get; }
        public string CodeId { get; }
        public System.DateTimeOffset Time { get; }
        public bool Verified { get; }
        public override string ToString() { }
    }
    public sealed class CpaasMockServer : System.IDisposable
    {
        public System.Uri BaseUrl { get; }
        public string ClientId { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Testing.CodeVerification> CodeVerifications { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Testing.MockNotificationChannel> CreatedNotificationChannels { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Testing.MockSubscription> CreatedSubscriptions { get; }
        public string DefaultNumber { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Testing.SentCode> SentCodes { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Testing.SentSms> SentMessages { get; }
        public string UserId { get; }
        public WireMock.Server.WireMockServer WireMockServer { get; }
        public Cpaas.CpaasClientOptions AccountClientOptions() { }
        public void ClearFaults() { }
        public Cpaas.CpaasClientOptions ClientOptions() { }
        public void Delay(string operationId, System.TimeSpan delay) { }
        public void Dispose() { }
        public void DropConnection(string operationId) { }
        public void ForbidSender(string senderAddress) { }
        public System.Threading.Tasks.Task<System.Net.HttpStatusCode> PostNotificationAsync(System.Uri webhookUrl, Cpaas.Testing.CpaasNotificationPayload notification, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<System.Net.HttpStatusCode> PostNotificationAsync(string webhookUrl, Cpaas.Testing.CpaasNotificationPayload notification, System.Threading.CancellationToken cancellationToken = default) { }
        public void Reset() { }
        public void RespondWithError(string operationId, System.Net.HttpStatusCode statusCode, string? messageId = null, string? text = null, Cpaas.ErrorBodyShape shape = 0, params string[] variables) { }
        public void SendDelivers() { }
        public void SendFailsWithDeliveryImpossible(params string[] destinations) { }
        public void VerifyFails() { }
        public void VerifySucceeds() { }
        public void VerifySucceedsOnlyFor(string code) { }
        public static Cpaas.Testing.CpaasMockServer Start() { }
        public static Cpaas.Testing.CpaasMockServer Start(Cpaas.Testing.CpaasMockServerOptions options) { }
    }
    public sealed class CpaasMockServerOptions
    {
        public const string DefaultClientId = "PRIV-cpaas-testing";
        public const string DefaultClientSecret = "cpaas-testing-secret";
        public const string DefaultEmail = "tester@example.com";
        public const string DefaultPassword = "cpaas-testing-password";
        public const string DefaultUserId = "cpaas-testing-user";
        public CpaasMockServerOptions() { }
        public string ClientId { get; set; }
        public string ClientSecret { get; set; }
        public string DefaultNumber { get; set; }
        public string Email { get; set; }
        public System.Collections.Generic.IReadOnlyList<string> Numbers { get; set; }
        public string Password { get; set; }
        public int? Port { get; set; }
        public System.TimeSpan TokenLifetime { get; set; }
        public string UserId { get; set; }
    }
    public sealed class CpaasNotificationPayload
    {
        public string Json { get; }
        public string? Key { get; }
        public override string ToString() { }
    }
    public static class CpaasNotifications
    {
        public const string DeliveryInfoKey = "deliveryInfoNotification";
        public const string EventKey = "smsEventNotification";
        public const string InboundKey = "inboundSMSMessageNotification";
        public const string OutboundKey = "outboundSMSMessageNotification";
        public const string SubscriptionCancellationKey = "smsSubscriptionCancellationNotification";
        public static Cpaas.Testing.CpaasNotificationPayload DeliveryInfo(string destinationAddress, string deliveryStatus, string? messageId = null, string? notificationId = null, System.DateTimeOffset? notificationDateTime = default) { }
        public static Cpaas.Testing.CpaasNotificationPayload Event(string remoteAddress, string localAddress, string messageId, string? eventType = null, string? eventDescription = null, string? userId = null, string? notificationId = null, System.DateTimeOffset? notificationDateTime = default) { }
        public static Cpaas.Testing.CpaasNotificationPayload Inbound(string senderAddress, string destinationAddress, string message, string? messageId = null, System.DateTimeOffset? dateTime = default, string? notificationId = null, System.DateTimeOffset? notificationDateTime = default) { }
        public static Cpaas.Testing.CpaasNotificationPayload Outbound(string senderAddress, string destinationAddress, string message, string? messageId = null, System.DateTimeOffset? dateTime = default, string? notificationId = null, System.DateTimeOffset? notificationDateTime = default) { }
        public static Cpaas.Testing.CpaasNotificationPayload Raw(string body) { }
        public static Cpaas.Testing.CpaasNotificationPayload SubscriptionCancellation(string subscriptionId, string? userId = null, string? notificationId = null, System.DateTimeOffset? notificationDateTime = default) { }
        public static Cpaas.Testing.CpaasNotificationPayload UnknownKind(string key, string json) { }
    }
    public sealed class MockNotificationChannel
    {
        public string? Authorization { get; }
        public string ChannelId { get; }
        public string? ClientCorrelator { get; }
        public string ResourceUrl { get; }
        public string WebhookUrl { get; }
        public override string ToString() { }
    }
    public sealed class MockSubscription
    {
        public string ChannelId { get; }
        public string? ClientCorrelator { get; }
        public string DestinationAddress { get; }
        public string ResourceUrl { get; }
        public string SubscriptionId { get; }
        public string? WebhookUrl { get; }
        public override string ToString() { }
    }
    public sealed class SentCode
    {
        public string CodeId { get; }
        public string DestinationAddress { get; }
        public System.TimeSpan? Expiry { get; }
        public int? Length { get; }
        public string Message { get; }
        public string Method { get; }
        public string RequestJson { get; }
        public bool Resent { get; }
        public string? Subject { get; }
        public System.DateTimeOffset Time { get; }
        public string? Type { get; }
        public override string ToString() { }
    }
    public sealed class SentSms
    {
        public string? ClientCorrelator { get; }
        public System.Collections.Generic.IReadOnlyList<string> Destinations { get; }
        public string? MessageId { get; }
        public string RequestJson { get; }
        public string Sender { get; }
        public string SenderPathSegment { get; }
        public string Text { get; }
        public System.DateTimeOffset Time { get; }
        public override string ToString() { }
    }
}