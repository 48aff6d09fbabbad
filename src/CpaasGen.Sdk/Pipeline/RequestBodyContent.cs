using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// A request body that is written only to the URL the SDK built. The SDK's own handlers never follow redirects; an
/// injected <see cref="HttpClient"/> whose handler does (the default of HttpClientHandler and SocketsHttpHandler) would
/// re-send the body of a 307/308 to the Location — the token request's client secret, a send's message text. When asked
/// to write itself to any other URL, this content refuses, so the other host gets no body.
/// </summary>
internal sealed class RequestBodyContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly HttpRequestMessage _owner;
    private readonly Uri _target;

    public RequestBodyContent(ReadOnlyMemory<byte> body, string contentType, HttpRequestMessage owner, Uri target)
    {
        _body = body;
        _owner = owner;
        _target = target;
        Headers.TryAddWithoutValidation("Content-Type", contentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Check();
        return stream.WriteAsync(_body, cancellationToken).AsTask();
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Check();
        stream.Write(_body.Span);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    private void Check()
    {
        if (_owner.RequestUri is { } current && !current.Equals(_target))
        {
            throw new RedirectedBodyException(current);
        }
    }
}

/// <summary>A handler tried to send a request body to another URL than the one the SDK built (it followed a redirect).</summary>
internal sealed class RedirectedBodyException : InvalidOperationException
{
    public RedirectedBodyException(Uri target)
        : base("The request body was not sent to " + target.Host + ": the HttpClient's handler followed a redirect, which the SDK does not allow.")
        => Target = target;

    public Uri Target { get; }
}
