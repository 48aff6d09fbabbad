using System;

namespace Cpaas;

/// <summary>URLs as Kandy sends them: resource URLs are relative to the base URL, webhook and channel URLs absolute.</summary>
internal static class WireUri
{
    /// <summary>The URL as a <see cref="Uri"/> (absolute or relative); null for null, empty or unparseable text (kept in the wire model).</summary>
    public static Uri? From(string? value)
        => string.IsNullOrWhiteSpace(value) ? null : Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var uri) ? uri : null;

    /// <summary>The text to put in a wire model: the original string of a relative URL, the absolute URI of an absolute one.</summary>
    public static string? ToWire(Uri? value)
        => value is null ? null : value.IsAbsoluteUri ? value.AbsoluteUri : value.OriginalString;
}
