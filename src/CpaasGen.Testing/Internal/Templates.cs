using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cpaas.Testing.Internal;

/// <summary>Navigates and adapts the description's example bodies, which the stubs use as templates.</summary>
internal static partial class Templates
{
    /// <summary>
    /// The node at a dotted path such as <c>a.b[0].c</c>; throws, naming <paramref name="owner"/>, when the example
    /// does not have it (so a changed example fails at Start() instead of producing a wrong answer).
    /// </summary>
    public static JsonNode At(JsonNode? root, string path, string owner)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part.AsSpan(bracket + 1, part.Length - bracket - 2), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                current = current is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
            }

            if (index is { } i)
            {
                current = current is JsonArray array && array.Count > i ? array[i] : null;
            }

            if (current is null)
            {
                throw new InvalidOperationException(
                    "The API description's example for " + owner + " has no '" + path + "', which the test kit uses as its template: add it to the example.");
            }
        }

        return current!;
    }

    public static JsonObject ObjectAt(JsonNode? root, string path, string owner)
        => At(root, path, owner) as JsonObject
           ?? throw new InvalidOperationException("The API description's example for " + owner + " has '" + path + "', but it is not a JSON object.");

    public static JsonArray ArrayAt(JsonNode? root, string path, string owner)
        => At(root, path, owner) as JsonArray
           ?? throw new InvalidOperationException("The API description's example for " + owner + " has '" + path + "', but it is not a JSON array.");

    /// <summary>A detached deep copy of the object at <paramref name="path"/>.</summary>
    public static JsonObject CopyAt(JsonNode? root, string path, string owner) => (JsonObject)ObjectAt(root, path, owner).DeepClone();

    /// <summary>Sets a member, or removes it when <paramref name="value"/> is null (optional members are omitted, not null).</summary>
    public static void Set(JsonObject target, string name, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(name);
        }
        else
        {
            target[name] = value;
        }
    }

    public static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add(JsonValue.Create(value));
        }

        return array;
    }

    /// <summary>
    /// Adapts a resource URL of an example (<c>/cpaas/smsmessaging/v1/{userId}/remoteAddresses/{remote}/messages/{id}</c>):
    /// the user id segment becomes <paramref name="userId"/>, and the segment after each named segment
    /// (<c>remoteAddresses</c>, <c>messages</c>, …) becomes the given value. Other text is kept.
    /// </summary>
    public static string AdaptUrl(string? templateUrl, string userId, params (string After, string Value)[] replacements)
    {
        if (string.IsNullOrEmpty(templateUrl) || !templateUrl.StartsWith("/cpaas/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The example resource URL '" + templateUrl + "' does not start with /cpaas/.");
        }

        var segments = templateUrl.Split('/');
        if (segments.Length > 4 && VersionPattern().IsMatch(segments[3]))
        {
            segments[4] = userId;
        }

        for (var i = 5; i < segments.Length - 1; i++)
        {
            foreach (var (after, value) in replacements)
            {
                if (string.Equals(segments[i], after, StringComparison.Ordinal))
                {
                    segments[i + 1] = value;
                    i++;
                    break;
                }
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>The string value of a member, or null.</summary>
    public static string? Text(JsonNode? node, string name)
        => node is JsonObject obj && obj.TryGetPropertyValue(name, out var value) && value is JsonValue scalar
            ? scalar.GetValueKind() == System.Text.Json.JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString()
            : null;

    [GeneratedRegex("^v[0-9]+$")]
    private static partial Regex VersionPattern();
}

/// <summary>How the kit writes JSON: compact, with "+16135550100" as is (not "\u002B…").</summary>
internal static class WireJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);
}
