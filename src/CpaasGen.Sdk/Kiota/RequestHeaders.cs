using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Kiota.Abstractions;

namespace Cpaas;

/// <summary>Copies the headers of a generated client's <see cref="RequestInformation"/> onto an <see cref="HttpRequestMessage"/>, without Kiota's allocating enumeration for the usual Accept/Content-Type pair.</summary>
internal static class RequestHeaders
{
    public static void CopyTo(RequestInformation request, HttpRequestMessage message)
    {
        var headers = request.Headers;
        var copied = 0;
        if (headers.ContainsKey("Content-Type"))
        {
            copied++; // carried by the content (RequestBodyContent), not the request headers
        }

        if (headers.TryGetValue("Accept", out var accepts) && Single(accepts) is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
            copied++;
        }

        if (headers.Count > copied)
        {
            // Any other header (a spec header parameter): the general, allocating path.
            foreach (var header in headers)
            {
                if (!string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase) && !string.Equals(header.Key, "Accept", StringComparison.OrdinalIgnoreCase))
                {
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }
    }

    /// <summary>The last value of a header (Kiota keeps a set per header).</summary>
    public static string? Single(IEnumerable<string> values)
    {
        string? last = null;
        if (values is HashSet<string> set)
        {
            foreach (var value in set)
            {
                last = value; // struct enumerator: no allocation
            }

            return last;
        }

        foreach (var value in values)
        {
            last = value;
        }

        return last;
    }
}
