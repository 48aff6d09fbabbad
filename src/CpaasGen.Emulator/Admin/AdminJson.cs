using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cpaas.Emulator.Admin;

/// <summary><c>GET /emulator</c>: the emulator's settings and counters.</summary>
internal sealed record EmulatorInfo(
    string BaseUrl,
    string UserId,
    string ClientId,
    string ClientSecret,
    string Email,
    string Password,
    IReadOnlyList<string> Numbers,
    string? DefaultNumber,
    IReadOnlyList<string> UndeliverableDestinations,
    int MessageHistoryCap,
    int StoredMessages,
    int PendingDeliveries,
    long DroppedDeliveries,
    int WebhookBacklogPerUrl,
    string ErrorBodyShape,
    bool DeliveryReceipts);

/// <summary><c>POST /emulator/inbound</c> body.</summary>
internal sealed record InboundRequest(string? From, string? To, string? Message);

/// <summary><c>POST /emulator/inbound</c> answer.</summary>
internal sealed record InboundResult(string MessageId, [property: JsonPropertyName("resourceURL")] string ResourceUrl);

/// <summary><c>POST /emulator/numbers/{number}/unassign</c> answer.</summary>
internal sealed record UnassignResult(string Number, IReadOnlyList<string> CancelledSubscriptions);

/// <summary><c>POST /emulator/subscriptions</c> body: another client's channel kind (<c>Websockets</c> or <c>OMAPush</c>) and number (optional).</summary>
internal sealed record OtherClientRequest(string? ChannelType, string? DestinationAddress);

/// <summary><c>POST /emulator/subscriptions</c> answer.</summary>
internal sealed record OtherClientResult(string ChannelId, string SubscriptionId);

/// <summary><c>PUT /emulator/error-body-shape</c> body and answer.</summary>
internal sealed record ErrorShapeRequest(string? Shape);

/// <summary><c>GET /emulator/deliveries</c>: the backlog and the recorded attempts (webhook URLs masked).</summary>
internal sealed record DeliveriesInfo(int Pending, long Dropped, IReadOnlyList<WebhookInfo> Webhooks, IReadOnlyList<DeliveryInfo> Deliveries);

internal sealed record WebhookInfo([property: JsonPropertyName("webhookURL")] string WebhookUrl, int Pending, long Dropped);

internal sealed record DeliveryInfo(
    long Timestamp,
    [property: JsonPropertyName("webhookURL")] string WebhookUrl,
    string ChannelId,
    string SubscriptionId,
    string NotificationType,
    string NotificationId,
    int Attempt,
    int MaxAttempts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? StatusCode,
    string? Error,
    string Outcome);

/// <summary><c>GET /emulator/codes</c>: the two-factor code resources, oldest first (codes in clear: loopback only).</summary>
internal sealed record CodesInfo(IReadOnlyList<CodeInfo> Codes);

internal sealed record CodeInfo(
    string CodeId,
    [property: JsonPropertyName("resourceURL")] string ResourceUrl,
    string Method,
    string DestinationAddress,
    string Code,
    int Length,
    string Type,
    long IssuedAt,
    long ExpiresAt,
    string Status,
    int WrongAttempts,
    int MaxAttempts,
    int Sends,
    string? MessageId,
    string? EmailId);

/// <summary><c>GET /emulator/emails</c>: the e-mails that carried two-factor codes, oldest first.</summary>
internal sealed record EmailsInfo(IReadOnlyList<EmailInfo> Emails);

internal sealed record EmailInfo(string EmailId, string To, string Subject, string Body, string CodeId, long Timestamp);

/// <summary>
/// Source-generated (reflection-free, trim-safe) JSON of the admin endpoints, which the API description does not cover.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmulatorInfo))]
[JsonSerializable(typeof(InboundRequest))]
[JsonSerializable(typeof(InboundResult))]
[JsonSerializable(typeof(UnassignResult))]
[JsonSerializable(typeof(DeliveriesInfo))]
[JsonSerializable(typeof(OtherClientRequest))]
[JsonSerializable(typeof(OtherClientResult))]
[JsonSerializable(typeof(ErrorShapeRequest))]
[JsonSerializable(typeof(CodesInfo))]
[JsonSerializable(typeof(EmailsInfo))]
internal sealed partial class AdminJson : JsonSerializerContext
{
    /// <summary>Like <see cref="Default"/>, with "+16135550100" written as is (not "\u002B…"): the bodies are never embedded in HTML.</summary>
    public static AdminJson Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
