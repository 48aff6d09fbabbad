using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Cpaas.LiveEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cpaas.AspNetCore;

/// <summary>A notification as the live feed sends it: its JSON (built once, shared by every client) and its project number.</summary>
internal sealed record LiveFeedEvent(string Json, string? ProjectNumber);

/// <summary>
/// The live feed of one app (a DI singleton; nothing static): the notifications the webhook endpoint accepted, fanned
/// out to the connected clients after the webhook has answered Kandy. Inert (keeps nothing) until a feed is mapped.
/// </summary>
internal sealed partial class LiveFeedHub
{
    internal const string LogCategory = "Cpaas.AspNetCore.LiveFeed";

    private readonly ILogger _logger;
    private readonly CpaasWebhookMetrics _metrics;
    private readonly System.Collections.Generic.List<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder> _mappedOn = [];

    public LiveFeedHub(IOptions<CpaasLiveFeedOptions> options, ILoggerFactory loggerFactory, CpaasWebhookMetrics metrics)
    {
        Options = options.Value; // validated: throws OptionsValidationException naming the problem
        Broadcaster = new LiveEventBroadcaster<LiveFeedEvent>(Options.ReplayBufferSize, Options.ClientQueueCapacity);
        _logger = loggerFactory.CreateLogger(LogCategory);
        _metrics = metrics;
    }

    public CpaasLiveFeedOptions Options { get; }

    public LiveEventBroadcaster<LiveFeedEvent> Broadcaster { get; }

    public ILogger Logger => _logger;

    public CpaasWebhookMetrics Metrics => _metrics;

    /// <summary>Whether a live feed is mapped (only then are notifications kept and fanned out).</summary>
    public bool IsMapped
    {
        get
        {
            lock (_mappedOn)
            {
                return _mappedOn.Count > 0;
            }
        }
    }

    /// <summary>The route builders feeds were mapped on (the start-up check reads their endpoints).</summary>
    public System.Collections.Generic.IReadOnlyList<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder> MappedOn
    {
        get
        {
            lock (_mappedOn)
            {
                return [.. _mappedOn];
            }
        }
    }

    public void MarkMapped(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints)
    {
        lock (_mappedOn)
        {
            if (!_mappedOn.Contains(endpoints))
            {
                _mappedOn.Add(endpoints);
            }
        }
    }

    /// <summary>Whether the feed takes this notification: every known kind, once a feed is mapped.</summary>
    public bool Takes(CpaasNotification notification) => IsMapped && notification is not UnknownNotification;

    /// <summary>
    /// Publishes the notification once the webhook's response has been sent: Kandy gets its answer first, and no client,
    /// however slow, can delay or fail it.
    /// </summary>
    public void PublishAfterResponse(HttpContext context, CpaasNotification notification)
    {
        if (!Takes(notification))
        {
            return;
        }

        context.Response.OnCompleted(static state =>
        {
            var (hub, n) = ((LiveFeedHub, CpaasNotification))state;
            hub.PublishQuietly(n);
            return Task.CompletedTask;
        }, (this, notification));
    }

    /// <summary>Publishes now (the fan-out itself never blocks: see <see cref="LiveEventBroadcaster{T}"/>).</summary>
    public void Publish(CpaasNotification notification)
    {
        if (Takes(notification))
        {
            Broadcaster.Publish(ToEvent(notification));
        }
    }

    private void PublishQuietly(CpaasNotification notification)
    {
        try
        {
            Publish(notification);
        }
        catch (Exception ex)
        {
            // The webhook has answered already; nothing of the notification (text, numbers) goes into the log.
            LogPublishFailed(_logger, ex.GetType().Name, notification.Kind.Value, notification.NotificationId);
        }
    }

    /// <summary>The envelope's epoch time as Kandy sent it (the browser shows the same value the webhook received).</summary>
    private static long? RawNotificationTime(CpaasNotification notification) => notification switch
    {
        InboundSmsNotification n => n.ApiModel.DateTime,
        OutboundSmsNotification n => n.ApiModel.DateTime,
        SmsSubscriptionCancellationNotification n => n.ApiModel.DateTime,
        SmsEventNotification n => n.ApiModel.DateTime,
        DeliveryInfoNotification n => n.ApiModel.DateTime,
        _ => notification.NotifiedOn?.ToUnixTimeMilliseconds(),
    };

    internal static LiveFeedEvent ToEvent(CpaasNotification notification)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        string? projectNumber = null;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", notification.Kind.Value);
            WriteNullable(json, "notificationId", notification.NotificationId);
            WriteNullable(json, "notificationDateTime", RawNotificationTime(notification));
            switch (notification)
            {
                case SmsMessageNotification sms:
                    var inbound = sms is InboundSmsNotification;
                    projectNumber = inbound ? sms.DestinationAddress : sms.SenderAddress;
                    WriteNullable(json, "projectNumber", projectNumber);
                    WriteNullable(json, "remoteNumber", inbound ? sms.SenderAddress : sms.DestinationAddress);
                    WriteNullable(json, "senderAddress", sms.SenderAddress);
                    WriteNullable(json, "destinationAddress", sms.DestinationAddress);
                    WriteNullable(json, "message", sms.Message);
                    WriteNullable(json, "messageId", sms.MessageId);
                    WriteNullable(json, "dateTime", (sms as InboundSmsNotification)?.ApiModel.InboundSmsMessage.DateTime ?? (sms as OutboundSmsNotification)?.ApiModel.OutboundSmsMessage.DateTime);
                    break;
                case SmsSubscriptionCancellationNotification cancellation:
                    WriteNullable(json, "subscriptionId", cancellation.SubscriptionId);
                    break;
                case SmsEventNotification e:
                    WriteNullable(json, "messageId", e.MessageId);
                    WriteNullable(json, "eventType", e.EventType.Value);
                    WriteNullable(json, "eventDescription", e.EventDescription);
                    break;
            }

            json.WriteEndObject();
        }

        return new LiveFeedEvent(Encoding.UTF8.GetString(buffer.WrittenSpan), LiveFeedNumbers.Key(projectNumber));
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    [LoggerMessage(40, LogLevel.Error, "Live feed could not publish a {Kind} notification {NotificationId} ({Error}); the webhook had answered already")]
    private static partial void LogPublishFailed(ILogger logger, string error, string kind, string? notificationId);
}

/// <summary>How the feed compares project numbers: as sent, with a <c>tel:</c> prefix ignored.</summary>
internal static class LiveFeedNumbers
{
    public static string? Key(string? number)
    {
        if (number is null)
        {
            return null;
        }

        var trimmed = number.Trim();
        return trimmed.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ? trimmed[4..] : trimmed;
    }
}
