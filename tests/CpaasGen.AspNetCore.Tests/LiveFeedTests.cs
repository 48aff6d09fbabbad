using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>
/// <c>MapCpaasLiveFeed</c> over real HTTP (Kestrel on 127.0.0.1, the framework's own SSE parser on the client side):
/// fan-out of what the webhook accepted, authorization, the number filter and what never reaches the log.
/// </summary>
public sealed class LiveFeedTests
{
    internal const string FeedPath = "/sms/live";

    internal static Task<WebhookApp> StartAsync(
        Action<IEndpointConventionBuilder>? authorize = null,
        Action<CpaasLiveFeedOptions>? feed = null,
        Action<CpaasLiveFeedEndpointOptions>? endpoint = null,
        Action<CpaasWebhookHandlers>? handlers = null,
        Action<ILoggingBuilder>? logging = null)
        => WebhookApp.StartAsync(
            services =>
            {
                TestAuth.AddTo(services);
                var webhooks = services.AddCpaasWebhooks(WebhookApp.Secured());
                if (feed is not null)
                {
                    webhooks.ConfigureLiveFeed(feed);
                }
            },
            app =>
            {
                app.MapCpaasWebhook(WebhookApp.Path, handlers ?? (h => h.OnInbound(_ => { })));
                var builder = app.MapCpaasLiveFeed(FeedPath, endpoint);
                (authorize ?? (b => b.RequireAuthorization()))(builder);
            },
            logging);

    [Fact]
    public async Task EveryConnectedClientGetsWhatTheWebhookAccepted()
    {
        await using var app = await StartAsync();
        await using var tab1 = await FeedClient.ConnectAsync(app.Http, FeedPath);
        await using var tab2 = await FeedClient.ConnectAsync(app.Http, FeedPath, user: "bob");
        Assert.Equal("ready", (await tab1.NextAsync()).Type);
        Assert.Equal("ready", (await tab2.NextAsync()).Type);

        using (var inbound = await app.PostAsync(Notifications.Inbound("hello from the phone")))
        {
            Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);
        }

        using (var outbound = await app.PostAsync(Notifications.Outbound("and back")))
        {
            Assert.Equal(HttpStatusCode.OK, outbound.StatusCode); // no OnOutbound handler: the feed takes it
        }

        foreach (var tab in new[] { tab1, tab2 })
        {
            var events = await tab.NotificationsAsync(2);
            var first = events[0].Json;
            Assert.Equal("inbound", first.GetProperty("kind").GetString());
            Assert.Equal("hello from the phone", first.GetProperty("message").GetString());
            Assert.Equal(Notifications.ProjectNumber, first.GetProperty("projectNumber").GetString());
            Assert.Equal(Notifications.Friend, first.GetProperty("remoteNumber").GetString());
            var second = events[1].Json;
            Assert.Equal("outbound", second.GetProperty("kind").GetString());
            Assert.Equal("and back", second.GetProperty("message").GetString());
            Assert.Equal(Notifications.ProjectNumber, second.GetProperty("projectNumber").GetString());
            Assert.Equal(Notifications.Friend, second.GetProperty("remoteNumber").GetString());
            Assert.NotEqual(events[0].Id, events[1].Id);
        }

