using System;

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

    /// <summary>Only items whose last message is newer than this instant (<c>lastMessageTime</c>, sent as epoch milliseconds).</summary>
    public DateTimeOffset? LastMessageAfter { get; init; }

    internal long? LastMessageTime => EpochTime.ToMilliseconds(LastMessageAfter);

    internal HistoryQuery WithNext(string next) => new() { Max = Max, Next = next, New = New, LastMessageAfter = LastMessageAfter };
}
