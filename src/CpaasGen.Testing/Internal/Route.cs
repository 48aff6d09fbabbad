using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Cpaas.Testing.Internal;

/// <summary>
/// Matches the raw request path against an operation's path template. The raw (undecoded) path is used because
/// WireMock's own path matcher form-decodes '+' into a space, while '+' is literal in a URL path and is what
/// clients send for E.164 numbers. Parameter values are percent-decoded ('+' stays '+').
/// </summary>
internal sealed class Route
{
    private readonly Regex _regex;
    private readonly List<string> _names = new();

    public Route(string template, string userId)
    {
        var pattern = new StringBuilder("^");
        var position = 0;
        foreach (Match parameter in Regex.Matches(template, "\\{([^}/]+)\\}"))
        {
            pattern.Append(Regex.Escape(template[position..parameter.Index]));
            var name = parameter.Groups[1].Value;
            if (name == "userId")
            {
                // Only the kit's own user: any other user id is 404, as it would be for a real account.
                pattern.Append("(?:").Append(Regex.Escape(userId)).Append('|').Append(Regex.Escape(Uri.EscapeDataString(userId))).Append(')');
            }
            else
            {
                pattern.Append("([^/]+)");
                _names.Add(name);
            }

            position = parameter.Index + parameter.Length;
        }

        pattern.Append(Regex.Escape(template[position..])).Append("/?$");
        _regex = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Template = template;
    }

    public string Template { get; }

    public IReadOnlyList<string> ParameterNames => _names;

    /// <summary>The path exactly as it was on the wire (no decoding of '+' or anything else).</summary>
    public static string RawPath(string url)
    {
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);
        if (uri.IsAbsoluteUri)
        {
            return uri.AbsolutePath;
        }

        var end = url.IndexOfAny(['?', '#']);
        return end >= 0 ? url[..end] : url;
    }

    /// <summary>The query parameters of a URL, decoded.</summary>
    public static Dictionary<string, string> Query(string url)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return result;
        }

        var end = url.IndexOf('#', start);
        var query = end >= 0 ? url[(start + 1)..end] : url[(start + 1)..];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = FormDecode(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? FormDecode(pair[(equals + 1)..]) : string.Empty;
            result.TryAdd(key, value);
        }

        return result;
    }

    /// <summary>Decodes an application/x-www-form-urlencoded (or query) component: '+' is a space.</summary>
    public static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    public bool IsMatch(string url) => _regex.IsMatch(RawPath(url));

    public bool TryMatch(string url, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        var match = _regex.Match(RawPath(url));
        if (!match.Success)
        {
            return false;
        }

        for (var i = 0; i < _names.Count; i++)
        {
            values[_names[i]] = Uri.UnescapeDataString(match.Groups[i + 1].Value);
        }

        return true;
    }
}