        // With a feed, a kind without a handler is taken by the feed: no "unhandled" warning.
        Assert.DoesNotContain(app.Logs.In("Cpaas.AspNetCore"), e => e.Message.Contains("no handler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnlyAcceptedNotificationsAreFannedOutAndDuplicatesOnce()
    {
        await using var app = await StartAsync(handlers: h => h.OnInbound(sms =>
        {
            if (sms.Message == "handler fails")
            {
                throw new InvalidOperationException("boom");
            }
        }));
        await using var tab = await FeedClient.ConnectAsync(app.Http, FeedPath);
        await tab.NextAsync(); // ready

        var id = Guid.NewGuid().ToString();
        using (var forged = await app.PostAsync(Notifications.Inbound("forged"), authenticate: false))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var failed = await app.PostAsync(Notifications.Inbound("handler fails")))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        using (var first = await app.PostAsync(Notifications.Inbound("once", id: id)))
        using (var again = await app.PostAsync(Notifications.Inbound("once", id: id)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("true", again.Headers.GetValues("X-Cpaas-Duplicate").Single());
        }

        using (var last = await app.PostAsync(Notifications.Inbound("last")))
        {
            Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }

        var events = await tab.NotificationsAsync(2);
        Assert.Equal(["once", "last"], events.Select(e => e.Json.GetProperty("message").GetString()));
        Assert.True(await tab.IsQuietAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task AnUnauthorisedClientGetsNothing()
    {
        await using var app = await StartAsync(b => b.RequireAuthorization("sms-readers"));

        var (anonymous, anonymousBody) = await SseSecurity.OpenAsync(app, user: null);
        var (guest, guestBody) = await SseSecurity.OpenAsync(app, user: "mallory");
        await using var reader = await FeedClient.ConnectAsync(app.Http, FeedPath, user: "alice");
        await reader.NextAsync();
        using (var posted = await app.PostAsync(Notifications.Inbound("secret text for readers only")))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        Assert.Equal("secret text for readers only", (await reader.NotificationsAsync(1))[0].Json.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, guest.StatusCode);
        Assert.NotEqual("text/event-stream", anonymous.MediaType);
        Assert.DoesNotContain("secret text", anonymousBody, StringComparison.Ordinal);
        Assert.DoesNotContain("secret text", guestBody, StringComparison.Ordinal);
        Assert.Equal(string.Empty, anonymousBody);
        Assert.Equal(string.Empty, guestBody);
    }

    [Fact]
    public async Task MappingAFeedWithoutAnAuthorizationChoiceStopsTheApp()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(authorize: _ => { }));

        Assert.Contains("no authorization", ex.Message, StringComparison.Ordinal);
        Assert.Contains(".RequireAuthorization()", ex.Message, StringComparison.Ordinal);
        Assert.Contains(".AllowAnonymous()", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnonymousFeedIsAnExplicitChoiceAndIsLogged()
    {
        await using var app = await StartAsync(b => b.AllowAnonymous());
        await using var tab = await FeedClient.ConnectAsync(app.Http, FeedPath, user: null);

        Assert.Equal("ready", (await tab.NextAsync()).Type);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("allows anonymous readers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAppWideFallbackPolicyIsAChoiceToo()
    {
        await using var app = await WebhookApp.StartAsync(
            services =>
            {
                TestAuth.AddTo(services);
                services.AddAuthorization(o => o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                services.AddCpaasWebhooks(WebhookApp.Secured());
            },
            a =>
            {
                a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => { })).AllowAnonymous(); // Kandy has its own secret
                a.MapCpaasLiveFeed(FeedPath);
            });

        var (anonymous, _) = await SseSecurity.OpenAsync(app, user: null);
        await using var tab = await FeedClient.ConnectAsync(app.Http, FeedPath);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("ready", (await tab.NextAsync()).Type);
    }

    [Fact]
    public async Task TheFeedNeedsTheWebhookServices()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookApp.StartAsync(
            services => TestAuth.AddTo(services),
            app => app.MapCpaasLiveFeed(FeedPath).RequireAuthorization()));

        Assert.Contains("AddCpaasWebhooks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientSeesOnlyTheNumbersItAsksFor()
    {
        await using var app = await StartAsync();
        await using var mine = await FeedClient.ConnectAsync(app.Http, FeedPath + "?number=%2B16135550100");
        await using var unescaped = await FeedClient.ConnectAsync(app.Http, FeedPath + "?number=+16135550101"); // '+' decoded as a space
        await using var all = await FeedClient.ConnectAsync(app.Http, FeedPath);
        await Task.WhenAll(mine.NextAsync(), unescaped.NextAsync(), all.NextAsync());

        foreach (var body in new[]
                 {
                     Notifications.Inbound("to 100", to: "+16135550100"), Notifications.Inbound("to 101", to: "tel:+16135550101"),
                     Notifications.Outbound("from 100", from: "+16135550100"), Notifications.Cancellation(),
                 })
        {
            using var response = await app.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(["to 100", "from 100"], (await mine.NotificationsAsync(2)).Select(e => e.Json.GetProperty("message").GetString()));
        Assert.Equal(["to 101"], (await unescaped.NotificationsAsync(1)).Select(e => e.Json.GetProperty("message").GetString()));
        Assert.Equal(["inbound", "inbound", "outbound", "subscriptionCancel"], (await all.NotificationsAsync(4)).Select(e => e.Json.GetProperty("kind").GetString()));
        Assert.True(await mine.IsQuietAsync(TimeSpan.FromMilliseconds(200))); // a cancellation belongs to no number
        Assert.True(await unescaped.IsQuietAsync(TimeSpan.FromMilliseconds(50)));
    }

    [Theory]
    [InlineData("?number=12", "number: The address '12' is not a valid address")]
    [InlineData("?number=", "number: The address is empty")]
    public async Task AnInvalidNumberFilterIs400(string query, string expected)
    {
        await using var app = await StartAsync();
        var (response, body) = await SseSecurity.OpenAsync(app, "alice", FeedPath + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedNumbersKeepEachUserToTheirOwnNumbers()
    {
        await using var app = await StartAsync(endpoint: feed => feed.AllowedNumbers = context =>
            new ValueTask<IReadOnlyCollection<string>?>(context.User.Identity?.Name == "alice" ? ["+16135550100"] : null));
        await using var alice = await FeedClient.ConnectAsync(app.Http, FeedPath);
        await using var admin = await FeedClient.ConnectAsync(app.Http, FeedPath, user: "admin");
        var (other, _) = await SseSecurity.OpenAsync(app, "alice", FeedPath + "?number=%2B16135550101");
        await Task.WhenAll(alice.NextAsync(), admin.NextAsync());

        using (await app.PostAsync(Notifications.Inbound("for bob", to: "+16135550101")))
        using (await app.PostAsync(Notifications.Inbound("for alice", to: "+16135550100")))
        using (await app.PostAsync(Notifications.Cancellation()))
        {
        }

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(["for alice"], (await alice.NotificationsAsync(1)).Select(e => e.Json.GetProperty("message").GetString()));
        Assert.Equal(3, (await admin.NotificationsAsync(3)).Count);
        Assert.True(await alice.IsQuietAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task MessageTextAndNumbersNeverReachTheLog()
    {
        const string Text = "the-text-9f3a never logged";
        // ASP.NET Core's own request log ("Request starting GET …?number=…") is Information: the recommended
        // Microsoft.AspNetCore=Warning (the template's, README's) keeps it out; everything else logs at Trace here.
        await using var app = await StartAsync(feed: o => o.ClientQueueCapacity = 1, logging: l => l.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        await using (var tab = await FeedClient.ConnectAsync(app.Http, FeedPath + "?number=%2B16135550142"))
        {
            await tab.NextAsync();
            using var response = await app.PostAsync(Notifications.Inbound(Text, to: "+16135550142", from: "+16139870042"));
            await tab.NotificationsAsync(1);
        }

        await using (await FeedClient.ConnectAsync(app.Http, FeedPath, lastEventId: "bogus-1"))
        {
        }

        var all = string.Join("\n", app.Logs.Entries.Select(e => e.AllText));
        Assert.Contains(LiveFeedHub.LogCategory, all, StringComparison.Ordinal); // the feed did log (connections)
        Assert.DoesNotContain("the-text-9f3a", all, StringComparison.Ordinal);
        Assert.DoesNotContain("5550142", all, StringComparison.Ordinal);
        Assert.DoesNotContain("9870042", all, StringComparison.Ordinal);
    }
}

/// <summary>Opening a feed without reading it as a stream.</summary>
internal static class SseSecurity
{
    public sealed record Answer(HttpStatusCode StatusCode, string? MediaType, string Body);

    public static async Task<(Answer Response, string Body)> OpenAsync(WebhookApp app, string? user, string path = LiveFeedTests.FeedPath)
    {
        var (response, body) = await FeedClient.OpenAsync(app.Http, path, user);
        using (response)
        {
            var text = body is null ? await response.Content.ReadAsStringAsync() : "(stream)";
            body?.Dispose();
            return (new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text), text);
        }
    }
}
