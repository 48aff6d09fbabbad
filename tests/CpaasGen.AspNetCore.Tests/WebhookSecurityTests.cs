using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>Secure defaults: a secret is required, MapCpaasWebhook needs AddCpaasWebhooks, the token is never logged.</summary>
public sealed class WebhookSecurityTests
{
    private static readonly Action<WebApplication> MapInbound = a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => { }));

    [Fact]
    public async Task WithoutASharedSecretTheAppDoesNotStartAndSaysHowToFixIt()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookApp.StartAsync(s => s.AddCpaasWebhooks(), MapInbound));

        Assert.Contains("SharedSecret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AllowUnauthenticated()", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh0rt!")]
    [InlineData("                    ")]
    [InlineData(" leading-space-secret-0123")]
    public async Task AWeakOrBlankSecretIsRefusedAtStartUp(string secret)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookApp.StartAsync(s => s.AddCpaasWebhooks(o => o.SharedSecret = secret), MapInbound));

        Assert.Contains("SharedSecret", ex.Message, StringComparison.Ordinal);
        if (secret.Trim().Length > 0)
        {
            Assert.DoesNotContain(secret.Trim(), ex.Message, StringComparison.Ordinal); // the message never repeats the secret
        }
    }

    [Fact]
    public async Task MapCpaasWebhookWithoutAddCpaasWebhooksFailsAtStartUpNamingTheFix()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookApp.StartAsync(null, MapInbound));

        Assert.Contains("AddCpaasWebhooks", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecretFromConfigurationIsRequiredOnEveryCall()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(o => o.SharedSecret = "from-configuration-0123456789"),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => Interlocked.Increment(ref calls))));

        using var without = await app.PostAsync(Fixture.Read("notification-inbound.json"), authenticate: false);
        using var with = await app.PostAsync(Fixture.Read("notification-inbound.json"), "?token=from-configuration-0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task OurLogsNeverContainThePresentedTokenEvenAtTrace()
    {
        await using var app = await WebhookApp.StartAsync(s => s.AddCpaasWebhooks(WebhookApp.Secured()), MapInbound);

        using var right = await app.PostAsync(Fixture.Read("notification-inbound.json"), "?token=" + WebhookApp.Secret);
        using var wrong = await app.PostAsync(Fixture.Read("notification-inbound.json"), "?token=wrong-token-guess-987654321");
        using var header = await app.PostAsync(Fixture.Read("notification-event.json"), configure: r => r.Headers.TryAddWithoutValidation("X-Cpaas-Webhook-Token", "Bearer another-wrong-guess-5555"));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, header.StatusCode);
        var ours = app.Logs.In("Cpaas").ToList();
        Assert.NotEmpty(ours);
        foreach (var forbidden in new[] { WebhookApp.Secret, "wrong-token-guess-987654321", "another-wrong-guess-5555" })
        {
            Assert.DoesNotContain(ours, e => e.AllText.Contains(forbidden, StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The danger the next test guards against, shown for real: ASP.NET Core's own request logging at Information
    /// (Microsoft.AspNetCore.Hosting.Diagnostics "Request starting …") records the query string, token included.
    /// </summary>
    [Fact]
    public async Task AspNetCoreRequestLoggingAtInformationRecordsTheQueryToken()
    {
        await using var app = await WebhookApp.StartAsync(s => s.AddCpaasWebhooks(WebhookApp.Secured()), MapInbound, logging: null, configuration: Settings(aspNetCoreLevel: null));

        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"), "?token=" + WebhookApp.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.AllText.Contains(WebhookApp.Secret, StringComparison.Ordinal));
    }

    /// <summary>The one setting README documents: <c>Logging:LogLevel:Microsoft.AspNetCore</c> = Warning (the template's default).</summary>
    [Fact]
    public async Task WithMicrosoftAspNetCoreAtWarningNoLogRecordsTheToken()
    {
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()).Services.AddHttpLogging(o => o.LoggingFields = Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.All),
            a =>
            {
                a.UseHttpLogging();
                MapInbound(a);
            },
            logging: null,
            configuration: Settings(aspNetCoreLevel: "Warning"));

        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"), "?token=" + WebhookApp.Secret);
        using var wrong = await app.PostAsync(Fixture.Read("notification-inbound.json"), "?token=wrong-token-guess-987654321");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.NotEmpty(app.Logs.Entries);
        Assert.True(app.Logs.Entries.All(e => !e.AllText.Contains(WebhookApp.Secret, StringComparison.Ordinal)), string.Join("\n", app.Logs.Entries.Select(e => e.Category + " " + e.Level + " " + e.Message)));
        Assert.DoesNotContain(app.Logs.Entries, e => e.AllText.Contains(WebhookApp.Secret, StringComparison.Ordinal) || e.AllText.Contains("wrong-token-guess-987654321", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.In("Cpaas"), e => e.Level == LogLevel.Warning && e.Message.Contains("Microsoft.AspNetCore", StringComparison.Ordinal)); // no start-up warning
    }

    [Fact]
    public async Task RequestLoggingThatWouldRecordTheTokenIsWarnedAboutAtStartUp()
    {
        await using var app = await WebhookApp.StartAsync(s => s.AddCpaasWebhooks(WebhookApp.Secured()), MapInbound, logging: null, configuration: Settings(aspNetCoreLevel: null));

        var warning = Assert.Single(app.Logs.In("Cpaas"), e => e.Level == LogLevel.Warning);
        Assert.Contains("Microsoft.AspNetCore", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Warning", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookApp.Secret, warning.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowUnauthenticatedAcceptsCallsWithoutASecretAndWarnsAtStartUp()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks().AllowUnauthenticated(),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => Interlocked.Increment(ref calls))));

        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"), authenticate: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, calls);
        var warning = Assert.Single(app.Logs.In("Cpaas"), e => e.Level == LogLevel.Warning);
        Assert.Contains("unauthenticated", warning.Message, StringComparison.Ordinal);
        Assert.Contains("SharedSecret", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithASecretSetAllowUnauthenticatedStillRequiresIt()
    {
        await using var app = await WebhookApp.StartAsync(s => s.AddCpaasWebhooks(WebhookApp.Secured()).AllowUnauthenticated(), MapInbound);

        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"), authenticate: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheSecretAndTheOtherOptionsBindFromConfiguration()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => { },
            a => { },
            logging: null,
            configuration: new Dictionary<string, string?>
            {
                ["CpaasWebhooks:SharedSecret"] = "bound-from-configuration-42",
                ["CpaasWebhooks:MaxNotificationIdLength"] = "40",
                ["CpaasWebhooks:DuplicateWindow"] = "01:00:00",
            },
            configureBuilder: b =>
            {
                b.Services.AddCpaasWebhooks(b.Configuration.GetSection("CpaasWebhooks"));
            },
            mapAfterBuild: a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => Interlocked.Increment(ref calls))));

        var options = app.App.Services.GetRequiredService<IOptions<CpaasWebhookOptions>>().Value;
        Assert.Equal(40, options.MaxNotificationIdLength);
        Assert.Equal(TimeSpan.FromHours(1), options.DuplicateWindow);
        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"), "?token=bound-from-configuration-42");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task TheRedisStoreWithoutAConnectionFailsAtStartUpNamingTheFix()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookApp.StartAsync(s => s.AddCpaasWebhooks(WebhookApp.Secured()).UseRedisDuplicateStore(sp => sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>()), MapInbound));

        Assert.Contains("IConnectionMultiplexer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableRedisStopsTheStartNotTheFirstNotification()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => WebhookApp.StartAsync(s => s.AddCpaasWebhooks(WebhookApp.Secured()).UseRedisDuplicateStore("127.0.0.1:1,connectTimeout=500,connectRetry=0"), MapInbound));

        Assert.IsType<StackExchange.Redis.RedisConnectionException>(ex);
    }

    private static Dictionary<string, string?> Settings(string? aspNetCoreLevel)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" };
        if (aspNetCoreLevel is not null)
        {
            settings["Logging:LogLevel:Microsoft.AspNetCore"] = aspNetCoreLevel;
        }

        return settings;
    }
}
