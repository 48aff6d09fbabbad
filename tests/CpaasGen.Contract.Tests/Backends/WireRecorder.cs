using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.Contract.Tests.Backends;

/// <summary>
/// Records what the SDK put on the wire (method, path as sent, body), whichever backend answers: the one place the
/// contract tests compare request bodies byte for byte on both backends.
/// </summary>
public sealed class WireRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Method, string Path, string? Body)> _requests = new();

    public WireRecorder()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <summary>Every request but the token's, oldest first.</summary>
    public IReadOnlyList<(string Method, string Path, string? Body)> ApiRequests => _requests.Where(r => r.Path != "/cpaas/auth/v1/token").ToList();

    /// <summary>Every request, the token's included.</summary>
    public int Count => _requests.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
