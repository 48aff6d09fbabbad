using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions;

namespace Cpaas;

/// <summary>
/// Expands the URL templates our generator emits — <c>{+baseurl}</c>, <c>{+name}</c> path variables and one trailing
/// <c>{?a,b}</c> query — from a per-template parse cached once. Kiota's general RFC 6570 expander costs a third of a send;
/// anything this one does not recognise falls back to it. Path values are inserted as they are: the generated client has
/// already encoded them as path segments (<c>PathSegment.Encode</c>, the one encoder of path values), and a value that is
/// not in encoded form is left to Kiota's expander rather than encoded a second time here. Query values are encoded here,
/// once (<see cref="Uri.EscapeDataString(string)"/>). Also caches the loggable operation name ("METHOD /path/{template}").
/// </summary>
internal static class UrlTemplates
{
    // Found by the template string's identity first: the generated clients pass string constants, so no 80-character
    // template is hashed per call. Behind it, each distinct template text is parsed once.
    private static readonly ConditionalWeakTable<string, Entry> ByReference = new();
    private static readonly ConcurrentDictionary<string, Entry> ByText = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static Uri Build(RequestInformation requestInfo)
    {
        var source = requestInfo.UrlTemplate;
        if (source is null || requestInfo.PathParameters.ContainsKey("request-raw-url"))
        {
            return requestInfo.URI;
        }

        var template = EntryFor(source).Template;
        if (template is null)
        {
            return requestInfo.URI;
        }

        // The same values as the last request on this template (the same user, the same sender): the same Uri, which is
        // immutable and safe to share.
        if (template.Last is { } last && last.Matches(requestInfo, template))
        {
            return last.Uri;
        }

        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        builder.Clear();
        try
        {
            foreach (var part in template.Parts)
            {
                if (!part.IsVariable)
                {
                    builder.Append(part.Text);
                    continue;
                }

                if (!requestInfo.PathParameters.TryGetValue(part.Text, out var value) || value is null || Text(value) is not { } text || !IsEncoded(text))
                {
                    return requestInfo.URI; // missing, or not pre-encoded: Kiota's expander reports or encodes it its own way
                }

                builder.Append(text);
            }

            var first = true;
            foreach (var name in template.Query)
            {
                if (!requestInfo.QueryParameters.TryGetValue(name, out var value) || value is null)
                {
                    continue;
                }

                builder.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(Text(value)));
                first = false;
            }

            var uri = new Uri(builder.ToString(), UriKind.Absolute);
            template.Last = BuiltUrl.Of(requestInfo, template, uri);
            return uri;
        }
        finally
        {
            if (builder.Capacity <= 4096)
            {
                t_builder = builder;
            }
        }
    }

    /// <summary>
    /// The URL of a direct-path request: the base URL, the generated operation's literal path text around the path values
    /// (already encoded by the generated client, <c>PathSegment.Encode</c>), and the query values encoded here, once. The
    /// last URL built per operation is kept on it and reused while the values are the same.
    /// </summary>
    public static Uri Build(string baseUrl, OperationDescriptor operation, string[] pathValues, string?[]? queryValues)
    {
        if (operation.AdapterCache is DirectUrl last && last.Matches(baseUrl, pathValues, queryValues))
        {
            return last.Uri;
        }

        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        builder.Clear();
        try
        {
            builder.Append(baseUrl);
            var segments = operation.PathSegments;
            for (var i = 0; i < segments.Length; i++)
            {
                builder.Append(segments[i]);
                if (i < pathValues.Length)
                {
                    builder.Append(pathValues[i]);
                }
            }

            if (queryValues is not null)
            {
                var first = true;
                var names = operation.QueryParameters;
                for (var i = 0; i < names.Length && i < queryValues.Length; i++)
                {
                    if (queryValues[i] is not { } value)
                    {
                        continue;
                    }

                    builder.Append(first ? '?' : '&').Append(names[i]).Append('=').Append(Uri.EscapeDataString(value));
                    first = false;
                }
            }

            var uri = new Uri(builder.ToString(), UriKind.Absolute);
            operation.AdapterCache = new DirectUrl(baseUrl, (string[])pathValues.Clone(), (string?[]?)queryValues?.Clone(), uri);
            return uri;
        }
        finally
        {
            if (builder.Capacity <= 4096)
            {
                t_builder = builder;
            }
        }
    }

    public static string Operation(RequestInformation requestInfo)
    {
        var source = requestInfo.UrlTemplate ?? string.Empty;
        var method = requestInfo.HttpMethod;
        var names = EntryFor(source).Operations;
        var index = (int)method;
        if ((uint)index >= (uint)names.Length)
        {
            return OperationName(method, source);
        }

        return names[index] ??= OperationName(method, source);
    }

    private static Entry EntryFor(string source)
    {
        if (ByReference.TryGetValue(source, out var entry))
        {
            return entry;
        }

        entry = ByText.GetOrAdd(source, static text => new Entry(Parse(text)));
        ByReference.TryAdd(source, entry);
        return entry;
    }

    private static string OperationName(Method method, string source)
    {
        var template = source.Replace("{+baseurl}", string.Empty, StringComparison.Ordinal).Replace("{+", "{", StringComparison.Ordinal);
        var query = template.IndexOf("{?", StringComparison.Ordinal);
        return method + " " + (query >= 0 ? template[..query] : template);
    }

    private static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// True when <paramref name="value"/> needs no encoding in a URL: only unreserved and reserved characters and valid
    /// <c>%XX</c> triplets (what RFC 6570 reserved expansion passes through unchanged).
    /// </summary>
    private static bool IsEncoded(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !Uri.IsHexDigit(value[i + 1]) || !Uri.IsHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
                continue;
            }

            if (!IsUnreservedOrReserved(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreservedOrReserved(char c)
        => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'
            or ':' or '/' or '?' or '#' or '[' or ']' or '@' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static Template? Parse(string source)
    {
        var parts = new List<Part>();
        var query = new List<string>();
        var position = 0;
        while (position < source.Length)
        {
            var open = source.IndexOf('{', position);
            if (open < 0)
            {
                if (query.Count > 0)
                {
                    return null; // nothing may follow the query expression
                }

                parts.Add(new Part(source[position..], false));
                break;
            }

            if (open > position)
            {
                parts.Add(new Part(source[position..open], false));
            }

            var close = source.IndexOf('}', open);
            if (close < 0 || query.Count > 0)
            {
                return null; // nothing may follow the query expression
            }

            var expression = source[(open + 1)..close];
            if (expression.StartsWith('+') && expression.IndexOf(',') < 0 && expression.Length > 1)
            {
                parts.Add(new Part(expression[1..], true));
            }
            else if (expression.StartsWith('?') && expression.Length > 1)
            {
                foreach (var name in expression[1..].Split(','))
                {
                    if (name.Length == 0 || name.IndexOfAny(['*', ':']) >= 0)
                    {
                        return null;
                    }

                    query.Add(name);
                }
            }
            else
            {
                return null;
            }

            position = close + 1;
        }

        return new Template(parts, query);
    }

    /// <summary>What is cached per template: its parse (null when it is not a form this expander handles) and its operation names per method.</summary>
    private sealed class Entry(Template? template)
    {
        public Template? Template { get; } = template;

        public string?[] Operations { get; } = new string?[16];
    }

    private sealed record Template(List<Part> Parts, List<string> Query)
    {
        private volatile BuiltUrl? _last;

        /// <summary>The URL built last from this template, with the values it was built from.</summary>
        public BuiltUrl? Last
        {
            get => _last;
            set => _last = value;
        }
    }

    /// <summary>A built URL and the string values it came from (null when a value was not a string: then it is not reused).</summary>
    private sealed class BuiltUrl
    {
        private readonly string?[] _path;
        private readonly string?[] _query;

        private BuiltUrl(string?[] path, string?[] query, Uri uri)
        {
            _path = path;
            _query = query;
            Uri = uri;
        }

        public Uri Uri { get; }

        private static object? Get(IDictionary<string, object> values, string name) => values.TryGetValue(name, out var value) ? value : null;

        public static BuiltUrl? Of(RequestInformation request, Template template, Uri uri)
        {
            var path = new string?[template.Parts.Count];
            for (var i = 0; i < path.Length; i++)
            {
                if (template.Parts[i].IsVariable)
                {
                    if (Get(request.PathParameters, template.Parts[i].Text) is not string value)
                    {
                        return null;
                    }

                    path[i] = value;
                }
            }

            var query = new string?[template.Query.Count];
            for (var i = 0; i < query.Length; i++)
            {
                var value = Get(request.QueryParameters, template.Query[i]);
                if (value is not null and not string)
                {
                    return null;
                }

                query[i] = (string?)value;
            }

            return new BuiltUrl(path, query, uri);
        }

        public bool Matches(RequestInformation request, Template template)
        {
            for (var i = 0; i < _path.Length; i++)
            {
                if (template.Parts[i].IsVariable
                    && !(request.PathParameters.TryGetValue(template.Parts[i].Text, out var value) && value is string text && string.Equals(text, _path[i], StringComparison.Ordinal)))
                {
                    return false;
                }
            }

            for (var i = 0; i < _query.Length; i++)
            {
                var value = Get(request.QueryParameters, template.Query[i]);
                if (!(value is null ? _query[i] is null : value is string text && string.Equals(text, _query[i], StringComparison.Ordinal)))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A direct-path URL and the values it was built from (copies: the caller's arrays change).</summary>
    private sealed class DirectUrl(string baseUrl, string[] path, string?[]? query, Uri uri)
    {
        public Uri Uri { get; } = uri;

        public bool Matches(string baseUrl2, string[] path2, string?[]? query2)
        {
            if (!string.Equals(baseUrl, baseUrl2, StringComparison.Ordinal) || path.Length != path2.Length || (query is null) != (query2 is null))
            {
                return false;
            }

            for (var i = 0; i < path.Length; i++)
            {
                if (!string.Equals(path[i], path2[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            if (query is not null)
            {
                if (query.Length != query2!.Length)
                {
                    return false;
                }

                for (var i = 0; i < query.Length; i++)
                {
                    if (!string.Equals(query[i], query2[i], StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    private readonly record struct Part(string Text, bool IsVariable);
}
