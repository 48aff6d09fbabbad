using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>What senders really send: a BOM, any Content-Type, empty or long ids, kinds nobody handles.</summary>
public sealed class WebhookInputTests
{
    private readonly ConcurrentQueue<CpaasNotification> _received = new();

    private Task<WebhookApp> StartAll(Action<CpaasWebhookOptions>? options = null)
        => WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured(options)),
            a => a.MapCpaasWebhook(WebhookApp.Path, (n, _) =>
            {
                _received.Enqueue(n);
                return Task.CompletedTask;
            }));

    [Fact]
    public async Task AUtf8ByteOrderMarkIsAccepted()
    {
        await using var app = await StartAll();
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Fixture.Read("notification-inbound.json"))).ToArray();

        using var response = await SendAsync(app, body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", Assert.IsType<InboundSmsNotification>(Assert.Single(_received)).Message);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task ANonJsonContentTypeIs415AndNoHandlerRuns(string contentType)
    {
        await using var app = await StartAll();

        using var response = await SendAsync(app, Encoding.UTF8.GetBytes(Fixture.Read("notification-inbound.json")), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_received);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/vnd.kandy+json")]
    [InlineData(null)] // no Content-Type at all: Kandy's own behaviour is not documented, so the body decides
    public async Task JsonOrAMissingContentTypeIsAccepted(string? contentType)
    {
        await using var app = await StartAll();

        using var response = await SendAsync(app, Encoding.UTF8.GetBytes(Fixture.Read("notification-inbound.json")), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_received);
    }

    [Theory]
    [InlineData("\"id\": \"\",")]
    [InlineData("\"id\": \"   \",")]
    public async Task AnEmptyOrMissingIdIsNeverADuplicateKey(string idMember)
    {
        await using var app = await StartAll();

        using var first = await app.PostAsync(Inbound(idMember, "first text"));
        using var second = await app.PostAsync(Inbound(idMember, "a different SMS"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(second.Headers.Contains("X-Cpaas-Duplicate"));
        Assert.Equal(new[] { "first text", "a different SMS" }, _received.Cast<InboundSmsNotification>().Select(n => n.Message));
    }

    [Fact]
    public async Task AnIdLongerThanTheLimitIs400AndNotRemembered()
    {
        await using var app = await StartAll();
        const int limit = 256; // CpaasWebhookOptions.MaxNotificationIdLength's default

        using var tooLong = await app.PostAsync(Inbound("\"id\": \"" + new string('x', limit + 1) + "\",", "hi"));
        using var atLimit = await app.PostAsync(Inbound("\"id\": \"" + new string('y', limit) + "\",", "hi"));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.Contains(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Single(_received);
    }

    [Fact]
    public async Task AnUnknownKindWithAnIdIsDeduplicated()
    {
        await using var app = await StartAll();
        const string Body = "{\"chatNotification\":{\"id\":\"c-1\",\"dateTime\":1700000000,\"text\":\"x\"}}";

        using var first = await app.PostAsync(Body);
        using var again = await app.PostAsync(Body);
        using var other = await app.PostAsync(Body.Replace("c-1", "c-2", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("X-Cpaas-Duplicate").Single());
        Assert.False(other.Headers.Contains("X-Cpaas-Duplicate"));
        Assert.Equal(new[] { "c-1", "c-2" }, _received.Select(n => n.NotificationId));
        var unknown = Assert.IsType<UnknownNotification>(_received.First());
        Assert.Equal(Body, unknown.RawJson);
    }

    [Fact]
    public async Task AKindWithoutAHandlerIsLoggedOncePerKindAndCounted()
    {
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_received.Enqueue)));
        using var meter = new MeterWatch(app, "cpaas.webhook.notifications.unhandled");

        var bodies = new[]
        {
            Fixture.Read("notification-event.json"),
            Fixture.Read("notification-event.json").Replace("8c30d6c7", "9c30d6c7", StringComparison.Ordinal),
            Fixture.Read("notification-outbound.json"),
            "{\"chatNotification\":{\"id\":\"c-9\"}}",
            "{\"otherNotification\":{\"id\":\"o-9\"}}",
        };
        foreach (var body in bodies)
        {
            using var response = await app.PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // acknowledged: Kandy must not retry what nobody handles
        }

        Assert.Empty(_received);
        var warnings = app.Logs.In("Cpaas").Where(e => e.Level == LogLevel.Warning && e.Message.Contains("no handler", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count); // event, outbound, unknown: once per kind, not per notification
        Assert.Contains(warnings, w => w.Message.Contains("OnEvent", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("OnOutbound", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("OnUnknown", StringComparison.Ordinal));
        Assert.Equal(5, meter.Total);
        Assert.Equal(new[] { "event", "outbound", "unknown" }, meter.Tags("kind").Distinct().Order());
    }

    private static string Inbound(string idMember, string text)
        => "{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{\"dateTime\":1525895987,\"destinationAddress\":\"+16137001234\",\"message\":\""
           + text + "\",\"messageId\":\"m-" + text.Length + "\",\"senderAddress\":\"+16139998877\"}," + idMember + "\"dateTime\":1525895987}}";

    private static Task<HttpResponseMessage> SendAsync(WebhookApp app, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookApp.Path) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Cpaas-Webhook-Token", WebhookApp.Secret);
        return app.Http.SendAsync(request);
    }
}

/// <summary>Collects one instrument's measurements from the meters of one app (its IMeterFactory), so parallel tests do not mix.</summary>
internal sealed class MeterWatch : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MeterWatch(WebhookApp app, string instrument)
    {
        var factory = app.App.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (i, l) =>
        {
            if (i.Name == instrument && ReferenceEquals(i.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(i);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => _measurements.Enqueue((value, tags.ToArray())));
        _listener.Start();
    }

    public long Total => _measurements.Sum(m => m.Value);

    public IEnumerable<string?> Tags(string name) => _measurements.SelectMany(m => m.Tags).Where(t => t.Key == name).Select(t => t.Value?.ToString());

    public void Dispose() => _listener.Dispose();
}
