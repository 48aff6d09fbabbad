using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>README's webhook snippets, compiled and run here (README shows exactly these lines: ReadmeSnippetTests).</summary>
public sealed class ReadmeExamples
{
    [Fact]
    public async Task SeveralInstancesShareDuplicatesThroughRedis()
    {
        await RedisDuplicateStoreTests.RequireRedisAsync();
        var handled = 0;
        await using var app = await WebhookApp.StartAsync(
            services =>
            {
                // begin-snippet: redis
                services.AddCpaasWebhooks(o => o.SharedSecret = WebhookApp.Secret)   // or .AddCpaasWebhooks(configuration section)
                    .UseRedisDuplicateStore("127.0.0.1:6379", keyPrefix: "myapp:cpaas:");   // atomic claims shared by every instance
                // end-snippet
            },
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => handled++)));

        var body = Fixture.Read("notification-inbound.json").Replace("441fc36e-aab7-45dd-905c-4aaec7a7464d", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var first = await app.PostAsync(body);
        using var again = await app.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("true", string.Join(",", again.Headers.GetValues("X-Cpaas-Duplicate")));
        Assert.Equal(1, handled);
    }

    [Fact]
    public async Task TheLiveFeedPushesWhatTheWebhookAcceptedToAuthorisedClients()
    {
        await using var app = await WebhookApp.StartAsync(
            services =>
            {
                TestAuth.AddTo(services); // the app's own authentication and its "sms-readers" policy
                services.AddCpaasWebhooks(o => o.SharedSecret = WebhookApp.Secret);
            },
            app =>
            {
                // begin-snippet: live-feed
                app.MapCpaasWebhook("/inbound-sms/webhook", handlers => handlers.OnInbound(sms => { /* store it */ }));
                app.MapCpaasLiveFeed("/sms/live")          // Server-Sent Events: every notification the webhook accepted
                    .RequireAuthorization("sms-readers");  // your app's policy; without a choice the app does not start
                // end-snippet
            });
        await using var browser = await FeedClient.ConnectAsync(app.Http, "/sms/live");
        await browser.NextAsync(); // ready

        using var response = await app.PostAsync(Notifications.Inbound("hi from a phone"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi from a phone", (await browser.NotificationsAsync(1))[0].Json.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ALocalOnlyWebhookMayOptOutOfTheSecret()
    {
        await using var app = await WebhookApp.StartAsync(
            services =>
            {
                services.AddCpaasWebhooks().AllowUnauthenticated(); // README names this call (no snippet: one line)
            },
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => { })));

        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"), authenticate: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
