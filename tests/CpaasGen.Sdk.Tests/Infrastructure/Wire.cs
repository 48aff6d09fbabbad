using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text.Json;
using WireMock.Logging;
using Xunit;

namespace Cpaas.Tests;

/// <summary>Assertions on what reached WireMock: headers, exact JSON bodies, form bodies.</summary>
internal static class Wire
{
    /// <summary>The X-Cpaas-Agent value: CpaasGen.Sdk/{assembly version}.</summary>
    public static readonly string Agent = "CpaasGen.Sdk/" + typeof(CpaasClient).Assembly.GetName().Version!.ToString(3);

    public static string? Header(ILogEntry entry, string name)
    {
        var headers = entry.RequestMessage.Headers;
        if (headers is null)
        {
            return null;
        }

        var match = headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
        return match.Value is null ? null : string.Join(",", match.Value);
    }

    /// <summary>Method, raw path, the authenticated-call headers, and (for bodies) the JSON content type.</summary>
    public static void AssertApiCall(ILogEntry entry, string method, string path, bool hasBody = false, bool expectsJson = true, string? bearer = null)
    {
        Assert.Equal(method, entry.RequestMessage.Method);
        Assert.Equal(path, KandyServer.PathOf(entry));
        var authorization = Header(entry, "Authorization");
        Assert.NotNull(authorization);
        Assert.StartsWith("Bearer ey", authorization);
        if (bearer is not null)
        {
            Assert.Equal("Bearer " + bearer, authorization);
        }

        Assert.Equal(Agent, Header(entry, "X-Cpaas-Agent"));
        if (expectsJson)
        {
            Assert.Equal("application/json", Header(entry, "Accept"));
        }

        if (hasBody)
        {
            Assert.StartsWith("application/json", Header(entry, "Content-Type"));
        }
        else
        {
            // No body. (Whether a Content-Type header comes with it is asserted once, in RequestHeaderTests.)
            Assert.True(string.IsNullOrEmpty(entry.RequestMessage.Body), "Expected no request body but got: " + entry.RequestMessage.Body);
        }
    }

    /// <summary>Compares two JSON texts: same members (no extra, none missing, no nulls where omitted), same values, arrays in order.</summary>
    public static void AssertJson(string expected, string? actual)
    {
        Assert.NotNull(actual);
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual!);
        var difference = Diff(e.RootElement, a.RootElement, "$");
        Assert.True(difference is null, difference + "\nactual: " + actual);
    }

    private static string? Diff(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return path + ": expected " + expected.ValueKind + " " + expected.GetRawText() + ", got " + actual.ValueKind + " " + actual.GetRawText();
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
                if (!expectedNames.SequenceEqual(actualNames))
                {
                    return path + ": expected members [" + string.Join(", ", expectedNames) + "], got [" + string.Join(", ", actualNames) + "]";
                }

                foreach (var member in expected.EnumerateObject())
                {
                    var inner = Diff(member.Value, actual.GetProperty(member.Name), path + "." + member.Name);
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var left = expected.EnumerateArray().ToList();
                var right = actual.EnumerateArray().ToList();
                if (left.Count != right.Count)
                {
                    return path + ": expected " + left.Count + " items, got " + right.Count;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    var inner = Diff(left[i], right[i], path + "[" + i + "]");
                    if (inner is not null)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : path + ": expected \"" + expected.GetString() + "\", got \"" + actual.GetString() + "\"";
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : path + ": expected " + expected.GetRawText() + ", got " + actual.GetRawText();
        }
    }

    /// <summary>Parses an application/x-www-form-urlencoded body with form semantics ('+' is a space, %XX decoded).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Form(string? body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(body))
        {
            return pairs;
        }

        foreach (var part in body.Split('&'))
        {
            var equals = part.IndexOf('=');
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new KeyValuePair<string, string>(WebUtility.UrlDecode(key), WebUtility.UrlDecode(value)));
        }

        return pairs;
    }

    /// <summary>The raw query string as decoded name/value pairs, in order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Query(ILogEntry entry) => Form(KandyServer.QueryOf(entry));

    /// <summary>All public string properties of an object and their values (to prove a value appears nowhere it should not).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> StringProperties(object value)
        => value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
            .Select(p => new KeyValuePair<string, string?>(p.Name, (string?)p.GetValue(value)));
}
