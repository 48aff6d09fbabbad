using System;
using System.Buffers.Text;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Token lifetimes a server may send that are not the plain "iat/exp in seconds, 8 hours" case: milliseconds, an exp
/// past the year 9999, an exp − iat that overflows, an expires_in of 1e12 or 3600.5. Each must give a working client
/// whose refresh time is sane (clamped to at most 24 hours, at least 1 minute, refreshed at half), with one log line
/// saying what was adjusted — never an untyped exception on every call, never a "check ClientId" hint.
/// </summary>
public sealed class TokenLifetimeTests : IClassFixture<KandyStub>
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public TokenLifetimeTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    private static string Jwt(string payload)
        => Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + ".c2ln";

    private static string IdToken() => Jwt("{\"preferred_username\":\"" + TestJwt.UserId + "\"}");

    public static TheoryData<string, string, double, double> Cases()
    {
        var iat = Now.ToUnixTimeSeconds();
        var ms = Now.ToUnixTimeMilliseconds();
        return new()
        {
            // name, token response body, hours after which the token must still be in use, hours after which it must have been refreshed
            { "iat/exp in milliseconds (8 h)", "{\"access_token\":\"" + Jwt("{\"iat\":" + ms + ",\"exp\":" + (ms + (8 * 3600 * 1000L)) + "}") + "\",\"id_token\":\"" + IdToken() + "\"}", 3.5, 4.5 },
            { "exp beyond the year 9999", "{\"access_token\":\"" + Jwt("{\"iat\":" + iat + ",\"exp\":300000000000}") + "\",\"id_token\":\"" + IdToken() + "\"}", 11.5, 12.5 },
            { "exp − iat overflows", "{\"access_token\":\"" + Jwt("{\"iat\":-9000000000000000000,\"exp\":9223372036854775807}") + "\",\"id_token\":\"" + IdToken() + "\"}", 11.5, 12.5 },
            { "expires_in 1e12", "{\"access_token\":\"opaque-token\",\"expires_in\":1e12,\"id_token\":\"" + IdToken() + "\"}", 11.5, 12.5 },
            { "expires_in 3600.5", "{\"access_token\":\"opaque-token\",\"expires_in\":3600.5,\"id_token\":\"" + IdToken() + "\"}", 0.45, 0.55 },
            { "expires_in 10 (below the floor)", "{\"access_token\":\"opaque-token\",\"expires_in\":10,\"id_token\":\"" + IdToken() + "\"}", 0.0, 0.0084 },
            { "exp before iat, no expires_in", "{\"access_token\":\"" + Jwt("{\"iat\":" + iat + ",\"exp\":" + (iat - 60) + "}") + "\",\"id_token\":\"" + IdToken() + "\"}", 0.08, 0.09 },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnOddLifetimeGivesAWorkingClientWithASaneRefreshAndOneLogLine(string name, string body, double stillValidAfterHours, double refreshedAfterHours)
    {
        _kandy.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(KandyStub.TokenPath).UsingPost()).RespondWith(KandyStub.Json(200, body));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));
        var clock = new ManualTimeProvider(Now);
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(o => o.TimeProvider = clock, loggers: factory);

        var first = await Outcome.Of(() => client.Conversation.GetSubscriptionsAsync(), TimeSpan.FromSeconds(15));
        _output.WriteLine(name + " → " + first.Describe() + (first.Error is null ? string.Empty : ": " + first.Error.Message));
        Assert.True(first.Succeeded, name + ": " + first.Error);
        Assert.Equal(1, client.TokenRequestCount);

        var adjusted = logs.Entries.Where(e => e.Message.Contains("lifetime", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var entry in adjusted)
        {
            _output.WriteLine("  log: " + entry);
        }

        if (name != "expires_in 3600.5")
        {
            Assert.Single(adjusted); // said once, at the token request, not per call
            Assert.Equal(LogLevel.Warning, adjusted[0].Level);
        }

        clock.Advance(TimeSpan.FromHours(stillValidAfterHours));
        await client.Conversation.GetSubscriptionsAsync();
        Assert.Equal(1, client.TokenRequestCount);

        clock.Advance(TimeSpan.FromHours(refreshedAfterHours - stillValidAfterHours));
        await client.Conversation.GetSubscriptionsAsync();
        Assert.True(client.TokenRequestCount >= 2, name + ": the token was not refreshed after " + refreshedAfterHours + " h");
        Assert.True(logs.Entries.Count(e => e.Message.Contains("lifetime", StringComparison.OrdinalIgnoreCase)) <= client.TokenRequestCount, "logged more than once per token");
    }
}
