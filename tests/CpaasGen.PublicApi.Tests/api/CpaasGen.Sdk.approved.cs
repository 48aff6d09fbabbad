[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Benchmarks")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Reliability.Tests")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("CpaasGen.Sdk.Tests")]
namespace Cpaas
{
    public static class BoundedBodyReader
    {
        public static System.Threading.Tasks.Task<byte[]> ReadAsync(System.IO.Stream body, int maxBytes, long? declaredLength = default, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public class Conversation
    {
        protected Conversation() { }
        public virtual System.Threading.Tasks.Task<Cpaas.CreateMessageResult> CreateMessageAsync(Cpaas.CreateMessageRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteMessageAsync(string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task DeleteThreadAsync(string remoteAddress, string localAddress, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<Cpaas.SmsMessage> GetAllMessagesAsync(string remoteAddress, string localAddress, Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<Cpaas.SmsThread> GetAllThreadsAsync(Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.NotificationChannel> GetChannelAsync(string channelId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Cpaas.NotificationChannel>> GetChannelsAsync(Cpaas.NotificationChannelQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SmsMessage> GetMessageAsync(string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.CpaasPage<Cpaas.SmsMessage>> GetMessagesAsync(string remoteAddress, string localAddress, Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.DeliveryStatus> GetStatusAsync(string remoteAddress, string localAddress, string messageId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.Subscription> GetSubscriptionAsync(string subscriptionId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<Cpaas.Subscription>> GetSubscriptionsAsync(System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SmsThread> GetThreadAsync(string remoteAddress, string localAddress, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.CpaasPage<Cpaas.SmsThread>> GetThreadsAsync(Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.CpaasPage<Cpaas.SmsThread>> GetThreadsAsync(string remoteAddress, Cpaas.HistoryQuery? query = null, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SubscribeResult> SubscribeAsync(Cpaas.SubscribeRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.UnsubscribeResult> UnsubscribeAsync(string subscriptionId, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public enum ConversationType
    {
        Sms = 0,
    }
    public class CpaasApiException : System.Exception
    {
        public CpaasApiException(int statusCode, Cpaas.CpaasErrorKind kind, string? exceptionId, string? text, System.Collections.Generic.IReadOnlyList<string>? variables = null, string? responseSnippet = null, string? hint = null, System.Exception? innerException = null) { }
        public string? ExceptionId { get; }
        public string? Hint { get; }
        public Cpaas.CpaasErrorKind Kind { get; }
        public bool MayHaveBeenProcessed { get; init; }
        public override string Message { get; }
        public string? ResponseSnippet { get; }
        public System.TimeSpan? RetryAfter { get; init; }
        public System.Net.HttpStatusCode Status { get; }
        public int StatusCode { get; }
        public string? Text { get; }
        public System.Collections.Generic.IReadOnlyList<string> Variables { get; }
        public static string? Substitute(string? text, System.Collections.Generic.IReadOnlyList<string> variables) { }
    }
    public sealed class CpaasAuthenticationException : Cpaas.CpaasApiException
    {
        public CpaasAuthenticationException(int statusCode, Cpaas.CpaasErrorKind kind, string? exceptionId, string? text, string? responseSnippet = null, System.Exception? innerException = null) { }
    }
    public sealed class CpaasBodyTooLargeException : System.IO.IOException
    {
        public CpaasBodyTooLargeException(int limit, long? declaredLength = default) { }
        public long? DeclaredLength { get; }
        public int Limit { get; }
    }
    public class CpaasClient : System.IDisposable
    {
        protected CpaasClient() { }
        public CpaasClient(Cpaas.CpaasClientOptions options) { }
        public CpaasClient(Cpaas.CpaasClientOptions options, System.Net.Http.HttpClient httpClient) { }
        public CpaasClient(Cpaas.CpaasClientOptions options, System.Net.Http.HttpClient? httpClient, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory) { }
        public System.Uri? BaseUrl { get; }
        public virtual Cpaas.Conversation Conversation { get; }
        public int TokenRequestCount { get; }
        public virtual Cpaas.TwoFactor TwoFactor { get; }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public virtual System.Threading.Tasks.Task<string> GetUserIdAsync(System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class CpaasClientOptions
    {
        public const int DefaultMaxResponseBytes = 4194304;
        public static readonly System.TimeSpan DefaultTimeout;
        public CpaasClientOptions() { }
        public bool AllowInsecureTransport { get; set; }
        public System.Uri? BaseUrl { get; set; }
        public string? ClientCorrelator { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? Email { get; set; }
        public int MaxResponseBytes { get; set; }
        public string? Password { get; set; }
        public Cpaas.CpaasRetryOptions Retry { get; set; }
        public System.TimeSpan Timeout { get; set; }
        public override string ToString() { }
        public string? Validate() { }
    }
    public enum CpaasErrorKind
    {
        Unknown = 0,
        ServiceException = 1,
        PolicyException = 2,
        OAuth = 3,
        Transport = 4,
        Redirect = 5,
        PlainMessage = 6,
    }
    public abstract class CpaasNotification
    {
        public long? NotificationDateTime { get; }
        public System.DateTimeOffset? NotificationDateTimeOffset { get; }
        public string? NotificationId { get; }
        public string Type { get; }
        public override string ToString() { }
    }
    public sealed class CpaasNotificationParseException : System.FormatException
    {
        public CpaasNotificationParseException(string message, long? bytePosition = default, long? lineNumber = default, System.Exception? innerException = null) { }
        public long? BytePosition { get; }
        public long? LineNumber { get; }
    }
    public sealed class CpaasPage<T>
    {
        public CpaasPage(System.Collections.Generic.IReadOnlyList<T> items, string? next, string? resourceUrl) { }
        public System.Collections.Generic.IReadOnlyList<T> Items { get; }
        public string? Next { get; }
        public string? ResourceUrl { get; }
    }
    public sealed class CpaasRetryOptions
    {
        public CpaasRetryOptions() { }
        public System.TimeSpan BaseDelay { get; set; }
        public System.TimeSpan MaxDelay { get; set; }
        public int MaxRetries { get; set; }
    }
    public static class CpaasTelemetry
    {
        public const string Name = "CpaasGen.Sdk";
    }
    public sealed class CreateMessageRequest
    {
        public CreateMessageRequest() { }
        public string? ClientCorrelator { get; init; }
        public required System.Collections.Generic.IReadOnlyList<string> DestinationAddress { get; init; }
        public required string Message { get; init; }
        public required string SenderAddress { get; init; }
        public Cpaas.ConversationType Type { get; init; }
        public override string ToString() { }
    }
    public sealed class CreateMessageResult
    {
        public CreateMessageResult(System.Collections.Generic.IReadOnlyList<Cpaas.DeliveryInfo> deliveryInfo, string? message, string? senderAddress, string? messageId, string? resourceUrl, string? clientCorrelator) { }
        public string? ClientCorrelator { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.DeliveryInfo> DeliveryInfo { get; }
        public string? Message { get; }
        public string? MessageId { get; }
        public string? ResourceUrl { get; }
        public string? SenderAddress { get; }
        public override string ToString() { }
    }
    public sealed class DeliveryInfo
    {
        public DeliveryInfo(string? destinationAddress, Cpaas.DeliveryStatus deliveryStatus) { }
        public Cpaas.DeliveryStatus DeliveryStatus { get; }
        public string? DestinationAddress { get; }
        public override string ToString() { }
    }
    public sealed class DeliveryInfoNotification : Cpaas.CpaasNotification
    {
        public Cpaas.DeliveryStatus DeliveryStatus { get; }
        public string? DestinationAddress { get; }
        public string? MessageId { get; }
    }
    public readonly struct DeliveryStatus : System.IEquatable<Cpaas.DeliveryStatus>
    {
        public DeliveryStatus(string value) { }
        public bool IsKnown { get; }
        public string Value { get; }
        public static Cpaas.DeliveryStatus DeliveredToNetwork { get; }
        public static Cpaas.DeliveryStatus DeliveredToTerminal { get; }
        public static Cpaas.DeliveryStatus DeliveryImpossible { get; }
        public bool Equals(Cpaas.DeliveryStatus other) { }
        public override bool Equals(object? obj) { }
        public override int GetHashCode() { }
        public override string ToString() { }
        public static bool operator !=(Cpaas.DeliveryStatus left, Cpaas.DeliveryStatus right) { }
        public static bool operator ==(Cpaas.DeliveryStatus left, Cpaas.DeliveryStatus right) { }
    }
    public static class EmailAddress
    {
        public const int MaxLength = 254;
        public static bool IsValid(string? address) { }
        public static string Mask(string? address) { }
        public static string? Problem(string? address) { }
        public static void Validate(string? address, string field) { }
    }
    public static class EpochTime
    {
        public const long MillisecondsThreshold = 100000000000;
        public static System.DateTimeOffset? ToDateTimeOffset(long? value) { }
    }
    public sealed class HistoryQuery
    {
        public HistoryQuery() { }
        public long? LastMessageTime { get; init; }
        public int? Max { get; init; }
        public string? New { get; init; }
        public string? Next { get; init; }
    }
    public sealed class InboundSmsNotification : Cpaas.SmsMessageNotification { }
    public static class Notification
    {
        public const int MaxBodyBytes = 1048576;
        public static Cpaas.CpaasNotification Parse(System.ReadOnlySpan<byte> utf8Body) { }
        public static Cpaas.CpaasNotification Parse(string body) { }
        public static System.Threading.Tasks.Task<Cpaas.CpaasNotification> ParseAsync(System.IO.Stream utf8Body, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class NotificationChannel
    {
        public NotificationChannel(string channelId, Cpaas.NotificationChannelKind kind, string? channelType, string? webhookUrl, string? channelUrl, string? clientCorrelator, string? resourceUrl, int? channelLifetime, string? connectionCheckRole) { }
        public string ChannelId { get; }
        public int? ChannelLifetime { get; }
        public string? ChannelType { get; }
        public string? ChannelUrl { get; }
        public string? ClientCorrelator { get; }
        public string? ConnectionCheckRole { get; }
        public Cpaas.NotificationChannelKind Kind { get; }
        public string? ResourceUrl { get; }
        public string? WebhookUrl { get; }
        public override string ToString() { }
    }
    public enum NotificationChannelKind
    {
        Unknown = 0,
        Webhook = 1,
        WebSocket = 2,
        Push = 3,
    }
    public sealed class NotificationChannelQuery
    {
        public NotificationChannelQuery() { }
        public string? ClientCorrelator { get; init; }
        public Cpaas.NotificationChannelKind? Kind { get; init; }
    }
    public sealed class OutboundSmsNotification : Cpaas.SmsMessageNotification { }
    public static class PhoneAddress
    {
        public const string DefaultSender = "default";
        public static bool IsE164(string? address) { }
        public static bool IsValid(string? address) { }
        public static string Normalize(string address) { }
        public static string? Problem(string? address) { }
        public static bool TryNormalize(string? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? normalized) { }
        public static void Validate(string? address, string field) { }
    }
    public static class PhoneMasking
    {
        public static string Mask(string? text) { }
        public static string MaskAddress(string? address) { }
    }
    public sealed class SendCodeRequest
    {
        public const string CodePlaceholder = "{code}";
        public const int MaximumLength = 10;
        public const int MinimumLength = 4;
        public static readonly System.TimeSpan MaximumExpiry;
        public static readonly System.TimeSpan MinimumExpiry;
        public SendCodeRequest() { }
        public required string DestinationAddress { get; init; }
        public System.TimeSpan Expiry { get; init; }
        public int Length { get; init; }
        public required string Message { get; init; }
        public Cpaas.TwoFactorMethod Method { get; init; }
        public string? Subject { get; init; }
        public Cpaas.TwoFactorCodeType Type { get; init; }
        public override string ToString() { }
        public void Validate() { }
    }
    public sealed class SendCodeResult
    {
        public SendCodeResult(string codeId, string resourceUrl) { }
        public string CodeId { get; }
        public string ResourceUrl { get; }
        public override string ToString() { }
    }
    public sealed class SmsEventDetails
    {
        public string? Description { get; }
        public string? Type { get; }
    }
    public sealed class SmsEventNotification : Cpaas.CpaasNotification
    {
        public Cpaas.SmsEventDetails EventDetails { get; }
        public string? MessageId { get; }
        public string? MessageUrl { get; }
    }
    public sealed class SmsMessage
    {
        public SmsMessage(string? messageId, string? type, string? message, Cpaas.DeliveryStatus? status, long? dateTime, string? resourceUrl) { }
        public long? DateTime { get; }
        public System.DateTimeOffset? DateTimeOffset { get; }
        public Cpaas.SmsMessageDirection Direction { get; }
        public string? Message { get; }
        public string? MessageId { get; }
        public string? ResourceUrl { get; }
        public Cpaas.DeliveryStatus? Status { get; }
        public string? Type { get; }
        public override string ToString() { }
    }
    public enum SmsMessageDirection
    {
        Unknown = 0,
        Inbound = 1,
        Outbound = 2,
    }
    public abstract class SmsMessageNotification : Cpaas.CpaasNotification
    {
        public long? DateTime { get; }
        public System.DateTimeOffset? DateTimeOffset { get; }
        public string? DestinationAddress { get; }
        public string? Message { get; }
        public string? MessageId { get; }
        public string? SenderAddress { get; }
    }
    public sealed class SmsSubscriptionCancellationNotification : Cpaas.CpaasNotification
    {
        public string? SubscriptionId { get; }
        public string? SubscriptionUrl { get; }
    }
    public sealed class SmsThread
    {
        public SmsThread(string? remoteAddress, string? localAddress, long? firstMessageTime, long? lastMessageTime, long? lastPullTime, string? lastText, int? length, int? newMessageCount, string? resourceUrl) { }
        public long? FirstMessageTime { get; }
        public long? LastMessageTime { get; }
        public long? LastPullTime { get; }
        public string? LastText { get; }
        public int? Length { get; }
        public string? LocalAddress { get; }
        public int? NewMessageCount { get; }
        public string? RemoteAddress { get; }
        public string? ResourceUrl { get; }
        public override string ToString() { }
    }
    public sealed class SubscribeRequest
    {
        public SubscribeRequest() { }
        public string? ClientCorrelator { get; init; }
        public string? DestinationAddress { get; init; }
        public Cpaas.ConversationType Type { get; init; }
        public required System.Uri WebhookUrl { get; init; }
        public override string ToString() { }
    }
    public sealed class SubscribeResult
    {
        public SubscribeResult(System.Uri webhookUrl, string? destinationAddress, string subscriptionId, string channelId) { }
        public string ChannelId { get; }
        public string? DestinationAddress { get; }
        public string SubscriptionId { get; }
        public System.Uri WebhookUrl { get; }
        public override string ToString() { }
    }
    public sealed class Subscription
    {
        public Subscription(string subscriptionId, string? destinationAddress, string? notifyUrl, string? clientCorrelator, string? resourceUrl) { }
        public string? ClientCorrelator { get; }
        public string? DestinationAddress { get; }
        public string? NotifyUrl { get; }
        public string? ResourceUrl { get; }
        public string SubscriptionId { get; }
        public override string ToString() { }
    }
    public class TwoFactor
    {
        public const string NotVerifiedReason = "Code invalid or expired";
        protected TwoFactor() { }
        public virtual System.Threading.Tasks.Task DeleteCodeAsync(string codeId, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SendCodeResult> ResendCodeAsync(string codeId, Cpaas.SendCodeRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.SendCodeResult> SendCodeAsync(Cpaas.SendCodeRequest request, System.Threading.CancellationToken cancellationToken = default) { }
        public virtual System.Threading.Tasks.Task<Cpaas.VerifyCodeResult> VerifyCodeAsync(string codeId, string code, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public enum TwoFactorCodeType
    {
        Numeric = 0,
        Alphanumeric = 1,
        Alphabetic = 2,
    }
    public enum TwoFactorMethod
    {
        Sms = 0,
        Email = 1,
    }
    public sealed class UnknownNotification : Cpaas.CpaasNotification
    {
        public string RawJson { get; }
    }
    public sealed class UnsubscribeResult
    {
        public UnsubscribeResult(string subscriptionId, string? channelId, bool channelDeleted) { }
        public bool ChannelDeleted { get; }
        public string? ChannelId { get; }
        public string SubscriptionId { get; }
    }
    public static class UrlMasking
    {
        public static string Mask(System.Uri? url) { }
        public static string Mask(string? url) { }
    }
    public sealed class VerifyCodeResult
    {
        public VerifyCodeResult(string codeId, bool verified, string? reason = null, string? exceptionId = null) { }
        public string CodeId { get; }
        public string? ExceptionId { get; }
        public string? Reason { get; }
        public bool Verified { get; }
        public override string ToString() { }
    }
}