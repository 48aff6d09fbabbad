using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpaasGen.Benchmarks.Infrastructure;

/// <summary>
/// A Kestrel server on 127.0.0.1 (a free port) answering every path with the same fixed bytes as
/// <see cref="FixedResponseHandler"/>: the end-to-end variant, with real sockets, HTTP/1.1 parsing and
/// connection pooling on both sides. It counts token requests.
/// </summary>
public sealed class LoopbackStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokenRequests;

    private LoopbackStub(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public void ResetTokenRequests() => Interlocked.Exchange(ref _tokenRequests, 0);

    public static async Task<LoopbackStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        LoopbackStub? stub = null;
        app.Run(context =>
        {
            var (status, body) = FixedResponseHandler.Route(context.Request.Path.Value, ref stub!._tokenRequests);
            var response = context.Response;
            response.StatusCode = (int)status;
            response.ContentType = "application/json";
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, 0, body.Length);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new LoopbackStub(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
