using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Loads a JSON document with <c>System.Text.Json</c>'s <see cref="Utf8JsonReader"/> (the compiler host's own, precompiled
/// copy: nothing to JIT, no DOM of its own): most large real-world documents are JSON, and going through a YAML parser
/// cost them most of their generation time. Node offsets are UTF-8 byte offsets (<see cref="SourceMap.ForUtf8"/>).
/// Anything this loader does not accept (invalid JSON, comments, duplicate keys, a host without System.Text.Json)
/// returns null and the document goes through the YAML loader, which reports problems exactly as before.
/// </summary>
internal static class JsonLoader
{
    /// <summary>Deeper than any real document; beyond it the YAML loader reports the depth.</summary>
    private const int MaxDepth = YamlLoader.MaxDepth;

    /// <summary>True when the text starts (after whitespace and a byte order mark) like a JSON object.</summary>
    public static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                continue;
            }

            return c == '{';
        }

        return false;
    }

    /// <summary>The root mapping and its source map, or null when the YAML loader must decide.</summary>
    public static (SpecMapping Root, SourceMap Map)? TryLoad(string filePath, string text)
    {
        try
        {
            return Load(filePath, text);
        }
        catch (Exception ex) when (ex is System.IO.FileNotFoundException or System.IO.FileLoadException or TypeLoadException)
        {
            return null; // a compiler host without System.Text.Json: YAML reads JSON too, only slower
        }
    }

    // System.Text.Json is resolved when this method is compiled, so nothing that names its types may sit in TryLoad.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (SpecMapping Root, SourceMap Map)? Load(string filePath, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var skip = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, skip, utf8.Length - skip), new JsonReaderOptions { MaxDepth = MaxDepth });
            var root = ReadDocument(ref reader, utf8, skip);
            return root is null ? null : (root, SourceMap.ForUtf8(filePath, text, utf8));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null; // not (strict) JSON: the YAML loader reads it or reports where it breaks
        }
    }

    private static SpecMapping? ReadDocument(ref Utf8JsonReader reader, byte[] utf8, int skip)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var frames = new Stack<Frame>();
        frames.Push(new Frame((int)reader.TokenStartIndex + skip, isObject: true));
        SpecScalar? key = null;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex + skip;
            SpecNode? value;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    key = new SpecScalar(start, start + reader.ValueSpan.Length + 2, reader.GetString()!, isPlain: false);
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    frames.Peek().PendingKey = key;
                    key = null;
                    frames.Push(new Frame(start, reader.TokenType == JsonTokenType.StartObject));
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    var done = frames.Pop();
                    var end = (int)reader.BytesConsumed + skip;
                    value = done.IsObject ? ToMapping(done, end) : new SpecSequence(done.Start, end, done.Items!);
                    if (value is null)
                    {
                        return null; // duplicate keys: the YAML loader reports them
                    }

                    if (frames.Count == 0)
                    {
                        return reader.Read() ? null : (SpecMapping)value; // anything after the root: let YAML report it
                    }

                    key = frames.Peek().PendingKey;
                    break;
                case JsonTokenType.String:
                    value = new SpecScalar(start, start + reader.ValueSpan.Length + 2, reader.GetString()!, isPlain: false);
                    break;
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                case JsonTokenType.Null:
                    // Kept as written (as YAML would: "1.0" stays "1.0"); plain, so it reads as a number, a boolean or null.
                    var length = reader.ValueSpan.Length;
                    value = new SpecScalar(start, start + length, Encoding.UTF8.GetString(utf8, start, length), isPlain: true);
                    break;
                default:
                    return null; // comments are not JSON
            }

            var frame = frames.Peek();
            if (frame.IsObject)
            {
                frame.Members!.Add(new KeyValuePair<SpecNode, SpecNode>(key!, value));
                key = null;
            }
            else
            {
                frame.Items!.Add(value);
            }
        }

        return null;
    }

    private static SpecMapping? ToMapping(Frame frame, int end)
    {
        var members = frame.Members!;
        if (members.Count > 8)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                if (!seen.Add(((SpecScalar)member.Key).Value))
                {
                    return null;
                }
            }
        }
        else
        {
            for (var i = 1; i < members.Count; i++)
            {
                var key = ((SpecScalar)members[i].Key).Value;
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(key, ((SpecScalar)members[j].Key).Value, StringComparison.Ordinal))
                    {
                        return null;
                    }
                }
            }
        }

        return new SpecMapping(frame.Start, end, members);
    }

    private sealed class Frame
    {
        public Frame(int start, bool isObject)
        {
            Start = start;
            IsObject = isObject;
            if (isObject)
            {
                Members = new List<KeyValuePair<SpecNode, SpecNode>>();
            }
            else
            {
                Items = new List<SpecNode>();
            }
        }

        public int Start { get; }

        public bool IsObject { get; }

        public List<KeyValuePair<SpecNode, SpecNode>>? Members { get; }

        public List<SpecNode>? Items { get; }

        /// <summary>The key of the member whose value (an object or array) is being read below this frame.</summary>
        public SpecScalar? PendingKey { get; set; }
    }
}
