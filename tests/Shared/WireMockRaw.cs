using System;
using System.Collections.Generic;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CpaasGen.Tests.Shared;

/// <summary>
/// WireMock helpers every Kandy stub of the test projects shares. WireMock's own path matcher form-decodes '+' to a
/// space, but '+' is literal in a URL path (RFC 3986) and is what the SDK sends for E.164 numbers, so stubs match and
/// assertions read the undecoded URL.
/// </summary>
internal static class WireMockRaw
{
    /// <summary>Matches the raw request path.</summary>
    public static IRequestBuilder RawPath(string path)
        => Request.Create().WithUrl(url => string.Equals(new Uri(url).AbsolutePath, path, StringComparison.Ordinal));

    /// <summary>The path exactly as it was on the wire ('+' not decoded).</summary>
    public static string PathOf(ILogEntry entry) => new Uri(entry.RequestMessage.Url).AbsolutePath;

    /// <summary>The raw query string, without '?'.</summary>
    public static string QueryOf(ILogEntry entry) => new Uri(entry.RequestMessage.Url).Query.TrimStart('?');

    /// <summary>Answers successive calls to a raw path with the given responses in order; the last one repeats.</summary>
    public static void Sequence(WireMockServer server, string method, string path, IReadOnlyList<IResponseBuilder> responses)
    {
        var scenario = "sequence-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < responses.Count; i++)
        {
            var given = server.Given(RawPath(path).UsingMethod(method)).InScenario(scenario);
            if (i > 0)
            {
                given = given.WhenStateIs("step-" + i);
            }

            if (i < responses.Count - 1)
            {
                given = given.WillSetStateTo("step-" + (i + 1));
            }

            given.RespondWith(responses[i]);
        }
    }
}
