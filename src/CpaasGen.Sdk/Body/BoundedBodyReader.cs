using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// Reads an HTTP body into memory with a hard cap, so a runaway or hostile peer cannot make the reader allocate without
/// bound. It is the one bounded reader of the CpaasGen packages; each caller has its own documented limit:
/// API responses (<see cref="CpaasClientOptions.MaxResponseBytes"/>, default 4 MiB), <see cref="Notification.ParseAsync"/>
/// (<see cref="Notification.MaxBodyBytes"/>, 1 MiB) and the ASP.NET Core webhook endpoint of CpaasGen.AspNetCore
/// (<c>CpaasWebhookOptions.MaxBodyBytes</c>, default 64 KiB).
/// </summary>
public static class BoundedBodyReader
{
    /// <summary>Reads <paramref name="body"/> to its end into a new array of exactly its length.</summary>
    /// <param name="body">The body stream (for example <c>HttpRequest.Body</c>).</param>
    /// <param name="maxBytes">The most bytes accepted; a body of exactly this size is accepted.</param>
    /// <param name="declaredLength">The declared length (Content-Length), when known: a declaration over the limit fails at once, before reading.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body's bytes.</returns>
    /// <exception cref="CpaasBodyTooLargeException">The body is, or declares itself, larger than <paramref name="maxBytes"/>; nothing past the limit was read.</exception>
    public static async Task<byte[]> ReadAsync(Stream body, int maxBytes, long? declaredLength = null, CancellationToken cancellationToken = default)
    {
        using var pooled = await PooledBody.ReadAsync(body, maxBytes, declaredLength, cancellationToken).ConfigureAwait(false);
        return pooled.Span.ToArray();
    }
}
