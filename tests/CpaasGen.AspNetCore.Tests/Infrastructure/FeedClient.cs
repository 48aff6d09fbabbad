using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace Cpaas.AspNetCore.Tests;

/// <summary>Live feed clients signed in with <see cref="TestAuth"/> (or anonymous with a null user).</summary>
internal static class FeedClient
{
    public static Task<SseClient> ConnectAsync(HttpClient http, string path, string? user = "alice", string? lastEventId = null)
        => SseClient.ConnectAsync(http, path, lastEventId, r => SignIn(r, user));

    public static Task<(HttpResponseMessage Response, Stream? Body)> OpenAsync(HttpClient http, string path, string? user)
        => SseClient.OpenAsync(http, path, null, r => SignIn(r, user));

    /// <summary>The next <paramref name="count"/> <c>notification</c> events.</summary>
    public static Task<IReadOnlyList<SseEvent>> NotificationsAsync(this SseClient client, int count, System.TimeSpan? timeout = null)
        => client.ExpectAsync("notification", count, timeout);

    private static void SignIn(HttpRequestMessage request, string? user)
    {
        if (user is not null)
        {
            request.Headers.TryAddWithoutValidation(TestAuth.Header, user);
        }
    }
}
