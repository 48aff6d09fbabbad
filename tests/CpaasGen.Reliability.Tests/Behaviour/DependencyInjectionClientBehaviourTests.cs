using System;
using System.Collections.Generic;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cpaas.Reliability.Tests.Behaviour;

/// <summary>The behaviour suite on <c>services.AddCpaasClient(…)</c>: the client resolved from a service provider, on IHttpClientFactory.</summary>
public sealed class DependencyInjectionClientBehaviourTests : ClientBehaviourSuite
{
    private readonly List<ServiceProvider> _providers = new();

    public DependencyInjectionClientBehaviourTests(BehaviourServers servers, Xunit.Abstractions.ITestOutputHelper output)
        : base(servers, output)
    {
    }

    protected override string Construction => "AddCpaasClient";

    protected override Type ConfigurationError => typeof(OptionsValidationException);

    protected override CpaasClient Create(CpaasClientOptions options, HttpMessageHandler? handler, ILoggerFactory? loggers)
    {
        var services = new ServiceCollection();
        if (loggers is not null)
        {
            services.AddSingleton(loggers);
        }

        var builder = services.AddCpaasClient(o =>
        {
            o.BaseUrl = options.BaseUrl;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.Email = options.Email;
            o.Password = options.Password;
            o.ClientCorrelator = options.ClientCorrelator;
            o.Timeout = options.Timeout;
            o.MaxResponseBytes = options.MaxResponseBytes;
            o.AllowInsecureTransport = options.AllowInsecureTransport;
            o.Retry.MaxRetries = options.Retry.MaxRetries;
            o.Retry.BaseDelay = options.Retry.BaseDelay;
            o.Retry.MaxDelay = options.Retry.MaxDelay;
            o.TimeProvider = options.TimeProvider;
        });
        if (handler is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return provider.GetRequiredService<CpaasClient>();
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        base.Dispose(disposing);
    }
}
