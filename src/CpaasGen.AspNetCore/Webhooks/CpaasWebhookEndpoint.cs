using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cpaas.AspNetCore;

/// <summary>
/// The request pipeline of one mapped webhook: secret check, Content-Type, bounded read, parse, id checks, handler
/// lookup, de-duplication, dispatch.
/// </summary>
internal sealed partial class CpaasWebhookEndpoint
{
    internal const string LogCategory = "Cpaas.AspNetCore.Webhook";

    /// <summary>Kinds already reported as unhandled by this endpoint (known kinds, and one bucket for all unknown ones).</summary>
    private readonly ConcurrentDictionary<string, bool> _reportedUnhandled = new(StringComparer.Ordinal);
    private readonly CpaasWebhookHandlers _handlers;

    public CpaasWebhookEndpoint(CpaasWebhookHandlers handlers) => _handlers = handlers;

    public async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<CpaasWebhookOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategory);
        var ct = context.RequestAborted;

        if (options.SharedSecret is { Length: > 0 } secret && !HasSecret(context.Request, options, secret))
        {
            LogRejected(logger, "missing or wrong shared secret");
            await Problem(context, StatusCodes.Status401Unauthorized, "Unauthorized", "The webhook call did not carry the shared secret.").ConfigureAwait(false);
            return;
        }

        if (!IsJsonOrAbsent(context.Request.ContentType))
        {
            LogRejected(logger, "unsupported Content-Type");
            await Problem(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "A notification is JSON: send it as application/json (UTF-8), or without a Content-Type.").ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength > options.MaxBodyBytes)
        {
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "Payload too large", "A notification body is at most " + options.MaxBodyBytes + " bytes.").ConfigureAwait(false);
            return;
        }

        byte[] body;
        try
        {
            body = await BoundedBodyReader.ReadAsync(context.Request.Body, options.MaxBodyBytes, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (CpaasBodyTooLargeException)
        {
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "Payload too large", "A notification body is at most " + options.MaxBodyBytes + " bytes.").ConfigureAwait(false);
            return;
        }

        CpaasNotification notification;
        try
        {
            notification = Notification.Parse(body);
        }
        catch (CpaasNotificationParseException ex)
        {
            LogRejected(logger, "malformed notification at byte " + ex.BytePosition);
            await Problem(context, StatusCodes.Status400BadRequest, "Malformed notification", ex.Message, ex.BytePosition).ConfigureAwait(false);
            return;
        }

        // An empty id is no id: it must never make a different notification look like a duplicate.
        var id = string.IsNullOrWhiteSpace(notification.NotificationId) ? null : notification.NotificationId;
        if (id is not null && id.Length > options.MaxNotificationIdLength)
        {
            LogRejected(logger, "notification id of " + id.Length + " characters");
            await Problem(context, StatusCodes.Status400BadRequest, "Malformed notification", "The notification id has " + id.Length + " characters; at most " + options.MaxNotificationIdLength + " are accepted.").ConfigureAwait(false);
            return;
        }

        var feed = services.GetService<LiveFeedHub>();
        if (!_handlers.Handles(notification) && feed?.Takes(notification) != true)
        {
            // Acknowledged (Kandy must not redeliver what nobody handles), but visible: a missing OnOutbound/OnEvent… shows.
            ReportUnhandled(services, logger, notification);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var store = services.GetRequiredService<ICpaasDuplicateStore>();
        if (id is not null)
        {
            CpaasClaim claim;
            try
            {
                claim = await store.TryClaimAsync(id, options.HandlerLease, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Without the store we cannot tell a duplicate: ask Kandy to deliver again later rather than risk it.
                LogStoreFailed(logger, ex, notification.Kind.Value, id);
                context.Response.Headers.RetryAfter = "30";
                await Problem(context, StatusCodes.Status503ServiceUnavailable, "Duplicate store unavailable", "The notification was not handled; deliver it again later.").ConfigureAwait(false);
                return;
            }

            if (claim == CpaasClaim.AlreadyHandled)
            {
                LogDuplicate(logger, notification.Kind.Value, id);
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.Headers["X-Cpaas-Duplicate"] = "true";
                return;
            }

            if (claim == CpaasClaim.InProgress)
            {
                // Acknowledging now would lose the notification if the handler running elsewhere fails.
                LogInProgress(logger, notification.Kind.Value, id);
                context.Response.Headers.RetryAfter = "5";
                await Problem(context, StatusCodes.Status409Conflict, "Notification being handled", "Another delivery of this notification is being handled; deliver it again later.").ConfigureAwait(false);
                return;
            }
        }

        try
        {
            await _handlers.DispatchAsync(notification, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await ReleaseQuietlyAsync(store, id, logger).ConfigureAwait(false);
            LogHandlerFailed(logger, ex, notification.Kind.Value, id);
            await Problem(context, StatusCodes.Status500InternalServerError, "Handler failed", "The notification was not handled; Kandy will deliver it again.").ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            await ReleaseQuietlyAsync(store, id, logger).ConfigureAwait(false);
            throw;
        }

        if (id is not null)
        {
            try
            {
                await store.CompleteAsync(id, options.DuplicateWindow, default).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Handled already; the claim's lease still keeps redeliveries away for a while.
                LogStoreFailed(logger, ex, notification.Kind.Value, id);
            }
        }

        LogHandled(logger, notification.Kind.Value, id);
        context.Response.StatusCode = StatusCodes.Status200OK;
        feed?.PublishAfterResponse(context, notification); // the live feed, once Kandy has its answer
    }

    /// <summary>No Content-Type (Kandy's own is not documented: the body decides), or JSON in UTF-8 (application/json, application/*+json).</summary>
    internal static bool IsJsonOrAbsent(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private void ReportUnhandled(IServiceProvider services, ILogger logger, CpaasNotification notification)
    {
        var known = notification is not UnknownNotification;
        var kind = known ? notification.Kind.Value : "unknown";
        services.GetRequiredService<CpaasWebhookMetrics>().Unhandled(kind);
        if (_reportedUnhandled.TryAdd(kind, true))
        {
            var registration = notification switch
            {
                InboundSmsNotification => "OnInbound",
                OutboundSmsNotification => "OnOutbound",
                SmsSubscriptionCancellationNotification => "OnSubscriptionCancellation",
                SmsEventNotification => "OnEvent",
                DeliveryInfoNotification => "OnDeliveryInfo",
                UnknownNotification => "OnUnknown",
                _ => "OnAny",
            };

            // An unknown kind's name comes from the caller: logged shortened and without control characters.
            LogUnhandled(logger, known ? kind : "unknown (first seen: " + Printable(notification.Kind.Value) + ")", registration);
        }
    }

    private static string Printable(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 64));
        foreach (var c in text)
        {
            if (builder.Length == 64)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private static async Task ReleaseQuietlyAsync(ICpaasDuplicateStore store, string? id, ILogger logger)
    {
        if (id is null)
        {
            return;
        }

        try
        {
            await store.ReleaseAsync(id, default).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogStoreFailed(logger, ex, "release", id);
        }
    }

    /// <summary>Constant-time comparison (of SHA-256 digests, so lengths leak nothing either).</summary>
    internal static bool SecretEquals(string? presented, string expected)
    {
        if (presented is null)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    /// <summary>The secret may come in the query parameter or the header; either one matching is enough.</summary>
    private static bool HasSecret(HttpRequest request, CpaasWebhookOptions options, string secret)
    {
        if (request.Query.TryGetValue(options.SecretQueryParameter, out var query) && SecretEquals(query.ToString(), secret))
        {
            return true;
        }

        if (request.Headers.TryGetValue(options.SecretHeader, out var header))
        {
            var presented = header.ToString();
            if (presented.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                presented = presented["Bearer ".Length..];
            }

            return SecretEquals(presented, secret);
        }

        return false;
    }

    private static Task Problem(HttpContext context, int status, string title, string detail, long? bytePosition = null)
    {
        var extensions = bytePosition is { } position ? new System.Collections.Generic.Dictionary<string, object?> { ["bytePosition"] = position } : null;
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions).ExecuteAsync(context);
    }

    [LoggerMessage(1, LogLevel.Information, "Webhook handled a {Kind} notification {NotificationId}")]
    private static partial void LogHandled(ILogger logger, string kind, string? notificationId);

    [LoggerMessage(2, LogLevel.Information, "Webhook acknowledged a duplicate {Kind} notification {NotificationId} without handling it again")]
    private static partial void LogDuplicate(ILogger logger, string kind, string notificationId);

    [LoggerMessage(3, LogLevel.Warning, "Webhook rejected a call: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Information, "Webhook asked for a later redelivery of a {Kind} notification {NotificationId} that is being handled by another delivery")]
    private static partial void LogInProgress(ILogger logger, string kind, string notificationId);

    [LoggerMessage(6, LogLevel.Error, "Webhook duplicate store failed for a {Kind} notification {NotificationId}")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string kind, string notificationId);

    [LoggerMessage(7, LogLevel.Warning, "Webhook received a {Kind} notification but no handler is registered for it; it is acknowledged and dropped (register {Registration}). Logged once per kind; counted by cpaas.webhook.notifications.unhandled.")]
    private static partial void LogUnhandled(ILogger logger, string kind, string registration);

    [LoggerMessage(4, LogLevel.Error, "Webhook handler failed for a {Kind} notification {NotificationId}; answering 500 so it is delivered again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string kind, string? notificationId);
}
