using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cpaas.Testing.Tests;

/// <summary>What a webhook got: the raw body, its content type and Authorization header, and what the SDK parsed.</summary>
internal sealed record ReceivedNotification(string Body, string? ContentType, string? Authorization, CpaasNotification Parsed);

/// <summary>A real webhook, as a user would write it: a Kestrel app on 127.0.0.1:0 that parses with Cpaas.Notification.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedNotification> _received = new();
    private readonly SemaphoreSlim _signal = new(0);

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/webhooks/sms", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var parsed = Notification.Parse(body);
            receiver._received.Enqueue(new ReceivedNotification(body, context.Request.ContentType, context.Request.Headers.Authorization.FirstOrDefault(), parsed));
            receiver._signal.Release();
            return Results.NoContent();
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.First().TrimEnd('/') + "/webhooks/sms");
        return receiver;
    }

    public async Task<ReceivedNotification> NextAsync()
    {
        if (!await _signal.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException("The webhook received nothing.");
        }

        _received.TryDequeue(out var item);
        return item!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signal.Dispose();
    }
}
