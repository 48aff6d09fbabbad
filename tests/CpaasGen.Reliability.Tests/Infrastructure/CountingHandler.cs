using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Sits between the SDK's HttpClient and the socket handler: counts every attempt the SDK hands to the transport
/// (with its time and outcome) and can send chosen requests elsewhere (for example to a port where nothing listens).
/// </summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private readonly Func<Uri, Uri?>? _redirect;
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    public CountingHandler(Func<Uri, Uri?>? redirect = null)
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        => _redirect = redirect;

    public IReadOnlyList<Attempt> Attempts => _attempts.ToList();

    public IReadOnlyList<Attempt> AttemptsTo(string pathContains) => _attempts.Where(a => a.Uri.AbsolutePath.Contains(pathContains, StringComparison.Ordinal)).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_redirect?.Invoke(request.RequestUri!) is { } target)
        {
            request.RequestUri = target;
        }

        var started = DateTimeOffset.UtcNow;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            _attempts.Enqueue(new Attempt(request.Method.Method, request.RequestUri!, started, (int)response.StatusCode, null));
            return response;
        }
        catch (Exception ex)
        {
            _attempts.Enqueue(new Attempt(request.Method.Method, request.RequestUri!, started, 0, ex));
            throw;
        }
    }

    internal sealed record Attempt(string Method, Uri Uri, DateTimeOffset Started, int Status, Exception? Error);
}
