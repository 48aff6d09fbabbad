using System;
using System.Text;

namespace Cpaas;

/// <summary>
/// Masks what a URL can carry that must not be written down: a webhook's shared secret travels in its query string
/// (<c>?token=…</c>, the only place Kandy can carry it), and credentials in its user info. Every query value and the
/// user info become <c>***</c>; parameter names, scheme, host, port and path are kept, the fragment is dropped
/// (<c>https://app.example/hook?token=s3cret</c> → <c>https://app.example/hook?token=***</c>). Used by every
/// <see cref="object.ToString"/>, log line and CLI output of CpaasGen that shows a webhook URL.
/// </summary>
public static class UrlMasking
{
    /// <summary>The URL for display, secrets masked; <c>(none)</c> for null.</summary>
    /// <param name="url">An absolute or relative URL.</param>
    /// <returns>The masked text.</returns>
    public static string Mask(Uri? url)
    {
        if (url is null)
        {
            return "(none)";
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return MaskText(url.OriginalString);
        }

        var builder = new StringBuilder(url.Scheme).Append("://");
        if (url.UserInfo.Length > 0)
        {
            builder.Append("***@");
        }

        builder.Append(url.Authority).Append(url.AbsolutePath);
        AppendMaskedQuery(builder, url.Query);
        return builder.ToString();
    }

    /// <summary>Masks a URL given as text (one that does not parse keeps only what precedes its query).</summary>
    /// <param name="url">The URL.</param>
    /// <returns>The masked text.</returns>
    public static string Mask(string? url)
    {
        if (url is null)
        {
            return "(none)";
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? Mask(absolute) : MaskText(url);
    }

    /// <summary>Relative and non-http URLs: by text (on Unix, "/hook" parses as an absolute file URL).</summary>
    private static string MaskText(string url)
    {
        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var text = fragment >= 0 ? url[..fragment] : url;
        var query = text.IndexOf('?', StringComparison.Ordinal);
        var builder = new StringBuilder(query >= 0 ? text[..query] : text);
        var at = builder.ToString().IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var scheme = builder.ToString().IndexOf("://", StringComparison.Ordinal);
            var start = scheme >= 0 ? scheme + 3 : text.StartsWith("//", StringComparison.Ordinal) ? 2 : 0;
            if (at > start)
            {
                builder.Remove(start, at - start).Insert(start, "***");
            }
        }

        if (query >= 0)
        {
            AppendMaskedQuery(builder, text[query..]);
        }

        return builder.ToString();
    }

    private static void AppendMaskedQuery(StringBuilder builder, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var separator = '?';
        foreach (var pair in query[1..].Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            // A bare value (?s3cret) is masked whole; a name is kept so the reader knows which parameter it was.
            builder.Append(separator).Append(equals >= 0 ? pair[..(equals + 1)] : string.Empty).Append("***");
            separator = '&';
        }
    }
}
