using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cpaas.Testing.Internal;

/// <summary>
/// Converts YAML example nodes to JSON faithfully, with the YAML 1.2 core schema: quoted scalars are strings
/// (<c>"+16139998877"</c> stays a string), plain scalars that look like numbers, booleans or null become those,
/// everything else is a string. JSON numbers keep their exact text.
/// </summary>
internal static partial class YamlJson
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string IntTag = "tag:yaml.org,2002:int";
    private const string FloatTag = "tag:yaml.org,2002:float";
    private const string BoolTag = "tag:yaml.org,2002:bool";
    private const string NullTag = "tag:yaml.org,2002:null";

    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => ToObject(map),
        YamlSequenceNode sequence => ToArray(sequence),
        YamlScalarNode scalar => ToScalar(scalar),
        _ => throw new InvalidOperationException("Unsupported YAML node at " + node.Start + ": " + node.GetType().Name + "."),
    };

    private static JsonObject ToObject(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var pair in map.Children)
        {
            var key = (pair.Key as YamlScalarNode)?.Value
                ?? throw new InvalidOperationException("A YAML mapping key at " + pair.Key.Start + " is not a scalar; JSON needs string keys.");
            result[key] = ToJson(pair.Value);
        }

        return result;
    }

    private static JsonArray ToArray(YamlSequenceNode sequence)
    {
        var result = new JsonArray();
        foreach (var item in sequence.Children)
        {
            result.Add(ToJson(item));
        }

        return result;
    }

    private static JsonNode? ToScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag == StrTag || (tag is null && scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded))
        {
            return JsonValue.Create(text);
        }

        if (tag == NullTag || (tag is null && NullPattern().IsMatch(text)))
        {
            return null;
        }

        if (tag == BoolTag || (tag is null && BoolPattern().IsMatch(text)))
        {
            return JsonValue.Create(text.Equals("true", StringComparison.OrdinalIgnoreCase));
        }

        if (tag is null or IntTag or FloatTag)
        {
            var number = Number(text);
            if (number is not null)
            {
                return number;
            }

            if (tag is not null)
            {
                throw new InvalidOperationException("The YAML scalar '" + text + "' at " + scalar.Start + " is tagged " + tag + " but is not a number.");
            }
        }

        return JsonValue.Create(text);
    }

    private static JsonNode? Number(string text)
    {
        if (JsonNumberPattern().IsMatch(text))
        {
            // Keeps the exact digits (no long/double round trip).
            return JsonNode.Parse(text);
        }

        if (YamlIntPattern().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexPattern().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalPattern().IsMatch(text))
        {
            return JsonValue.Create(Convert.ToInt64(text[2..], 8));
        }

        if (YamlFloatPattern().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return null; // .inf and .nan have no JSON form: kept as strings
    }

    [GeneratedRegex("^(null|Null|NULL|~|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumberPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex YamlIntPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexPattern();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloatPattern();
}

/// <summary>Serializes JSON the way the wire carries it: compact, and without escaping '+' or other harmless characters.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);
}
