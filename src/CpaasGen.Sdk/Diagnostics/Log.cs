using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>
/// Every log line the SDK writes. Operations are logged by their URL template (no ids or numbers); phone numbers
/// are masked (e-mail addresses too); tokens, secrets, message text and two-factor codes are never logged.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "{Operation} answered {Status} in {ElapsedMs:0.0} ms")]
    public static partial void Call(ILogger logger, string operation, int status, double elapsedMs);

    [LoggerMessage(2, LogLevel.Information, "{Operation} answered 401; refreshing the access token and retrying once")]
    public static partial void Unauthorized(ILogger logger, string operation);

    [LoggerMessage(3, LogLevel.Warning, "{Operation} failed ({Reason})")]
    public static partial void Failed(ILogger logger, string operation, string reason);

    [LoggerMessage(4, LogLevel.Information, "Requesting an access token ({Grant} grant)")]
    public static partial void TokenRequested(ILogger logger, string grant);

    [LoggerMessage(5, LogLevel.Information, "Access token received for user {UserId}; refresh at {RefreshAt:O}")]
    public static partial void TokenReceived(ILogger logger, string userId, System.DateTimeOffset refreshAt);

    [LoggerMessage(6, LogLevel.Information, "SMS sent from {Sender} to {DestinationCount} destination(s): {Statuses}")]
    public static partial void MessageSent(ILogger logger, string sender, int destinationCount, string statuses);

    [LoggerMessage(7, LogLevel.Warning, "Subscription failed after its notification channel was created; channel deleted: {Deleted}")]
    public static partial void SubscribeRolledBack(ILogger logger, bool deleted);

    [LoggerMessage(8, LogLevel.Warning, "Subscription {SubscriptionId} was deleted but its notification channel could not be deleted ({Reason})")]
    public static partial void ChannelCleanupFailed(ILogger logger, string subscriptionId, string reason);

    [LoggerMessage(10, LogLevel.Information, "{Operation}: retrying after {Reason} in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string operation, string reason, double delayMs);

    [LoggerMessage(11, LogLevel.Warning, "The access token lifetime was adjusted ({Adjustment}); using {LifetimeSeconds} s, refreshed at half of it")]
    public static partial void TokenLifetimeAdjusted(ILogger logger, string adjustment, double lifetimeSeconds);

    [LoggerMessage(12, LogLevel.Information, "Two-factor code {CodeId} {Action} by {Method} to {Destination}")]
    public static partial void CodeSent(ILogger logger, string codeId, string action, string method, string destination);

    [LoggerMessage(13, LogLevel.Information, "Two-factor code {CodeId} verified: {Verified}")]
    public static partial void CodeVerified(ILogger logger, string codeId, bool verified);

    [LoggerMessage(14, LogLevel.Information, "Two-factor code {CodeId} deleted")]
    public static partial void CodeDeleted(ILogger logger, string codeId);

    [LoggerMessage(9, LogLevel.Information, "Subscribed {Destination} to inbound SMS as {SubscriptionId}")]
    public static partial void Subscribed(ILogger logger, string destination, string subscriptionId);
}
