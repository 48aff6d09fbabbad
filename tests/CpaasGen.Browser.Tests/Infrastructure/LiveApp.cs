using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Cpaas.Browser.Tests;

/// <summary>
/// A user's app on Kestrel 127.0.0.1, set up as samples/WebhookSample is (the sample itself consumes the packed packages,
/// so it cannot be a project reference): MapCpaasWebhook + MapCpaasLiveFeed behind cookie sign-in, serving the sample's own
/// wwwroot (the live page) unchanged.
/// </summary>
internal sealed class LiveApp : IAsyncDisposable
{
    public const string WebhookPath = "/inbound-sms/webhook";
    public const string Secret = "browser-test-webhook-secret-0123";
    public const string Password = "live-page-password";

    private LiveApp(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    /// <summary>The webhook URL to subscribe (with the shared secret).</summary>
    public Uri WebhookUrl => new(Address, WebhookPath + "?token=" + Secret);

    /// <summary>Inbound SMS the webhook handler received.</summary>
    public ConcurrentQueue<InboundSmsNotification> Received { get; } = new();

    public static async Task<LiveApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddCpaasWebhooks(o => o.SharedSecret = Secret);
        builder.Services.AddAuthorization().AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; });
        var app = builder.Build();
        LiveApp? live = null;
        app.MapCpaasWebhook(WebhookPath, handlers => handlers.OnInbound(sms => live!.Received.Enqueue(sms)));
        app.MapCpaasLiveFeed("/sms/live").RequireAuthorization();
        var web = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "SampleWeb"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = web });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = web });
        app.MapPost("/login", async (HttpContext http, LoginRequest login) =>
        {
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(login.Password ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(Password))))
            {
                return Results.Unauthorized();
            }

            var user = new ClaimsIdentity([new Claim(ClaimTypes.Name, "live-page")], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(user));
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        live = new LiveApp(app, address);
        return live;
    }

    /// <summary>POSTs a notification body to the webhook (as Kandy would), with the secret.</summary>
    public async Task PostNotificationAsync(HttpClient http, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(WebhookUrl, content);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    internal sealed record LoginRequest(string? Password);
}
