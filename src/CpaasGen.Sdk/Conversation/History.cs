using System;
using System.Collections.Generic;

namespace Cpaas;

/// <summary>Paging and filters for threads and messages (the API's <c>max</c>, <c>next</c>, <c>new</c>, <c>lastMessageTime</c>).</summary>
public sealed class HistoryQuery
{
    /// <summary>How many items to return (<c>max</c>).</summary>
    public int? Max { get; init; }

    /// <summary>The page pointer from a previous page's <see cref="CpaasPage{T}.Next"/> (<c>next</c>).</summary>
    public string? Next { get; init; }

    /// <summary>The <c>new</c> filter (only items not yet received by the user), passed to the API as is.</summary>
    public string? New { get; init; }

    /// <summary>Only items newer than this epoch time (<c>lastMessageTime</c>).</summary>
    public long? LastMessageTime { get; init; }

    internal HistoryQuery WithNext(string next) => new() { Max = Max, Next = next, New = New, LastMessageTime = LastMessageTime };
}

/// <summary>One page of results and the pointer to the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class CpaasPage<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items.</param>
    /// <param name="next">The next-page pointer, or null on the last page.</param>
    /// <param name="resourceUrl">The list's resource URL.</param>
    public CpaasPage(IReadOnlyList<T> items, string? next, string? resourceUrl)
    {
        Items = items;
        Next = next;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Pass this as <see cref="HistoryQuery.Next"/> to get the next page; null on the last page.</summary>
    public string? Next { get; }

    /// <summary>The list's resource URL.</summary>
    public string? ResourceUrl { get; }
}

/// <summary>A conversation between one of your numbers and a remote number.</summary>
public sealed class SmsThread
{
    /// <summary>Creates a thread.</summary>
    /// <param name="remoteAddress">The other party.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="firstMessageTime">Epoch time of the first message.</param>
    /// <param name="lastMessageTime">Epoch time of the last message.</param>
    /// <param name="lastPullTime">Epoch time the thread was last read.</param>
    /// <param name="lastText">The last message's text.</param>
    /// <param name="length">Number of messages.</param>
    /// <param name="newMessageCount">Number of unread messages.</param>
    /// <param name="resourceUrl">The thread's resource URL.</param>
    public SmsThread(string? remoteAddress, string? localAddress, long? firstMessageTime, long? lastMessageTime, long? lastPullTime, string? lastText, int? length, int? newMessageCount, string? resourceUrl)
    {
        RemoteAddress = remoteAddress;
        LocalAddress = localAddress;
        FirstMessageTime = firstMessageTime;
        LastMessageTime = lastMessageTime;
        LastPullTime = lastPullTime;
        LastText = lastText;
        Length = length;
        NewMessageCount = newMessageCount;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The other party's number.</summary>
    public string? RemoteAddress { get; }

    /// <summary>Your number in this thread.</summary>
    public string? LocalAddress { get; }

    /// <summary>Epoch time of the first message, as sent (unit as the API sends it; see <see cref="EpochTime"/>).</summary>
    public long? FirstMessageTime { get; }

    /// <summary>Epoch time of the last message, as sent.</summary>
    public long? LastMessageTime { get; }

    /// <summary>Epoch time the thread was last read, as sent.</summary>
    public long? LastPullTime { get; }

    /// <summary>The last message's text.</summary>
    public string? LastText { get; }

    /// <summary>How many messages the thread holds.</summary>
    public int? Length { get; }

    /// <summary>How many messages are new (the API's <c>new</c>).</summary>
    public int? NewMessageCount { get; }

    /// <summary>The thread's resource URL.</summary>
    public string? ResourceUrl { get; }

    /// <summary>Never shows text; numbers are masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "SmsThread { RemoteAddress = " + PhoneMasking.MaskAddress(RemoteAddress) + ", LocalAddress = " + PhoneMasking.MaskAddress(LocalAddress) + ", Length = " + Length + " }";
}

/// <summary>The direction of a stored message.</summary>
public enum SmsMessageDirection
{
    /// <summary>A value the SDK does not know; see <see cref="SmsMessage.Type"/>.</summary>
    Unknown = 0,

    /// <summary>Received by your number.</summary>
    Inbound,

    /// <summary>Sent from your number.</summary>
    Outbound,
}

/// <summary>A stored message of a thread.</summary>
public sealed class SmsMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="messageId">The id.</param>
    /// <param name="type">The wire direction (<c>Inbound</c>/<c>Outbound</c>).</param>
    /// <param name="message">The text.</param>
    /// <param name="status">The delivery status.</param>
    /// <param name="dateTime">Epoch time, as sent.</param>
    /// <param name="resourceUrl">The resource URL.</param>
    public SmsMessage(string? messageId, string? type, string? message, DeliveryStatus? status, long? dateTime, string? resourceUrl)
    {
        MessageId = messageId;
        Type = type;
        Message = message;
        Status = status;
        DateTime = dateTime;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The message id (the API's <c>messageId</c>, or the last segment of <see cref="ResourceUrl"/> when it sent none).</summary>
    public string? MessageId { get; }

    /// <summary>The direction as the API sent it (<c>Inbound</c> or <c>Outbound</c>).</summary>
    public string? Type { get; }

    /// <summary>The direction.</summary>
    public SmsMessageDirection Direction => Type switch
    {
        _ when string.Equals(Type, "Inbound", StringComparison.OrdinalIgnoreCase) => SmsMessageDirection.Inbound,
        _ when string.Equals(Type, "Outbound", StringComparison.OrdinalIgnoreCase) => SmsMessageDirection.Outbound,
        _ => SmsMessageDirection.Unknown,
    };

    /// <summary>The message text.</summary>
    public string? Message { get; }

    /// <summary>The delivery status.</summary>
    public DeliveryStatus? Status { get; }

    /// <summary>Epoch time of the message, as sent (seconds or milliseconds; see <see cref="EpochTime"/>).</summary>
    public long? DateTime { get; }

    /// <summary><see cref="DateTime"/> as a <see cref="DateTimeOffset"/> (unit inferred by <see cref="EpochTime.ToDateTimeOffset"/>).</summary>
    public DateTimeOffset? DateTimeOffset => EpochTime.ToDateTimeOffset(DateTime);

    /// <summary>The message's resource URL.</summary>
    public string? ResourceUrl { get; }

    /// <summary>Never shows the text.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "SmsMessage { MessageId = " + MessageId + ", Type = " + Type + ", Status = " + Status + " }";
}

/// <summary>Epoch timestamps as Kandy sends them: fixtures mix seconds and milliseconds, real traffic is milliseconds.</summary>
public static class EpochTime
{
    /// <summary>Values at or above this are read as milliseconds (10^11 ms is 1973; 10^11 s is year 5138).</summary>
    public const long MillisecondsThreshold = 100_000_000_000;

    /// <summary>Converts an epoch value, reading it as milliseconds when it is at least <see cref="MillisecondsThreshold"/>, else as seconds.</summary>
    /// <param name="value">The epoch value.</param>
    /// <returns>The instant, or null for null or out-of-range values.</returns>
    public static DateTimeOffset? ToDateTimeOffset(long? value)
    {
        if (value is not { } v || v < 0)
        {
            return null;
        }

        try
        {
            return v >= MillisecondsThreshold ? System.DateTimeOffset.FromUnixTimeMilliseconds(v) : System.DateTimeOffset.FromUnixTimeSeconds(v);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
