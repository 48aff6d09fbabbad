using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cpaas.Contract.Tests.Backends;

/// <summary>
/// The webhook of the notification tests, written as a user of the SDK would: a Kestrel app on 127.0.0.1:0 with
/// <c>app.MapCpaasWebhook</c> (CpaasGen.AspNetCore), recording every notification it parsed.
/// </summary>
public sealed class WebhookRecorder : IAsyncDisposable
{
    private const string Path = "/contract/webhook";

    private readonly WebApplication _app;
    private readonly List<CpaasNotification> _received = new();
    private readonly SemaphoreSlim _signal = new(0);

    private WebhookRecorder(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The URL to subscribe.</summary>
    public Uri Url { get; }

    /// <summary>A snapshot of what was received since the last <see cref="Clear"/>, oldest first.</summary>
    public IReadOnlyList<CpaasNotification> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<WebhookRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var secret = "contract-" + Guid.NewGuid().ToString("N"); // a secret is required (issue 13); Kandy carries it in the URL
        builder.Services.AddCpaasWebhooks(o => o.SharedSecret = secret);
        var app = builder.Build();
        WebhookRecorder? recorder = null;
        app.MapCpaasWebhook(Path, (notification, _) =>
        {
            recorder!.Add(notification);
            return Task.CompletedTask;
        });
        await app.StartAsync();
        recorder = new WebhookRecorder(app, new Uri(app.Urls.First().TrimEnd('/') + Path + "?token=" + secret));
        return recorder;
    }

    /// <summary>Forgets what was received (each test starts from an empty record).</summary>
    public void Clear()
    {
        lock (_received)
        {
            _received.Clear();
        }
    }

    /// <summary>Waits for a received notification of type <typeparamref name="T"/> matching <paramref name="match"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null)
        where T : CpaasNotification
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Received.OfType<T>().FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("No matching " + typeof(T).Name + " reached the webhook; received: [" + string.Join(", ", Received) + "].");
            }

            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _signal.Dispose();
    }

    private void Add(CpaasNotification notification)
    {
        lock (_received)
        {
            _received.Add(notification);
        }

        _signal.Release();
    }
}
