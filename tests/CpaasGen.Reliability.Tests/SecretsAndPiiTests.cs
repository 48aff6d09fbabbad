using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WireMock.RequestBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Secrets and PII: a full scenario (token, send, subscribe, a 403 naming the number, a 500 HTML page naming it, a
/// notification carrying it, bad input naming it) with every log line at Trace level captured, and every exception's
/// Message and ToString() and every result, request and notification's ToString() collected. None may contain the
/// client secret, the password, either token, the message text, or the unmasked number; the masked form must appear.
/// </summary>
public sealed class SecretsAndPiiTests : IClassFixture<KandyStub>
{
    private const string Number = "+16131234567";
    private const string Masked = "+1613***4567";
    private const string Text = "super secret text 123";
    private const string Password = "pa55-w0rd-NEVER-LOGGED";
    private const string Email = "dev+pii@example.com";

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public SecretsAndPiiTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    /// <summary>The parts of a JWT that identify it (its header is the same for every token, so it is not a secret).</summary>
    private static IEnumerable<string> SecretParts(string jwt)
    {
        var parts = jwt.Split('.');
        yield return jwt;
        yield return parts[1];
        yield return parts[1][..24];
        yield return parts[2];
    }

    private static string SendBody(string destination, string text) =>
        "{\"outboundSMSMessageRequest\":{\"address\":[\"" + destination + "\"],\"clientCorrelator\":\"c\",\"deliveryInfoList\":{\"deliveryInfo\":[{\"address\":\""
        + destination + "\",\"deliveryStatus\":\"DeliveredToNetwork\"}],\"resourceURL\":\"" + KandyStub.UserBase + "/remoteAddresses/" + destination
        + "/messages/olr3j20Cdx87/deliveryInfos\"},\"outboundSMSTextMessage\":{\"message\":\"" + text + "\"},\"resourceURL\":\"" + KandyStub.UserBase
        + "/remoteAddresses/" + KandyStub.Sender + "/messages/olr3j20Cdx87\",\"senderAddress\":\"" + KandyStub.Sender + "\"}}";

    [Fact]
    public async Task AFullScenarioNeverShowsSecretsTokensMessageTextOrTheUnmaskedNumber()
    {
        var texts = new List<(string Source, string Text)>();
        void Collect(string source, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case Exception ex:
                    for (var e = ex; e is not null; e = e.InnerException)
                    {
                        texts.Add((source + " " + e.GetType().Name + ".Message", e.Message));
                    }

                    texts.Add((source + " " + ex.GetType().Name + ".ToString()", ex.ToString()));
                    return;
                default:
                    texts.Add((source + " " + value.GetType().Name + ".ToString()", value.ToString() ?? string.Empty));
                    return;
            }
        }

        async Task Try(string source, Func<Task<object?>> action)
        {
            try
            {
                Collect(source, await action());
            }
            catch (Exception ex)
            {
                Collect(source, ex);
            }
        }

        var token = _kandy.StubToken();
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();

        // Send to the number, with the secret text.
        _kandy.Stub("POST", KandyStub.SendPath, 201, SendBody(Number, Text));

        // Subscribe the number.
        _kandy.Stub("POST", KandyStub.ChannelsPath, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", KandyStub.SubscriptionsPath, 201, Fixture.Read("subscription-response.json").Replace("+16137001234", Number, StringComparison.Ordinal));

        // A 403 whose variables name the number (send from it), a 500 HTML page naming it (list subscriptions).
        _kandy.Stub("POST", KandyStub.UserBase + "/outbound/" + Number + "/requests", 403,
            "{\"requestError\":{\"policyException\":{\"messageId\":\"POL0001\",\"text\":\"The sender %1 is not allowed to send to %2\",\"variables\":[\"" + Number + "\",\"tel:" + Number + "\"]}}}");
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 500, "<html><body><h1>Internal error</h1><p>while serving " + Number + "</p></body></html>", "text/html");

        var options = _kandy.Options();
        Collect("options", options);
        using (var client = new CpaasClient(options, new System.Net.Http.HttpClient(), factory))
        {
            var sendRequest = new CreateMessageRequest { DestinationAddress = new[] { Number }, SenderAddress = KandyStub.Sender, Message = Text };
            Collect("request", sendRequest);
            await Try("send", async () =>
            {
                var sent = await client.Conversation.CreateMessageAsync(sendRequest);
                foreach (var item in sent.DeliveryInfo)
                {
                    Collect("delivery info", item);
                }

                return sent;
            });

            var subscribeRequest = new SubscribeRequest { WebhookUrl = new Uri("https://example.org/hook"), DestinationAddress = Number };
            Collect("request", subscribeRequest);
            await Try("subscribe", async () => await client.Conversation.SubscribeAsync(subscribeRequest));
            await Try("403 send", async () => await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = new[] { "tel:" + Number }, SenderAddress = Number, Message = Text }));
            await Try("500 HTML", async () => await client.Conversation.GetSubscriptionsAsync());
            await Try("bad destination", async () => await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = new[] { Number + "x" }, SenderAddress = KandyStub.Sender, Message = Text }));
            await Try("bad sender", async () => await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = new[] { Number }, SenderAddress = "sip:" + Number + "@", Message = Text }));
            Collect("client", client);
        }

        // The password grant, failing and then succeeding.
        _kandy.Reset();
        _kandy.Server.Given(Request.Create().WithPath(KandyStub.TokenPath).UsingPost())
            .RespondWith(KandyStub.Json(401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}"));
        using (var client = new CpaasClient(_kandy.Options(o => { o.ClientSecret = null; o.Email = Email; o.Password = Password; }), new System.Net.Http.HttpClient(), factory))
        {
            await Try("password grant 401", async () => await client.Conversation.GetSubscriptionsAsync());
            _kandy.Reset();
            var second = _kandy.StubToken();
            token = (token.AccessToken + "|" + second.AccessToken, token.IdToken + "|" + second.IdToken);
            _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json").Replace("+16137001234", Number, StringComparison.Ordinal));
            await Try("password grant", async () =>
            {
                var list = await client.Conversation.GetSubscriptionsAsync();
                foreach (var item in list)
                {
                    Collect("subscription", item);
                }

                return null;
            });
        }

        // Notifications naming the number and carrying the text: parsed, and malformed.
        var inbound = Fixture.Read("notification-inbound.json").Replace("+16139998877", Number, StringComparison.Ordinal).Replace("\"hi\"", "\"" + Text + "\"", StringComparison.Ordinal);
        Collect("notification", Notification.Parse(inbound));
        Collect("notification", Notification.Parse(Fixture.Read("notification-outbound.json").Replace("+16139998877", Number, StringComparison.Ordinal).Replace("\"hi\"", "\"" + Text + "\"", StringComparison.Ordinal)));
        await Try("notification truncated", () => Task.FromResult<object?>(Notification.Parse(inbound[..^10])));
        await Try("notification wrong type", () => Task.FromResult<object?>(Notification.Parse(inbound.Replace("\"" + Text + "\"", "{\"x\":\"" + Number + " " + Text + "\"}", StringComparison.Ordinal))));
        await Try("notification bad token", () => Task.FromResult<object?>(Notification.Parse("{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{\"message\":" + Number[1..] + "x\"" + Text + "\"}}}")));
        await Try("address", () =>
        {
            PhoneAddress.Validate(Number + "!", "DestinationAddress");
            return Task.FromResult<object?>(null);
        });

        foreach (var entry in logs.AllText)
        {
            texts.Add(("log", entry));
        }

        // Each step did what it was meant to (a success where one was stubbed, the error where one was).
        foreach (var expected in new[]
        {
            "send CreateMessageResult", "subscribe SubscribeResult", "403 send CpaasApiException", "500 HTML CpaasApiException", "bad destination ArgumentException",
            "bad sender ArgumentException", "password grant 401 CpaasAuthenticationException", "subscription Subscription", "notification InboundSmsNotification",
            "notification truncated CpaasNotificationParseException", "address ArgumentException",
        })
        {
            Assert.Contains(texts, t => t.Source.StartsWith(expected, StringComparison.Ordinal));
        }

        var accessTokens = token.AccessToken.Split('|');
        var idTokens = token.IdToken.Split('|');
        var forbidden = new List<(string What, string Value)>
        {
            ("client secret", KandyStub.ClientSecret),
            ("password", Password),
            ("message text", Text),
            ("unmasked number", Number),
            ("unmasked number digits", Number[1..]),
        };
        forbidden.AddRange(accessTokens.SelectMany(SecretParts).Select(p => ("access token", p)));
        forbidden.AddRange(idTokens.SelectMany(SecretParts).Select(p => ("id token", p)));

        _output.WriteLine($"PII: {texts.Count} texts checked ({logs.Entries.Count} log entries, {texts.Count(t => t.Source.Contains("Exception", StringComparison.Ordinal))} exception texts, {texts.Count(t => t.Source.EndsWith(".ToString()", StringComparison.Ordinal) && !t.Source.Contains("Exception", StringComparison.Ordinal))} object descriptions) against {forbidden.Count} forbidden values");
        var leaks = (from t in texts from f in forbidden where t.Text.Contains(f.Value, StringComparison.Ordinal) select $"{f.What} in {t.Source}: {t.Text}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s):\n" + string.Join("\n", leaks.Take(10)));

        // Masking happened: the masked number appears in logs, exception messages and descriptions.
        var masked = texts.Where(t => t.Text.Contains(Masked, StringComparison.Ordinal)).Select(t => t.Source.Split(' ')[0]).Distinct().ToList();
        _output.WriteLine("PII: the masked number " + Masked + " appears in: " + string.Join(", ", masked));
        Assert.Contains(texts, t => t.Source == "log" && t.Text.Contains(Masked, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Source.StartsWith("403 send", StringComparison.Ordinal) && t.Text.Contains(Masked, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Source.StartsWith("500 HTML", StringComparison.Ordinal) && t.Text.Contains(Masked, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Source.StartsWith("notification", StringComparison.Ordinal) && t.Text.Contains(Masked, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Source.StartsWith("send", StringComparison.Ordinal) && t.Text.Contains(Masked, StringComparison.Ordinal));
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): when a 200 token response fails the schema (for example it has an access_token but no
    /// id_token), CpaasRequestAdapter.Deserialize puts <c>PhoneMasking.Snippet(body)</c> — the first 160 characters of
    /// the token response — into the exception, so CpaasAuthenticationException.Message, ToString() and
    /// ResponseSnippet carry the start of the access token's payload (and the log of the failure with it). A token
    /// response must never be echoed.
    /// </summary>
    [Theory]
    [InlineData("no id_token")]
    [InlineData("no access_token")]
    [InlineData("id_token of the wrong type")]
    public async Task AMalformedTokenResponseNeverEchoesTheTokens(string shape)
    {
        var token = TestJwt.Response();
        var body = shape switch
        {
            "no id_token" => "{\"access_token\":\"" + token.AccessToken + "\"}",
            "no access_token" => "{\"id_token\":\"" + token.IdToken + "\"}",
            _ => "{\"access_token\":\"" + token.AccessToken + "\",\"id_token\":[\"" + token.IdToken + "\"]}",
        };
        _kandy.Server.Given(Request.Create().WithPath(KandyStub.TokenPath).UsingPost()).RespondWith(KandyStub.Json(200, body));
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(loggers: factory);

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        var texts = new[] { error.Message, error.ToString(), error.ResponseSnippet ?? string.Empty }.Concat(logs.AllText).ToList();
        var secrets = SecretParts(token.AccessToken).Concat(SecretParts(token.IdToken)).Select(p => p.Length > 24 ? p[..24] : p).ToList();
        var leaked = texts.Where(t => secrets.Any(s => t.Contains(s, StringComparison.Ordinal))).ToList();
        Assert.True(leaked.Count == 0, "token material in: " + leaked.FirstOrDefault());
    }
}
