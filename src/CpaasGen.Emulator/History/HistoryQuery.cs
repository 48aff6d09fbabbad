using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Cpaas.Emulator.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Cpaas.Emulator.History;

/// <summary>
/// Paging and filter parameters of the history lists, read the way Kandy's own clients send them: what is really
/// malformed (a <c>max</c> that is not a positive integer, a <c>lastMessageTime</c> that is not an integer) is 400;
/// a <c>next</c> the emulator did not hand out is an offset when it is a number (<c>next=20</c>, the Node SDK's test)
/// and otherwise ignored (the first page); a <c>new</c> that is neither a boolean nor a number is ignored.
/// </summary>
internal readonly record struct HistoryQuery(int Max, long? Before, int Offset, bool OnlyNew, long? LastMessageTime)
{
    public const int DefaultPageSize = 50;

    public static ApiError? TryParse(IQueryCollection q, char cursorKind, out HistoryQuery query)
    {
        query = default;
        var max = DefaultPageSize;
        if (Value(q, "max") is { } maxText
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1))
        {
            return Errors.InvalidInput("max");
        }

        long? before = null;
        var offset = 0;
        if (Value(q, "next") is { } next)
        {
            if (Cursor.TryDecode(next, cursorKind, out var sequence))
            {
                before = sequence;
            }
            else if (next.Length <= 9 && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var skip))
            {
                offset = skip;
            }
        }

        var onlyNew = false;
        if (Value(q, "new") is { } newText)
        {
            if (bool.TryParse(newText, out var flag))
            {
                onlyNew = flag;
            }
            else if (long.TryParse(newText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                onlyNew = number != 0;
            }
        }

        long? lastMessageTime = null;
        if (Value(q, "lastMessageTime") is { } timeText)
        {
            if (!long.TryParse(timeText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time))
            {
                return Errors.InvalidInput("lastMessageTime");
            }

            lastMessageTime = time;
        }

        query = new HistoryQuery(max, before, offset, onlyNew, lastMessageTime);
        return null;
    }

    private static string? Value(IQueryCollection q, string name)
        => q.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;
}

/// <summary>The opaque <c>next</c> pointer of the history lists: base64url of "kind:sequence".</summary>
internal static class Cursor
{
    public const char Threads = 't';
    public const char Messages = 'm';

    public static string Encode(char kind, long sequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(kind + ":" + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string value, char kind, out long sequence)
    {
        sequence = 0;
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value));
        }
        catch (System.FormatException)
        {
            return false;
        }

        return text.Length > 2 && text[0] == kind && text[1] == ':'
            && long.TryParse(System.MemoryExtensions.AsSpan(text, 2), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }
}
