using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>A real Kestrel app on a free loopback port, and an HttpClient that calls it over real HTTP.</summary>
internal sealed class WebhookApp : IAsyncDisposable
{
    public const string Path = "/inbound-sms/webhook";

    /// <summary>The shared secret of <see cref="Secured"/> apps; <see cref="PostAsync"/> sends it unless told otherwise.</summary>
    public const string Secret = "test-webhook-secret-0123456789";

    private WebhookApp(WebApplication app, Uri address, CapturedLogs logs)
    {
        App = app;
        Address = address;
        Logs = logs;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Everything the app logged (every category, Trace and up unless the app's filters say otherwise).</summary>
    public CapturedLogs Logs { get; }

    /// <summary>Options with <see cref="Secret"/> as the shared secret, then <paramref name="more"/>.</summary>
    public static Action<CpaasWebhookOptions> Secured(Action<CpaasWebhookOptions>? more = null) => o =>
    {
        o.SharedSecret = Secret;
        more?.Invoke(o);
    };

    public static Task<WebhookApp> StartAsync(Action<IServiceCollection>? services, Action<WebApplication> map)
        => StartAsync(services, map, logging: null);

    public static async Task<WebhookApp> StartAsync(
        Action<IServiceCollection>? services,
        Action<WebApplication> map,
        Action<ILoggingBuilder>? logging,
        IEnumerable<KeyValuePair<string, string?>>? configuration = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<WebApplication>? mapAfterBuild = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        logging?.Invoke(builder.Logging);
        services?.Invoke(builder.Services);
        configureBuilder?.Invoke(builder);
        var app = builder.Build();
        map(app);
        mapAfterBuild?.Invoke(app);
        await app.StartAsync();

        // The port Kestrel actually bound (UseUrls asked for port 0).
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = new Uri(addresses.Single());
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        return new WebhookApp(app, address, logs);
    }

    /// <summary>
    /// POSTs <paramref name="json"/> as application/json. Unless <paramref name="configure"/> sets the secret header or
    /// <paramref name="query"/> carries a token, the request carries <see cref="Secret"/> in the header (apps without a
    /// secret ignore it).
    /// </summary>
    public Task<HttpResponseMessage> PostAsync(string json, string? query = null, Action<HttpRequestMessage>? configure = null, bool authenticate = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path + query) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(request);
        if (authenticate && !request.Headers.Contains("X-Cpaas-Webhook-Token") && (query is null || !query.Contains("token=", StringComparison.Ordinal)))
        {
            request.Headers.TryAddWithoutValidation("X-Cpaas-Webhook-Token", Secret);
        }

        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
