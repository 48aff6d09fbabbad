using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cpaas.AspNetCore;

/// <summary>
/// Runs when the app starts: resolves the duplicate store (a missing Redis connection fails the start, not the first
/// notification) and warns about settings that weaken the webhook — unauthenticated calls allowed, or ASP.NET Core's
/// own request logging at Information, which records the query string and so the <c>?token=</c> secret.
/// </summary>
internal sealed partial class CpaasWebhookStartup(IServiceProvider services, IOptions<CpaasWebhookOptions> options, ILoggerFactory loggerFactory) : IHostedService
{
    /// <summary>The category of ASP.NET Core's "Request starting POST http://…/webhook?token=…" lines.</summary>
    internal const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private const string HttpLoggingCategory = "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value; // validated (ValidateOnStart)
        _ = services.GetRequiredService<ICpaasDuplicateStore>();
        var logger = loggerFactory.CreateLogger(CpaasWebhookEndpoint.LogCategory);
        if (string.IsNullOrEmpty(o.SharedSecret))
        {
            LogUnauthenticated(logger);
            return Task.CompletedTask;
        }

        var httpLogging = services.GetService<IOptions<HttpLoggingOptions>>()?.Value;
        if (loggerFactory.CreateLogger(HostingDiagnostics).IsEnabled(LogLevel.Information)
            || (httpLogging is not null && (httpLogging.LoggingFields & HttpLoggingFields.RequestQuery) != 0 && loggerFactory.CreateLogger(HttpLoggingCategory).IsEnabled(LogLevel.Information)))
        {
            LogRequestLoggingRecordsSecret(logger, o.SecretQueryParameter);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(20, LogLevel.Warning, "Kandy webhooks accept unauthenticated calls (AllowUnauthenticated): anyone who can reach the URL can deliver forged notifications with any sender. Set CpaasWebhookOptions.SharedSecret and subscribe the URL with ?token=<the secret>.")]
    private static partial void LogUnauthenticated(ILogger logger);

    [LoggerMessage(21, LogLevel.Warning, "ASP.NET Core's request logging is at Information: it records each webhook call's query string, including the ?{Parameter}= shared secret. Set Logging:LogLevel:Microsoft.AspNetCore to Warning (the template's default), or at least Microsoft.AspNetCore.Hosting.Diagnostics, and keep HttpLoggingFields.RequestQuery off.")]
    private static partial void LogRequestLoggingRecordsSecret(ILogger logger, string parameter);
}
