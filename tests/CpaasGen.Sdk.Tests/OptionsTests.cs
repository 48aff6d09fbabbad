using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>CpaasClientOptions: validation names the option; the client copies the options.</summary>
public sealed class OptionsTests : IClassFixture<KandyServer>
{
    private readonly KandyServer _kandy;

    public OptionsTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    public static TheoryData<string, Action<CpaasClientOptions>> InvalidOptions => new()
    {
        { "BaseUrl", o => o.BaseUrl = null },
        { "BaseUrl", o => o.BaseUrl = new Uri("/cpaas", UriKind.Relative) },
        { "BaseUrl", o => o.BaseUrl = new Uri("ftp://oauth-cpaas.att.com") },
        { "BaseUrl", o => o.BaseUrl = new Uri("https://oauth-cpaas.att.com/?x=1") },
        { "ClientId", o => o.ClientId = null },
        { "ClientId", o => o.ClientId = string.Empty },
        { "ClientId", o => o.ClientId = "   " },
        { "ClientSecret", o => o.ClientSecret = null },
        { "ClientSecret", o => { o.ClientSecret = null; o.Email = "dev@example.com"; } },
        { "ClientSecret", o => { o.ClientSecret = null; o.Password = "pw"; } },
        { "Timeout", o => o.Timeout = TimeSpan.Zero },
        { "MaxResponseBytes", o => o.MaxResponseBytes = 10 },
        { "TimeProvider", o => o.TimeProvider = null! },

        // Configuration mistakes that used to fail only at the first call (issue 10).
        { "ClientSecret", o => o.ClientSecret = "   " },
        { "ClientSecret", o => o.ClientSecret = KandyServer.ClientSecret + "\n" },
        { "ClientSecret", o => o.ClientSecret = " " + KandyServer.ClientSecret },
        { "ClientId", o => o.ClientId = KandyServer.ClientId + "\r\n" },
        { "ClientId", o => o.ClientId = " " + KandyServer.ClientId },
        { "Email", o => { o.ClientSecret = null; o.Email = "dev@example.com\n"; o.Password = "pw"; } },
        { "Email", o => { o.ClientSecret = null; o.Email = "   "; o.Password = "pw"; } },
        { "Password", o => { o.ClientSecret = null; o.Email = "dev@example.com"; o.Password = "pw\n"; } },
        { "Password", o => { o.ClientSecret = null; o.Email = "dev@example.com"; o.Password = " \t "; } },
        { "BaseUrl", o => o.BaseUrl = new Uri("https://oauth-cpaas.att.com/cpaas/") },
        { "BaseUrl", o => o.BaseUrl = new Uri("https://oauth-cpaas.att.com/cpaas") },
        { "BaseUrl", o => o.BaseUrl = new Uri("https://oauth-cpaas.att.com/cpaas/auth/v1/token") },
        { "BaseUrl", o => o.BaseUrl = new Uri("https://user:hunter2@oauth-cpaas.att.com") },
        { "AllowInsecureTransport", o => o.BaseUrl = new Uri("http://oauth-cpaas.att.com") },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void InvalidOptionsThrowAnArgumentExceptionNamingTheOption(string option, Action<CpaasClientOptions> breakIt)
    {
        var options = _kandy.Options(breakIt);

        var error = Assert.Throws<CpaasOptionsException>(() => new CpaasClient(options, new HttpClient()));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains(option, options.ProblemOf(), StringComparison.Ordinal);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Theory]
    [InlineData("https://oauth-cpaas.att.com/cpaas/", "https://oauth-cpaas.att.com")]
    [InlineData("https://oauth-cpaas.att.com/cpaas/auth/v1/token", "https://oauth-cpaas.att.com")]
    [InlineData("https://gw.example.com/kandy/cpaas/smsmessaging/v1", "https://gw.example.com/kandy")]
    public void ABaseUrlPointingIntoTheApiSaysWhatToUseInstead(string baseUrl, string fix)
    {
        var problem = _kandy.Options(o => o.BaseUrl = new Uri(baseUrl)).ProblemOf();

        Assert.NotNull(problem);
        Assert.Contains("CpaasClientOptions.BaseUrl", problem, StringComparison.Ordinal);
        Assert.Contains(fix, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SurroundingWhitespaceIsNamedWithTheFix()
    {
        var problem = _kandy.Options(o => o.ClientSecret = KandyServer.ClientSecret + "\n").ProblemOf();

        Assert.NotNull(problem);
        Assert.Contains("CpaasClientOptions.ClientSecret", problem, StringComparison.Ordinal);
        Assert.Contains("whitespace", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(KandyServer.ClientSecret, problem, StringComparison.Ordinal); // the message never shows the secret
    }

    [Fact]
    public void UserInformationInTheBaseUrlIsNeverShown()
    {
        var options = _kandy.Options(o => o.BaseUrl = new Uri("https://admin:hunter2@oauth-cpaas.att.com/"));

        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("admin", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("oauth-cpaas.att.com", options.ToString(), StringComparison.Ordinal);
        var problem = options.ProblemOf();
        Assert.NotNull(problem);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
        var error = Assert.Throws<CpaasOptionsException>(() => new CpaasClient(options, new HttpClient()));
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:7070")]
    [InlineData("http://127.0.0.1:7070")]
    [InlineData("http://[::1]:7070")]
    public void PlainHttpToLoopbackIsValid(string baseUrl)
        => Assert.Null(_kandy.Options(o => o.BaseUrl = new Uri(baseUrl)).ProblemOf());

    [Fact]
    public void PlainHttpToAnotherHostIsValidOnlyWithTheOptIn()
    {
        var options = _kandy.Options(o => o.BaseUrl = new Uri("http://kandy.internal.example"));
        var problem = options.ProblemOf();
        Assert.NotNull(problem);
        Assert.Contains("CpaasClientOptions.BaseUrl", problem, StringComparison.Ordinal);
        Assert.Contains("CpaasClientOptions.AllowInsecureTransport", problem, StringComparison.Ordinal);

        options.AllowInsecureTransport = true;
        Assert.Null(options.ProblemOf());
    }

    [Fact]
    public void MissingCredentialsNameBothAlternatives()
    {
        var error = Assert.Throws<CpaasOptionsException>(() => new CpaasClient(_kandy.Options(o => o.ClientSecret = null)));

        Assert.Contains("ClientSecret", error.Message);
        Assert.Contains("Email", error.Message);
        Assert.Contains("Password", error.Message);
    }

    [Fact]
    public void BothKindsOfCredentialsAreRejectedNamingBoth()
    {
        var error = Assert.Throws<CpaasOptionsException>(() => new CpaasClient(_kandy.Options(o => { o.Email = "dev@example.com"; o.Password = "pw"; }), new HttpClient()));

        Assert.Equal("CpaasClientOptions.ClientSecret", error.OptionName);
        Assert.Contains("CpaasClientOptions.ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("CpaasClientOptions.Email", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KandyServer.ClientSecret, error.Message, StringComparison.Ordinal);
        Assert.Contains("CpaasClientOptions.Password", Assert.Throws<CpaasOptionsException>(() => _kandy.Options(o => o.Password = "pw").Validate()).Message, StringComparison.Ordinal);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Fact]
    public void OptionsFromConfigurationAreNamedByTheirKeys()
    {
        var error = Assert.Throws<CpaasOptionsException>(() => _kandy.Options(o => { o.ClientId = null; }).Validate("Cpaas:Us"));
        Assert.Equal("Cpaas:Us:ClientId", error.OptionName);
        Assert.Equal("Cpaas:Us:ClientId", error.ParamName);
        Assert.StartsWith("Cpaas:Us:ClientId is required", error.Message, StringComparison.Ordinal);

        var retry = Assert.Throws<CpaasOptionsException>(() => _kandy.Options(o => o.Retry.MaxRetries = 99).Validate("Cpaas"));
        Assert.Equal("Cpaas:Retry:MaxRetries", retry.OptionName);
        Assert.Equal("CpaasClientOptions.Retry.MaxRetries", Assert.Throws<CpaasOptionsException>(() => _kandy.Options(o => o.Retry.MaxRetries = 99).Validate()).OptionName);
    }

    [Fact]
    public void NullOptionsOrHttpClientAreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => new CpaasClient(null!));
        Assert.Throws<ArgumentNullException>(() => new CpaasClient(_kandy.Options(), null!));
    }

    [Fact]
    public void ValidOptionsValidate()
    {
        Assert.Null(_kandy.Options().ProblemOf());
        Assert.Null(_kandy.Options(o => { o.ClientSecret = null; o.Email = "dev@example.com"; o.Password = "pw"; }).ProblemOf());
        Assert.Null(_kandy.Options(o => o.Timeout = System.Threading.Timeout.InfiniteTimeSpan).ProblemOf());
    }

    [Fact]
    public async Task TheClientCopiesItsOptions()
    {
        _kandy.Stub("POST", KandyServer.UserBase + "/outbound/+16137001234/requests", 201, Fixture.Read("send-response.json"));
        var options = _kandy.Options();
        using var client = new CpaasClient(options, new HttpClient());

        options.BaseUrl = new Uri("http://127.0.0.1:9");
        options.ClientId = "changed-client";
        options.ClientSecret = "changed-secret";
        options.ClientCorrelator = "changed-correlator";
        options.Timeout = TimeSpan.FromTicks(1);
        await client.Conversation.CreateMessageAsync(SendMessageTests.Message("+16137001234"));

        Assert.Equal(new Uri(_kandy.Url), client.BaseUrl);
        var form = Wire.Form(Assert.Single(_kandy.TokenCalls).RequestMessage.Body);
        Assert.Contains(new KeyValuePair<string, string>("client_id", KandyServer.ClientId), form);
        Assert.Contains(new KeyValuePair<string, string>("client_secret", KandyServer.ClientSecret), form);
        using var body = JsonDocument.Parse(Assert.Single(_kandy.ApiCalls).RequestMessage.Body!);
        Assert.Equal(KandyServer.ClientId + "-csharp", body.RootElement.GetProperty("outboundSMSMessageRequest").GetProperty("clientCorrelator").GetString());
    }

    [Fact]
    public async Task ABaseUrlWithAPathPrefixIsKept()
    {
        _kandy.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/gateway" + KandyServer.TokenPath).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8))));
        _kandy.Stub("GET", "/gateway" + KandyServer.UserBase + "/inbound/subscriptions", 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client(o => o.BaseUrl = new Uri(_kandy.Url + "/gateway/"));

        var list = await client.Conversation.GetSubscriptionsAsync();

        Assert.Equal(2, list.Count);
        Assert.Equal(new[] { "/gateway" + KandyServer.TokenPath, "/gateway" + KandyServer.UserBase + "/inbound/subscriptions" }, _kandy.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).Select(KandyServer.PathOf));
    }
}

/// <summary>The validation message of options, or null when they are valid (what <see cref="CpaasClientOptions.Validate()"/> throws).</summary>
internal static class OptionsProblem
{
    public static string? ProblemOf(this CpaasClientOptions options)
    {
        try
        {
            options.Validate();
            return null;
        }
        catch (CpaasOptionsException ex)
        {
            return ex.Message;
        }
    }
}
