using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cpaas.Emulator.Tests.Infrastructure;

/// <summary>One POST the receiver got.</summary>
public sealed record ReceivedRequest(string Path, string Body, string? ContentType, string? Authorization, int AnsweredStatus)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>The notification's single top-level key.</summary>
    public string NotificationType => Json.Single().Key;
}

/// <summary>A tiny webhook: a Kestrel app on 127.0.0.1 that records every POST and answers a chosen status.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<int, int> _status;
    private readonly List<ReceivedRequest> _requests = [];
    private int _calls;

    private WebhookReceiver(WebApplication app, Func<int, int> status)
    {
        _app = app;
        _status = status;
    }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A webhook URL on this receiver.</summary>
    public string Url(string path = "/hook") => new Uri(BaseUrl, path).ToString();

    /// <summary>Every request so far (including those answered with an error status).</summary>
    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests answered with 2xx.</summary>
    public IReadOnlyList<ReceivedRequest> Accepted => [.. Requests.Where(r => r.AnsweredStatus is >= 200 and < 300)];

    /// <param name="status">Maps the 1-based call number to the status to answer; default always 200.</param>
    public static async Task<WebhookReceiver> StartAsync(Func<int, int>? status = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, status ?? (_ => 200));
        app.UseRouting();
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        var status = _status(Interlocked.Increment(ref _calls));
        lock (_requests)
        {
            _requests.Add(new ReceivedRequest(ctx.Request.Path.Value ?? "/", body, ctx.Request.ContentType,
                ctx.Request.Headers.Authorization.FirstOrDefault(), status));
        }
        ctx.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
