using System;

namespace Cpaas;

/// <summary>Reads ids out of Kandy resource URLs (<c>…/inbound/subscriptions/{id}</c>, <c>…/messages/{id}</c>).</summary>
internal static class ResourceUrls
{
    /// <summary>The last non-empty path segment, URL-decoded; null for null or empty input.</summary>
    public static string? LastSegment(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var path = StripQuery(url!).TrimEnd('/');
        var slash = path.LastIndexOf('/');
        var segment = slash >= 0 ? path[(slash + 1)..] : path;
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }

    /// <summary>The segment right after <paramref name="name"/> (e.g. the number after <c>remoteAddresses</c>), URL-decoded.</summary>
    public static string? SegmentAfter(string? url, string name)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var segments = StripQuery(url!).Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (string.Equals(segments[i], name, StringComparison.Ordinal) && segments[i + 1].Length > 0)
            {
                return Uri.UnescapeDataString(segments[i + 1]);
            }
        }

        return null;
    }

    private static string StripQuery(string url)
    {
        var end = url.AsSpan().IndexOfAny('?', '#');
        return end >= 0 ? url[..end] : url;
    }
}
