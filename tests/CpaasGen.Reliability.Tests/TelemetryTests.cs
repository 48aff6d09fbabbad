using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// The SDK's ActivitySource and Meter ("CpaasGen.Sdk"): one span per API call with method, URL template and status
/// tags and an error status on failures; counters for calls, failures, retries, token requests and SMS sent; and no
/// tag value anywhere carrying a phone number, the user id, a message id, message text or a token. Runs alone (the
/// instruments are static, so a parallel test's calls would be counted too).
/// </summary>
[Collection(ProcessWide.Name)]
public sealed class TelemetryTests : IClassFixture<KandyStub>, IDisposable
{
    private const string Number = "+16131234567";
    private const string Text = "super secret text 123";
    private const string MessageId = "olr3j20Cdx87";

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly Activity _root;

    public TelemetryTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CpaasTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CpaasTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _meters.Start();

        // Every span of this test is a descendant of this root, so spans of any other test can be told apart.
        _root = new Activity("reliability-telemetry-test").Start();
    }

    public void Dispose()
    {
        _root.Stop();
        _activities.Dispose();
        _meters.Dispose();
    }

    private List<Activity> Spans => _spans.Where(s => s.TraceId == _root.TraceId).ToList();

    private long Sum(string instrument, Func<KeyValuePair<string, object?>[], bool>? where = null)
        => (long)_measurements.Where(m => m.Instrument == instrument && (where is null || where(m.Tags))).Sum(m => m.Value);

    private static bool Tag(KeyValuePair<string, object?>[] tags, string key, object value) => tags.Any(t => t.Key == key && Equals(t.Value, value));

    private static string SendBody() =>
        Fixture.Read("send-response.json").Replace("+16139998877", Number, StringComparison.Ordinal).Replace("\"Hi\"", "\"" + Text + "\"", StringComparison.Ordinal);

    [Fact]
    public async Task EveryCallIsOneSpanWithTemplateMethodAndStatusAndTheCountersAddUp()
    {
        var token = _kandy.StubToken();
        _kandy.Stub("POST", KandyStub.SendPath, 201, SendBody());
        _kandy.Stub("POST", KandyStub.UserBase + "/outbound/" + Number + "/requests", 403,
            "{\"requestError\":{\"policyException\":{\"messageId\":\"POL0001\",\"text\":\"Sender %1 not allowed\",\"variables\":[\"" + Number + "\"]}}}");
        _kandy.Sequence("GET", KandyStub.SubscriptionsPath,
            KandyStub.Json(200, Fixture.Read("subscription-list.json")),
            Response.Create().WithStatusCode(503).WithHeader("Retry-After", "0"),
            KandyStub.Json(200, Fixture.Read("subscription-list.json")));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath + "/" + MessageId, 404, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0004\",\"text\":\"No such subscription %1\",\"variables\":[\"" + MessageId + "\"]}}}");
        _kandy.Stub("POST", KandyStub.ChannelsPath, 201, Fixture.Read("channel-response.json"));
        _kandy.Stub("POST", KandyStub.SubscriptionsPath, 201, Fixture.Read("subscription-response.json").Replace("+16137001234", Number, StringComparison.Ordinal));

        using (var client = _kandy.Client())
        {
            await client.Conversation.GetSubscriptionsAsync();                                    // token + GET 200
            await Calls.Send(client, text: Text);                                                  // POST 201, 1 SMS
            await client.Conversation.GetSubscriptionsAsync();                                    // GET 503 → retry → 200
            await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionAsync(MessageId)); // GET 404
            await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(
                new CreateMessageRequest { DestinationAddress = new[] { Number }, SenderAddress = Number, Message = Text })); // POST 403
            await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://example.org/hook"), DestinationAddress = Number }); // 2 POSTs
        }

        // A transport failure: the token from WireMock, the call to a closed port.
        var dead = TransportRetryTests.ClosedPort();
        using (var broken = _kandy.Client(o => o.Retry.MaxRetries = 0, new CountingHandler(uri => uri.AbsolutePath == KandyStub.TokenPath ? null : new UriBuilder(uri) { Port = dead }.Uri)))
        {
            await Assert.ThrowsAsync<CpaasApiException>(() => broken.Conversation.GetSubscriptionsAsync());
        }

        var spans = Spans;
        foreach (var span in spans)
        {
            _output.WriteLine($"SPAN {span.DisplayName} [{span.Status}{(span.StatusDescription is null ? string.Empty : " " + span.StatusDescription)}] {string.Join(", ", span.TagObjects.Select(t => t.Key + "=" + t.Value))}");
        }

        const string Token = "POST /cpaas/auth/v1/token";
        const string List = "GET /cpaas/smsmessaging/v1/{userId}/inbound/subscriptions";
        const string Get = "GET /cpaas/smsmessaging/v1/{userId}/inbound/subscriptions/{subscriptionId}";
        const string Send = "POST /cpaas/smsmessaging/v1/{userId}/outbound/{senderAddress}/requests";
        const string Channel = "POST /cpaas/notificationchannel/v1/{userId}/channels";
        const string Subscribe = "POST /cpaas/smsmessaging/v1/{userId}/inbound/subscriptions";
        var expected = new[] { Token, List, Send, List, Get, Send, Channel, Subscribe, Token, List };
        Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), spans.Select(s => (string)s.GetTagItem("url.template")!).OrderBy(x => x, StringComparer.Ordinal));
        Assert.All(spans, s =>
        {
            Assert.Equal(ActivityKind.Client, s.Kind);
            Assert.Equal(s.DisplayName, s.GetTagItem("url.template"));
            Assert.Equal(((string)s.GetTagItem("url.template")!).Split(' ')[0], s.GetTagItem("http.request.method"));
        });

        Activity Only(string template, int? status) => Assert.Single(spans, s => (string?)s.GetTagItem("url.template") == template && Equals(s.GetTagItem("http.response.status_code"), status));
        Assert.Equal(ActivityStatusCode.Unset, Only(Send, 201).Status);
        Assert.Equal(2, spans.Count(s => (string?)s.GetTagItem("url.template") == List && Equals(s.GetTagItem("http.response.status_code"), 200)));
        var notFound = Only(Get, 404);
        Assert.Equal(ActivityStatusCode.Error, notFound.Status);
        Assert.Equal("404", notFound.GetTagItem("error.type"));
        var forbidden = Only(Send, 403);
        Assert.Equal(ActivityStatusCode.Error, forbidden.Status);
        Assert.Equal("POL0001", forbidden.GetTagItem("cpaas.exception_id"));
        var transport = Only(List, null);
        Assert.Equal(ActivityStatusCode.Error, transport.Status);
        Assert.Equal("Transport", transport.GetTagItem("error.type"));

        // Counters.
        var calls = Sum("cpaas.client.calls");
        var failures = Sum("cpaas.client.failures");
        var retries = Sum("cpaas.client.retries");
        var tokens = Sum("cpaas.client.token_requests");
        var sms = Sum("cpaas.sms.sent");
        _output.WriteLine($"METRICS calls {calls}, failures {failures}, retries {retries}, token requests {tokens}, sms sent {sms}, duration records {_measurements.Count(m => m.Instrument == "cpaas.client.duration")}");
        Assert.Equal(9, calls); // every span but the transport failure got an answer
        Assert.Equal(1, Sum("cpaas.client.calls", t => Tag(t, "url.template", Get) && Tag(t, "http.response.status_code", 404)));
        Assert.Equal(3, failures);
        Assert.Equal(1, Sum("cpaas.client.failures", t => Tag(t, "error.kind", "Transport")));
        Assert.Equal(1, retries);
        Assert.Equal(1, Sum("cpaas.client.retries", t => Tag(t, "reason", "503") && Tag(t, "url.template", List)));
        Assert.Equal(2, tokens);
        Assert.Equal(1, sms);
        Assert.Equal(1, Sum("cpaas.sms.sent", t => Tag(t, "cpaas.delivery_status", "DeliveredToNetwork")));
        Assert.Equal(calls, _measurements.Count(m => m.Instrument == "cpaas.client.duration"));

        AssertNoSensitiveValues(spans, token.AccessToken, token.IdToken);
    }

    private void AssertNoSensitiveValues(List<Activity> spans, string accessToken, string idToken)
    {
        var values = new List<(string Where, string Value)>();
        foreach (var span in spans)
        {
            values.Add(("span name", span.DisplayName));
            values.Add(("span operation", span.OperationName));
            values.Add(("span status", span.StatusDescription ?? string.Empty));
            values.AddRange(span.TagObjects.Select(t => ("span tag " + t.Key, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)));
            values.AddRange(span.Events.SelectMany(e => e.Tags.Select(t => ("span event " + e.Name + " " + t.Key, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))));
            values.AddRange(span.Baggage.Select(b => ("baggage " + b.Key, b.Value ?? string.Empty)));
        }

        values.AddRange(_measurements.SelectMany(m => m.Tags.Select(t => ("metric " + m.Instrument + " " + t.Key, Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))));
        var forbidden = new[] { Number, Number[1..], "1613", KandyStub.Sender, TestJwt.UserId, MessageId, Text, accessToken, idToken, accessToken.Split('.')[1][..20], KandyStub.ClientSecret, "f179f10b" };
        var digits = new Regex("[0-9]{7,}");
        var leaks = values.Where(v => forbidden.Any(f => v.Value.Contains(f, StringComparison.Ordinal)) || digits.IsMatch(v.Value)).ToList();
        _output.WriteLine($"TAGS {values.Count} tag values checked, {values.Select(v => v.Value).Distinct().Count()} distinct");
        Assert.True(leaks.Count == 0, "sensitive tag values:\n" + string.Join("\n", leaks.Select(l => l.Where + " = " + l.Value).Distinct().Take(10)));
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): a call whose 2xx body cannot be read (truncated or non-JSON — CpaasRequestAdapter.Deserialize
    /// throws after SendCoreAsync has returned) or is larger than MaxResponseBytes (ReadBodyAsync throws a
    /// CpaasApiException that none of SendCoreAsync's catch clauses handle) ends in a CpaasApiException, but its span
    /// keeps status Unset and cpaas.client.failures is not incremented: the failure is invisible to telemetry (and is
    /// not logged by Log.Failed either).
    /// </summary>
    [Theory]
    [InlineData("truncated JSON")]
    [InlineData("HTML on 200")]
    [InlineData("over MaxResponseBytes")]
    public async Task AnUnreadable2xxBodyIsAFailureInTelemetry(string fault)
    {
        _kandy.StubToken();
        var body = fault switch
        {
            "truncated JSON" => Fixture.Read("subscription-list.json")[..40],
            "HTML on 200" => "<html><body>maintenance</body></html>",
            _ => "{\"x\":\"" + new string('x', 2 * 1024 * 1024) + "\"}",
        };
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, body, fault == "HTML on 200" ? "text/html" : "application/json");
        using var client = _kandy.Client(o => o.MaxResponseBytes = 1024 * 1024);
        await client.GetUserIdAsync();
        var failuresBefore = Sum("cpaas.client.failures");

        await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        var span = Assert.Single(Spans, s => (string?)s.GetTagItem("url.template") == "GET /cpaas/smsmessaging/v1/{userId}/inbound/subscriptions");
        Assert.True(span.Status == ActivityStatusCode.Error, $"{fault}: the call threw CpaasApiException but its span status is {span.Status}");
        Assert.True(Sum("cpaas.client.failures") == failuresBefore + 1, $"{fault}: the call threw CpaasApiException but cpaas.client.failures did not count it");
    }
}
