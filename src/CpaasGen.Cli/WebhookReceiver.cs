using System;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cpaas.Cli;

/// <summary>A local webhook (Kestrel on 127.0.0.1) built on <c>MapCpaasWebhook</c>: every parsed notification lands in <see cref="Notifications"/>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<CpaasNotification> _channel = Channel.CreateUnbounded<CpaasNotification>();

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public ChannelReader<CpaasNotification> Notifications => _channel.Reader;

    public static async Task<WebhookReceiver> StartAsync(int port, string path, string? secret, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:" + port);
        builder.Services.AddCpaasWebhooks(o => o.SharedSecret = secret);
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapCpaasWebhook(path, async (notification, context) =>
        {
            await receiver!._channel.Writer.WriteAsync(notification, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(new Uri(address), path + (secret is null ? string.Empty : "?token=" + Uri.EscapeDataString(secret)));
        receiver = new WebhookReceiver(app, url);
        return receiver;
    }

    /// <summary>Waits for the next notification of type <typeparamref name="T"/> (others are skipped).</summary>
    public async Task<T> WaitForAsync<T>(TimeSpan timeout, CancellationToken cancellationToken)
        where T : CpaasNotification
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var next = await _channel.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                if (next is T typed)
                {
                    return typed;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException("No " + typeof(T).Name + " reached the local webhook within " + timeout.TotalSeconds + " s.", ExitCodes.Failed);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
