using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CpaasGen.Benchmarks.Benchmarks;

/// <summary>What a developer writes with System.Text.Json alone: one envelope with a member per notification kind.</summary>
public sealed class NotificationEnvelopeDto
{
    [JsonPropertyName("inboundSMSMessageNotification")]
    public SmsMessageNotificationDto? InboundSmsMessageNotification { get; set; }

    [JsonPropertyName("outboundSMSMessageNotification")]
    public SmsMessageNotificationDto? OutboundSmsMessageNotification { get; set; }

    [JsonPropertyName("smsSubscriptionCancellationNotification")]
    public LinkNotificationDto? SmsSubscriptionCancellationNotification { get; set; }

    [JsonPropertyName("smsEventNotification")]
    public LinkNotificationDto? SmsEventNotification { get; set; }
}

public sealed class SmsMessageNotificationDto
{
    [JsonPropertyName("inboundSMSMessage")]
    public SmsMessageDto? InboundSmsMessage { get; set; }

    [JsonPropertyName("outboundSMSMessage")]
    public SmsMessageDto? OutboundSmsMessage { get; set; }

    [JsonPropertyName("dateTime")]
    public long? DateTime { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

public sealed class SmsMessageDto
{
    [JsonPropertyName("dateTime")]
    public long? DateTime { get; set; }

    [JsonPropertyName("destinationAddress")]
    public string? DestinationAddress { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("senderAddress")]
    public string? SenderAddress { get; set; }
}

public sealed class LinkNotificationDto
{
    [JsonPropertyName("link")]
    public List<LinkDto>? Link { get; set; }

    [JsonPropertyName("eventDescription")]
    public string? EventDescription { get; set; }

    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    [JsonPropertyName("dateTime")]
    public long? DateTime { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

public sealed class LinkDto
{
    [JsonPropertyName("href")]
    public string? Href { get; set; }

    [JsonPropertyName("rel")]
    public string? Rel { get; set; }
}

[JsonSerializable(typeof(NotificationEnvelopeDto))]
public sealed partial class NotificationJson : JsonSerializerContext
{
}
