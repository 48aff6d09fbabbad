namespace Cpaas.Emulator
{
    public sealed class CpaasEmulator : System.IAsyncDisposable
    {
        public System.Collections.Generic.IReadOnlyList<string> AssignedNumbers { get; }
        public System.Uri BaseUrl { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Emulator.WebhookDeliveryAttempt> Deliveries { get; }
        public long DroppedDeliveries { get; }
        public Cpaas.ErrorBodyShape ErrorBodyShape { get; set; }
        public Cpaas.Emulator.CpaasEmulatorOptions Options { get; }
        public int PendingDeliveries { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Emulator.EmulatorEmail> SentEmails { get; }
        public System.Collections.Generic.IReadOnlyList<Cpaas.Emulator.TwoFactorCodeRecord> TwoFactorCodes { get; }
        public event System.EventHandler<Cpaas.Emulator.TwoFactorCodeEvent>? TwoFactorCodeChanged;
        public System.Threading.Tasks.ValueTask DisposeAsync() { }
        public System.Threading.Tasks.Task<string> SimulateInboundSmsAsync(string from, string to, string text, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<Cpaas.Emulator.OtherClientSubscription> SimulateOtherClientSubscriptionAsync(Cpaas.NotificationChannelKind kind, string? destinationAddress = null, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<string>> UnassignNumberAsync(string number, System.Threading.CancellationToken cancellationToken = default) { }
        public System.Threading.Tasks.Task WaitForDeliveriesAsync(System.TimeSpan timeout, System.Threading.CancellationToken cancellationToken = default) { }
        public static System.Threading.Tasks.Task RunAsync(Cpaas.Emulator.CpaasEmulatorOptions? options, System.Threading.CancellationToken cancellationToken) { }
        public static System.Threading.Tasks.Task RunAsync(Cpaas.Emulator.CpaasEmulatorOptions? options, System.IO.TextWriter output, System.Threading.CancellationToken cancellationToken) { }
        public static System.Threading.Tasks.Task<Cpaas.Emulator.CpaasEmulator> StartAsync(Cpaas.Emulator.CpaasEmulatorOptions? options = null, System.Threading.CancellationToken cancellationToken = default) { }
    }
    public sealed class CpaasEmulatorOptions : System.IEquatable<Cpaas.Emulator.CpaasEmulatorOptions>
    {
        public CpaasEmulatorOptions() { }
        public string ClientId { get; init; }
        public string ClientSecret { get; init; }
        public bool DeliveryReceipts { get; init; }
        public string Email { get; init; }
        public Cpaas.ErrorBodyShape ErrorBodyShape { get; init; }
        public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; init; }
        public int MessageHistoryCap { get; init; }
        public System.Collections.Generic.IReadOnlyList<string> Numbers { get; init; }
        public string Password { get; init; }
        public int Port { get; init; }
        public System.TimeSpan ShutdownTimeout { get; init; }
        public System.TimeProvider? TimeProvider { get; init; }
        public System.TimeSpan TokenLifetime { get; init; }
        public int TwoFactorMaxAttempts { get; init; }
        public System.Collections.Generic.IReadOnlyList<string> UndeliverableDestinations { get; init; }
        public string UserId { get; init; }
        public int WebhookBacklogPerUrl { get; init; }
        public int WebhookRetries { get; init; }
        public System.TimeSpan WebhookRetryDelay { get; init; }
        public System.TimeSpan WebhookTimeout { get; init; }
    }
    public sealed class EmulatorEmail : System.IEquatable<Cpaas.Emulator.EmulatorEmail>
    {
        public string Body { get; init; }
        public string CodeId { get; init; }
        public string EmailId { get; init; }
        public string Subject { get; init; }
        public System.DateTimeOffset Timestamp { get; init; }
        public string To { get; init; }
        public override string ToString() { }
    }
    public sealed class OtherClientSubscription : System.IEquatable<Cpaas.Emulator.OtherClientSubscription>
    {
        public string ChannelId { get; init; }
        public string SubscriptionId { get; init; }
    }
    public sealed class TwoFactorCodeEvent : System.IEquatable<Cpaas.Emulator.TwoFactorCodeEvent>
    {
        public Cpaas.Emulator.TwoFactorCodeEventKind Kind { get; init; }
        public Cpaas.Emulator.TwoFactorCodeRecord Record { get; init; }
    }
    public enum TwoFactorCodeEventKind
    {
        Sent = 0,
        Resent = 1,
        Verified = 2,
        VerificationFailed = 3,
        Locked = 4,
        Deleted = 5,
    }
    public sealed class TwoFactorCodeRecord : System.IEquatable<Cpaas.Emulator.TwoFactorCodeRecord>
    {
        public string Code { get; init; }
        public string CodeId { get; init; }
        public string DestinationAddress { get; init; }
        public string? EmailId { get; init; }
        public System.DateTimeOffset ExpiresAt { get; init; }
        public System.DateTimeOffset IssuedAt { get; init; }
        public int Length { get; init; }
        public int MaxAttempts { get; init; }
        public string? MessageId { get; init; }
        public string Method { get; init; }
        public string ResourceUrl { get; init; }
        public int Sends { get; init; }
        public Cpaas.Emulator.TwoFactorCodeStatus Status { get; init; }
        public string Type { get; init; }
        public int WrongAttempts { get; init; }
        public override string ToString() { }
    }
    public enum TwoFactorCodeStatus
    {
        Active = 0,
        Verified = 1,
        Expired = 2,
        Locked = 3,
        Deleted = 4,
    }
    public sealed class WebhookDeliveryAttempt : System.IEquatable<Cpaas.Emulator.WebhookDeliveryAttempt>
    {
        public int Attempt { get; init; }
        public string ChannelId { get; init; }
        public string? Error { get; init; }
        public int MaxAttempts { get; init; }
        public string NotificationId { get; init; }
        public string NotificationType { get; init; }
        public Cpaas.Emulator.WebhookDeliveryOutcome Outcome { get; init; }
        public int? StatusCode { get; init; }
        public string SubscriptionId { get; init; }
        public System.DateTimeOffset Timestamp { get; init; }
        public string WebhookUrl { get; init; }
    }
    public enum WebhookDeliveryOutcome
    {
        Succeeded = 0,
        Retrying = 1,
        Failed = 2,
    }
}