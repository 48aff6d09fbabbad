using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.AspNetCore.Tests;

/// <summary>What a <see cref="RecordingHandler"/> saw: "METHOD /path" per request, in order.</summary>
public sealed class RequestLog
{
    public ConcurrentQueue<string> Requests { get; } = new();
}

/// <summary>A handler added through the IHttpClientBuilder that AddCpaasClient returns.</summary>
public sealed class RecordingHandler(RequestLog log) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        log.Requests.Enqueue(request.Method + " " + request.RequestUri!.AbsolutePath);
        return base.SendAsync(request, cancellationToken);
    }
}
