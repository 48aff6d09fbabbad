using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cpaas.Cli;

/// <summary>
/// A local webhook (Kestrel on 127.0.0.1) built on <c>MapCpaasWebhook</c>: every parsed notification lands in
/// <see cref="Notifications"/>. With a secret, calls must carry it; without one (only <c>webhook listen</c> without
/// <c>--secret</c>), it accepts unauthenticated calls, which only this machine can make.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<CpaasNotification> _channel = Channel.CreateUnbounded<CpaasNotification>();

    private WebhookReceiver(WebApplication app, Uri url, Uri displayUrl)
    {
        _app = app;
        Url = url;
        DisplayUrl = displayUrl;
    }

    /// <summary>The URL to subscribe, with the secret (never print it: use <see cref="DisplayUrl"/>).</summary>
    public Uri Url { get; }

    /// <summary>The URL with the secret masked (<c>?token=***</c>), for output.</summary>
    public Uri DisplayUrl { get; }

    public ChannelReader<CpaasNotification> Notifications => _channel.Reader;

    public static async Task<WebhookReceiver> StartAsync(int port, string path, string? secret, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:" + port);
        var webhooks = builder.Services.AddCpaasWebhooks(o => o.SharedSecret = secret);
        if (secret is null)
        {
            webhooks.AllowUnauthenticated();
        }

        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapCpaasWebhook(path, async (notification, context) =>
        {
            await receiver!._channel.Writer.WriteAsync(notification, context.RequestAborted).ConfigureAwait(false);
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new CliException(ex.Message.Replace("CpaasWebhookOptions.SharedSecret", "--secret", StringComparison.Ordinal), ExitCodes.Usage);
        }
        catch (Exception ex) when (IsBindFailure(ex))
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw PortUnavailable(port, ex);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = new Uri(new Uri(address), path + (secret is null ? string.Empty : "?token=" + Uri.EscapeDataString(secret)));
        receiver = new WebhookReceiver(app, url, new Uri(UrlMasking.Mask(url)));
        return receiver;
    }

    /// <summary>Kestrel's "Failed to bind to address …" (in use, or not allowed).</summary>
    public static bool IsBindFailure(Exception ex)
        => ex is AddressInUseException
           || (ex is IOException && ex.InnerException is AddressInUseException or SocketException)
           || (ex is SocketException socket && socket.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied);

    /// <summary>One line naming the port and the flag.</summary>
    public static CliException PortUnavailable(int port, Exception ex)
        => new(
            (ex is AddressInUseException || ex.InnerException is AddressInUseException
                ? "port " + port + " on 127.0.0.1 is already in use"
                : "port " + port + " on 127.0.0.1 cannot be used (" + (ex.InnerException ?? ex).Message.TrimEnd('.') + ")")
            + ": choose another with --port, or --port 0 for any free port.",
            ExitCodes.PortUnavailable);

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
