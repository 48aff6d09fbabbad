using System;

namespace Cpaas.Testing.Tests;

/// <summary>Raw-HTTP tests build request URLs from the server's base URL.</summary>
internal static class MockServerUrls
{
    /// <summary>The base URL without its trailing slash, to append an absolute path such as <c>/cpaas/auth/v1/token</c>.</summary>
    public static string Root(this CpaasMockServer server) => server.BaseUrl.AbsoluteUri.TrimEnd('/');
}
