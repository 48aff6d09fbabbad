using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cpaas.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>Two Kandy stand-ins (a "us" and an "eu" project), shared by the registration tests and reset per test.</summary>
public sealed class TwoKandys : IDisposable
{
    public KandyServer Us { get; } = new();

    public KandyServer Eu { get; } = new();

    public void Dispose()
    {
        Us.Dispose();
        Eu.Dispose();
    }
}

/// <summary>AddCpaasClient: configuration binding, startup validation, named/keyed clients, IHttpClientFactory, resilience.</summary>
public sealed class ClientRegistrationTests : IClassFixture<TwoKandys>
{
    private readonly KandyServer _kandy;
    private readonly KandyServer _eu;
    private readonly RequestLog _log = new();

    public ClientRegistrationTests(TwoKandys servers)
    {
        _kandy = servers.Us;
        _eu = servers.Eu;
        _kandy.Reset();
        _eu.Reset();
        _kandy.StubToken();
        _eu.StubToken();
    }

    private static CreateMessageRequest Sms => new() { DestinationAddress = ["+16139998877"], SenderAddress = KandyServer.Sender, Message = "Hi" };

    private static IConfiguration Config(params (string Key, string? Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private IConfiguration CpaasSection(string? baseUrl = "kandy", string? clientId = KandyServer.ClientId)
        => Config(
            ("Cpaas:BaseUrl", baseUrl == "kandy" ? _kandy.Url : baseUrl),
            ("Cpaas:ClientId", clientId),
            ("Cpaas:ClientSecret", KandyServer.ClientSecret),
            ("Cpaas:Timeout", "00:00:10"));

    private static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        configure(builder.Services);
        return builder.Build();
    }

    private static async Task<IHost> Start(Action<IServiceCollection> configure)
    {
        var host = Build(configure);
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task AClientBoundFromConfigurationSendsThroughTheFactoryHttpClient()
    {
        var config = CpaasSection();
        using var host = await Start(s => s.AddCpaasClient(config.GetSection("Cpaas")).AddHttpMessageHandler(() => new RecordingHandler(_log)));
        _kandy.Stub("POST", KandyServer.SendPath, 201, Fixture.Read("send-response.json"));

        var client = host.Services.GetRequiredService<CpaasClient>();
        var sent = await client.Conversation.CreateMessageAsync(Sms);

        Assert.Equal("olr3j20Cdx87", sent.MessageId);
        Assert.Equal(KandyServer.Sender, sent.SenderAddress);
        Assert.Equal(new Uri(_kandy.Url), client.BaseUrl);
        var token = Assert.Single(_kandy.Calls(KandyServer.TokenPath));
        Assert.Contains("client_id=" + KandyServer.ClientId, token.RequestMessage.Body);
        Assert.Single(_kandy.Calls(KandyServer.SendPath));

        // The HttpClient is IHttpClientFactory's: the handler added on the returned builder saw both requests.
        Assert.Equal(new[] { "POST " + KandyServer.TokenPath, "POST " + KandyServer.SendPath }, _log.Requests);

        // One shared client: the same instance from every resolution and from the factory.
        Assert.Same(client, host.Services.GetRequiredService<CpaasClient>());
        Assert.Same(client, host.Services.GetRequiredService<ICpaasClientFactory>().GetClient(CpaasServiceCollectionExtensions.DefaultName));
        await host.StopAsync();
    }

    [Fact]
    public async Task AMissingClientIdStopsTheHostAtStartNamingTheConfigurationKey()
    {
        var config = CpaasSection(clientId: null);
        using var host = Build(s => s.AddCpaasClient(config.GetSection("Cpaas")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cpaas:ClientId", error.Message);
        Assert.Empty(_kandy.Server.LogEntries); // validated before any call
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("/cpaas")]
    [InlineData("ftp://oauth-cpaas.att.com")]
    public async Task ABaseUrlThatIsNotAnAbsoluteHttpUrlStopsTheHostNamingTheKey(string baseUrl)
    {
        var config = CpaasSection(baseUrl: baseUrl);
        using var host = Build(s => s.AddCpaasClient(config.GetSection("Cpaas")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cpaas:BaseUrl", error.Message);
    }

    [Theory]
    [InlineData("http://kandy.example.com", "Cpaas:AllowInsecureTransport")]
    [InlineData("https://kandy.example.com/cpaas/", "Cpaas:BaseUrl")]
    [InlineData("https://kandy.example.com/cpaas/auth/v1/token", "Cpaas:BaseUrl")]
    [InlineData("https://user:hunter2@kandy.example.com", "Cpaas:BaseUrl")]
    public async Task AnUnsafeOrMisplacedBaseUrlStopsTheHostNamingTheKey(string baseUrl, string key)
    {
        var config = CpaasSection(baseUrl: baseUrl);
        using var host = Build(s => s.AddCpaasClient(config.GetSection("Cpaas")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public async Task ASecretWithATrailingNewlineStopsTheHostNamingTheKey()
    {
        var config = Config(("Cpaas:BaseUrl", _kandy.Url), ("Cpaas:ClientId", KandyServer.ClientId), ("Cpaas:ClientSecret", KandyServer.ClientSecret + "\n"));
        using var host = Build(s => s.AddCpaasClient(config.GetSection("Cpaas")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Cpaas:ClientSecret", error.Message);
        Assert.DoesNotContain(KandyServer.ClientSecret, error.Message);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Fact]
    public async Task PlainHttpToAnotherHostStartsOnlyWithTheOptInFromConfiguration()
    {
        var config = Config(("Cpaas:BaseUrl", "http://kandy.internal.example"), ("Cpaas:ClientId", KandyServer.ClientId), ("Cpaas:ClientSecret", KandyServer.ClientSecret), ("Cpaas:AllowInsecureTransport", "true"));
        using var host = await Start(s => s.AddCpaasClient(config.GetSection("Cpaas")));

        var client = host.Services.GetRequiredService<CpaasClient>(); // constructed; no request is made
        Assert.Equal(new Uri("http://kandy.internal.example"), client.BaseUrl);
        await host.StopAsync();
    }

    [Fact]
    public async Task ANamedClientFromANestedSectionIsValidatedWithItsFullKey()
    {
        var config = Config(("Kandy:Projects:Eu:BaseUrl", _eu.Url), ("Kandy:Projects:Eu:ClientSecret", "x"));
        using var host = Build(s => s.AddCpaasClient("eu", config.GetSection("Kandy:Projects:Eu")));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Kandy:Projects:Eu:ClientId", error.Message);
        Assert.Contains("'eu'", error.Message);
    }

    [Fact]
    public async Task AClientConfiguredInCodeWorks()
    {
        using var host = await Start(s => s.AddCpaasClient(o =>
        {
            o.BaseUrl = new Uri(_kandy.Url);
            o.ClientId = KandyServer.ClientId;
            o.ClientSecret = KandyServer.ClientSecret;
        }));
        _kandy.Stub("POST", KandyServer.SendPath, 201, Fixture.Read("send-response.json"));

        var sent = await host.Services.GetRequiredService<CpaasClient>().Conversation.CreateMessageAsync(Sms);

        Assert.Equal("olr3j20Cdx87", sent.MessageId);
    }

    [Fact]
    public async Task AClientConfiguredInCodeWithoutClientIdStopsTheHost()
    {
        using var host = Build(s => s.AddCpaasClient(o => o.BaseUrl = new Uri(_kandy.Url)));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("CpaasClientOptions.ClientId", error.Message);
    }

    [Fact]
    public async Task TheReturnedBuilderConfiguresTheClientsOwnHttpClient()
    {
        // The one documented way to configure a registered client's HttpClient (its factory name is not public).
        var config = CpaasSection();
        using var host = await Start(s => s.AddCpaasClient("eu", config.GetSection("Cpaas"))
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add("X-Tenant", "eu-tenant"))
            .AddHttpMessageHandler(() => new RecordingHandler(_log)));
        _kandy.Stub("POST", KandyServer.SendPath, 201, Fixture.Read("send-response.json"));

        await host.Services.GetRequiredKeyedService<CpaasClient>("eu").Conversation.CreateMessageAsync(Sms);

        var send = Assert.Single(_kandy.Calls(KandyServer.SendPath));
        Assert.Equal("eu-tenant", Assert.Single(send.RequestMessage.Headers!["X-Tenant"]));
        Assert.Equal(new[] { "POST " + KandyServer.TokenPath, "POST " + KandyServer.SendPath }, _log.Requests);
        await host.StopAsync();
    }

    [Fact]
    public async Task TwoNamedClientsAreKeyedServicesTalkingToTheirOwnProjects()
    {
        var config = Config(
            ("Cpaas:Us:BaseUrl", _kandy.Url), ("Cpaas:Us:ClientId", "PRIV-us"), ("Cpaas:Us:ClientSecret", "us-secret"),
            ("Cpaas:Eu:BaseUrl", _eu.Url), ("Cpaas:Eu:ClientId", "PRIV-eu"), ("Cpaas:Eu:ClientSecret", "eu-secret"));
        using var host = await Start(s =>
        {
            s.AddCpaasClient("us", config.GetSection("Cpaas:Us"));
            s.AddCpaasClient("eu", config.GetSection("Cpaas:Eu")).AddHttpMessageHandler(() => new RecordingHandler(_log));
        });
        _kandy.Stub("POST", KandyServer.SendPath, 201, Fixture.Read("send-response.json"));
        _eu.Stub("GET", KandyServer.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));

        var eu = host.Services.GetRequiredKeyedService<CpaasClient>("eu");
        var us = host.Services.GetRequiredKeyedService<CpaasClient>("us");
        var factory = host.Services.GetRequiredService<ICpaasClientFactory>();
        Assert.NotSame(eu, us);
        Assert.Same(eu, factory.GetClient("eu"));
        Assert.Same(us, factory.GetClient("us"));
        Assert.Null(host.Services.GetService<CpaasClient>()); // no default client was registered

        await us.Conversation.CreateMessageAsync(Sms);
        var subscriptions = await factory.GetClient("eu").Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, subscriptions.Count);
        Assert.Contains("client_id=PRIV-us", Assert.Single(_kandy.Calls(KandyServer.TokenPath)).RequestMessage.Body);
        Assert.Contains("client_secret=us-secret", _kandy.Calls(KandyServer.TokenPath)[0].RequestMessage.Body);
        Assert.Contains("client_id=PRIV-eu", Assert.Single(_eu.Calls(KandyServer.TokenPath)).RequestMessage.Body);
        Assert.Contains("client_secret=eu-secret", _eu.Calls(KandyServer.TokenPath)[0].RequestMessage.Body);
        Assert.Empty(_kandy.Calls(KandyServer.SubscriptionsPath));
        Assert.Empty(_eu.Calls(KandyServer.SendPath));

        // Each name has its own HttpClient pipeline: only eu's handler saw eu's requests.
        Assert.Equal(new[] { "POST " + KandyServer.TokenPath, "GET " + KandyServer.SubscriptionsPath }, _log.Requests);

        var unknown = Assert.Throws<InvalidOperationException>(() => factory.GetClient("asia"));
        Assert.Contains("asia", unknown.Message);
    }

    [Fact]
    public async Task AGetAnswered503IsRetriedAndSucceeds()
    {
        var config = CpaasSection();
        using var host = await Start(s => s.AddCpaasClient(config.GetSection("Cpaas")).AddHttpMessageHandler(() => new RecordingHandler(_log)));
        _kandy.StubSequence(
            "GET",
            KandyServer.SubscriptionsPath,
            (503, null, [("Retry-After", "0")]), // the pipeline honours Retry-After, which keeps this test fast
            (200, Fixture.Read("subscription-list.json"), []));

        var subscriptions = await host.Services.GetRequiredService<CpaasClient>().Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, subscriptions.Count);
        Assert.Equal(2, _kandy.Calls(KandyServer.SubscriptionsPath).Count);
        Assert.Equal(2, _log.Requests.Count(r => r == "GET " + KandyServer.SubscriptionsPath)); // the handler runs per attempt
    }

    [Fact]
    public async Task ASendAnswered503IsNeverRetried()
    {
        var config = CpaasSection();
        using var host = await Start(s => s.AddCpaasClient(config.GetSection("Cpaas")));
        _kandy.Stub("POST", KandyServer.SendPath, 503, null, ("Retry-After", "0"));

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => host.Services.GetRequiredService<CpaasClient>().Conversation.CreateMessageAsync(Sms));

        Assert.Equal(503, error.StatusCode);
        Assert.Single(_kandy.Calls(KandyServer.SendPath)); // an SMS is never sent twice
    }

    /// <summary>
    /// Replaces "AnAttemptTimeoutOfThePipelineIsACpaasApiException" (issue 10): the DI client no longer has a Polly
    /// resilience pipeline of its own; its timeout is CpaasClientOptions.Timeout, owned by the SDK's pipeline exactly as
    /// under new CpaasClient(…). A slow send ends at that timeout as a typed Transport error, is sent once, and says it
    /// may have been processed.
    /// </summary>
    [Fact]
    public async Task ASlowSendEndsAtTheClientsTimeoutAsACpaasApiExceptionAndIsSentOnce()
    {
        using var host = await Start(s => s.AddCpaasClient(o =>
        {
            o.BaseUrl = new Uri(_kandy.Url);
            o.ClientId = KandyServer.ClientId;
            o.ClientSecret = KandyServer.ClientSecret;
            o.Timeout = TimeSpan.FromSeconds(1);
        }).AddHttpMessageHandler(() => new RecordingHandler(_log)));
        var client = host.Services.GetRequiredService<CpaasClient>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.GetUserIdAsync(); // the token first, so only the send meets the slow server
                break;
            }
            catch (CpaasAuthenticationException) when (attempt < 5)
            {
                // A cold, loaded machine can take over a second for the first request: try again (no token was cached).
            }
        }

        _kandy.Server.Given(KandyServer.RawPath(KandyServer.SendPath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(201).WithBody(Fixture.Read("send-response.json")).WithDelay(TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(Sms));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.Equal(0, error.StatusCode);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.True(error.MayHaveBeenProcessed);
        Assert.Equal(1, _log.Requests.Count(r => r == "POST " + KandyServer.SendPath)); // timed out once, not re-sent
    }

    [Fact]
    public async Task TheRetrySettingsFromConfigurationAreHonoured()
    {
        var config = Config(
            ("Cpaas:BaseUrl", _kandy.Url), ("Cpaas:ClientId", KandyServer.ClientId), ("Cpaas:ClientSecret", KandyServer.ClientSecret),
            ("Cpaas:Retry:MaxRetries", "1"), ("Cpaas:Retry:BaseDelay", "00:00:00.010"));
        using var host = await Start(s => s.AddCpaasClient(config.GetSection("Cpaas")).AddHttpMessageHandler(() => new RecordingHandler(_log)));
        _kandy.Stub("GET", KandyServer.SubscriptionsPath, 503);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => host.Services.GetRequiredService<CpaasClient>().Conversation.GetSubscriptionsAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(2, _kandy.Calls(KandyServer.SubscriptionsPath).Count); // 1 + Retry:MaxRetries, not a second layer's count
        Assert.Equal(2, _log.Requests.Count(r => r == "GET " + KandyServer.SubscriptionsPath)); // handlers run once per attempt
    }

    [Fact]
    public async Task DisposingTheProviderAfterUseDoesNotThrow()
    {
        var config = CpaasSection();
        var services = new ServiceCollection();
        services.AddCpaasClient(config.GetSection("Cpaas"));
        services.AddCpaasClient("eu", o =>
        {
            o.BaseUrl = new Uri(_eu.Url);
            o.ClientId = "PRIV-eu";
            o.ClientSecret = "eu-secret";
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _eu.Stub("GET", KandyServer.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));

        var client = provider.GetRequiredService<CpaasClient>();
        var eu = provider.GetRequiredKeyedService<CpaasClient>("eu");
        Assert.Same(client, provider.GetRequiredService<CpaasClient>());
        await eu.Conversation.GetSubscriptionsAsync();

        var sync = Record.Exception(provider.Dispose);
        Assert.Null(sync);
        Assert.Null(await Record.ExceptionAsync(() => provider.DisposeAsync().AsTask())); // twice is harmless too
    }
}
