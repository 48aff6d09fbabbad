using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CpaasGen.Benchmarks.Infrastructure;

/// <summary>
/// The in-memory transport every contender runs on: routes on the path suffix and answers with the prebuilt bytes of
/// <see cref="Payloads"/>. Per call it only does what any handler must: it drains the request content (as a real
/// transport would, so a contender that serializes lazily still pays for it) and creates one
/// <see cref="HttpResponseMessage"/> with a <see cref="ByteArrayContent"/> over the shared, never-copied byte array.
/// Routing compares spans of <see cref="Uri.OriginalString"/>: no allocation.
/// </summary>
public sealed class FixedResponseHandler : HttpMessageHandler
{
    private int _tokenRequests;

    /// <summary>How many token requests this handler answered.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Content?.CopyTo(Stream.Null, null, cancellationToken);
        var (status, body) = Route(request.RequestUri!.OriginalString, ref _tokenRequests);
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }

    /// <summary>The routing shared with the loopback stub.</summary>
    internal static (HttpStatusCode Status, byte[] Body) Route(ReadOnlySpan<char> url, ref int tokenRequests)
    {
        var query = url.IndexOf('?');
        var path = query >= 0 ? url[..query] : url;
        if (path.EndsWith(Payloads.SendPathSuffix, StringComparison.Ordinal))
        {
            return (HttpStatusCode.Created, Payloads.SendResponse);
        }

        if (path.EndsWith(Payloads.MessagesPathSuffix, StringComparison.Ordinal))
        {
            return (HttpStatusCode.OK, Payloads.MessageList);
        }

        if (path.EndsWith(Payloads.SubscriptionsPathSuffix, StringComparison.Ordinal))
        {
            return (HttpStatusCode.OK, Payloads.SubscriptionList);
        }

        if (path.EndsWith(Payloads.TokenPath, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref tokenRequests);
            return (HttpStatusCode.OK, Payloads.TokenResponse);
        }

        return (HttpStatusCode.NotFound, NotFound);
    }

    private static readonly byte[] NotFound = "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0404\",\"text\":\"no such path in the benchmark stub\"}}}"u8.ToArray();
}
