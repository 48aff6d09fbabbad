using System;
using System.Collections.Generic;
using System.Text;
using CpaasGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Turns node offsets into <see cref="LocationInfo"/> (character span + line/column, as the compiler shows them).
/// Built lazily on the first diagnostic, so a clean document pays nothing for it. YAML nodes carry character offsets;
/// JSON nodes carry UTF-8 byte offsets (what <c>Utf8JsonReader</c> reports), converted here to character offsets.
/// Line breaks are the compiler's (<c>\r\n</c>, <c>\r</c>, <c>\n</c>, U+0085, U+2028, U+2029).
/// </summary>
internal sealed class SourceMap
{
    /// <summary>Distance between two remembered (byte offset, char offset) pairs of a non-ASCII JSON document.</summary>
    private const int CheckpointBytes = 16 * 1024;

    private readonly string _filePath;
    private readonly string _text;
    private readonly byte[]? _utf8;
    private int[]? _lineStarts;
    private List<(int Bytes, int Chars)>? _checkpoints;

    private SourceMap(string filePath, string text, byte[]? utf8)
    {
        _filePath = filePath;
        _text = text;
        _utf8 = utf8;
    }

    /// <summary>Offsets are character indexes into <paramref name="text"/>.</summary>
    public static SourceMap ForChars(string filePath, string text) => new(filePath, text, null);

    /// <summary>Offsets are byte offsets into <paramref name="utf8"/>, the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static SourceMap ForUtf8(string filePath, string text, byte[] utf8)
        => new(filePath, text, utf8.Length == text.Length ? null : utf8); // all ASCII: a byte is a char

    public LocationInfo Locate(int start, int end)
    {
        var startChar = ToChar(start);
        var endChar = Math.Max(startChar, ToChar(end));
        return new LocationInfo(_filePath, new TextSpan(startChar, endChar - startChar), new LinePositionSpan(Position(startChar), Position(endChar)));
    }

    private LinePosition Position(int charIndex)
    {
        var lines = _lineStarts ??= LineStarts(_text);
        var line = Array.BinarySearch(lines, charIndex);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, charIndex - lines[line]);
    }

    private int ToChar(int offset)
    {
        offset = Math.Max(0, offset);
        if (_utf8 is null)
        {
            return Math.Min(offset, _text.Length);
        }

        offset = Math.Min(offset, _utf8.Length);
        var checkpoints = _checkpoints ??= Checkpoints(_utf8);
        var low = 0;
        var high = checkpoints.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (checkpoints[mid].Bytes <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var (bytes, chars) = checkpoints[low];
        return chars + Encoding.UTF8.GetCharCount(_utf8, bytes, offset - bytes);
    }

    /// <summary>Every ~16 KB, at a character boundary (never inside a multi-byte sequence): the bytes and chars before it.</summary>
    private static List<(int Bytes, int Chars)> Checkpoints(byte[] utf8)
    {
        var result = new List<(int, int)> { (0, 0) };
        var bytes = 0;
        var chars = 0;
        while (bytes + CheckpointBytes < utf8.Length)
        {
            var next = bytes + CheckpointBytes;
            while (next > bytes && (utf8[next] & 0xC0) == 0x80)
            {
                next--; // back to the lead byte
            }

            chars += Encoding.UTF8.GetCharCount(utf8, bytes, next - bytes);
            bytes = next;
            result.Add((bytes, chars));
        }

        return result;
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    starts.Add(i + 1);
                    break;
                case '\n':
                case '\u0085':
                case '\u2028':
                case '\u2029':
                    starts.Add(i + 1);
                    break;
            }
        }

        return starts.ToArray();
    }
}
