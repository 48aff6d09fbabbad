using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace Cpaas.Reliability.Tests;

/// <summary>Generators of hostile variants of a set of JSON documents: text edits, wrong-typed values, invalid UTF-8.</summary>
internal static class JsonMutations
{
    /// <summary>JSON-significant fragments spliced into documents.</summary>
    public static readonly string[] Tokens =
    {
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "false", "0", "-", "1e999", "-1e-999", "99999999999999999999999", "1.5", "\\", "\\u0000",
        "\\ud800", "\\uZZZZ", "\u0000", " ", "\t", "\n", "/*x*/", "//", "NaN", "Infinity", "'", "\u2028", "\uFEFF", "{}", "[]", "\"\"",
    };

    /// <summary>Replacement values of other types (and odd values of the same type).</summary>
    public static readonly string[] Replacements =
    {
        "null", "0", "-1", "1e400", "\"\"", "\"x\"", "true", "[]", "{}", "[{}]", "[null]", "[1,2]", "{\"href\":5}", "99999999999999999999", "\"1525895987\"", "1.5",
        "\"/\"", "\"a/b/\"", "\"%zz\"", "\"default\"",
    };

    private static readonly byte[][] InvalidSequences =
    {
        new byte[] { 0xFF }, new byte[] { 0xC3, 0x28 }, new byte[] { 0x80 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xFE, 0xFF }, new byte[] { 0xEF, 0xBB, 0xBF },
    };

    /// <summary>One of the documents with 1–4 text edits: delete, insert a token, duplicate a range, truncate.</summary>
    public static Gen<string> Edited(IReadOnlyList<string> documents)
        => Gen.Select(Gen.Int[0, documents.Count - 1], Gen.Select(Gen.Int[0, 3], Gen.Int[0, 100_000], Gen.Int[0, 40], Gen.Int[0, Tokens.Length - 1]).Array[1, 4])
            .Select(p =>
            {
                var text = documents[p.Item1];
                foreach (var (kind, position, length, token) in p.Item2)
                {
                    var at = text.Length == 0 ? 0 : position % text.Length;
                    var take = Math.Min(length, text.Length - at);
                    text = kind switch
                    {
                        0 => text.Remove(at, take),
                        1 => text.Insert(at, Tokens[token]),
                        2 => text.Insert(at, text.Substring(at, take)),
                        _ => text[..at],
                    };
                }

                return text;
            });

    /// <summary>One of the documents with one member or array item replaced by a value of another type.</summary>
    public static Gen<string> TypeSwapped(IReadOnlyList<string> documents)
        => Gen.Select(Gen.Int[0, documents.Count - 1], Gen.Int[0, 100_000], Gen.OneOf(Replacements))
            .Select(p =>
            {
                var root = JsonNode.Parse(documents[p.Item1])!;
                var slots = new List<(JsonNode Parent, object Key)>();
                Collect(root, slots);
                var (parent, key) = slots[p.Item2 % slots.Count];
                var replacement = JsonNode.Parse(p.Item3);
                if (parent is JsonObject o)
                {
                    o[(string)key] = replacement;
                }
                else
                {
                    ((JsonArray)parent)[(int)key] = replacement;
                }

                return root.ToJsonString();
            });

    /// <summary>One of the documents with an invalid UTF-8 sequence spliced in at a random byte.</summary>
    public static Gen<byte[]> InvalidUtf8(IReadOnlyList<string> documents)
        => Gen.Select(Gen.Int[0, documents.Count - 1], Gen.Int[0, 100_000], Gen.Int[0, InvalidSequences.Length - 1])
            .Select(p =>
            {
                var bytes = Encoding.UTF8.GetBytes(documents[p.Item1]).ToList();
                bytes.InsertRange(p.Item2 % bytes.Count, InvalidSequences[p.Item3]);
                return bytes.ToArray();
            });

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject obj)
        {
            foreach (var pair in obj.ToList())
            {
                slots.Add((obj, pair.Key));
                if (pair.Value is not null)
                {
                    Collect(pair.Value, slots);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } item)
                {
                    Collect(item, slots);
                }
            }
        }
    }
}
