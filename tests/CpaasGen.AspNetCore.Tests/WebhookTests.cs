using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>The webhook endpoint over real HTTP: dispatch per kind, 400/401/405/413/500, duplicates, class handlers.</summary>
public sealed class WebhookTests
{
    private const string InboundId = "441fc36e-aab7-45dd-905c-4aaec7a7464d";

    /// <summary>Every notification a test app's handlers received, in order.</summary>
    private readonly ConcurrentQueue<CpaasNotification> _received = new();

    private Task<WebhookApp> StartTyped(Action<CpaasWebhookOptions>? options = null)
        => WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured(options)),
            app => app.MapCpaasWebhook(WebhookApp.Path, h => h
                .OnInbound(_received.Enqueue)
                .OnOutbound(_received.Enqueue)
                .OnSubscriptionCancellation(_received.Enqueue)
                .OnEvent(_received.Enqueue)
                .OnUnknown((n, _) =>
                {
                    _received.Enqueue(n);
                    return Task.CompletedTask;
                })));

    [Fact]
    public async Task InboundReachesTheInboundHandlerWithItsValues()
    {
        await using var app = await StartTyped();
        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Cpaas-Duplicate"));
        var sms = Assert.IsType<InboundSmsNotification>(Assert.Single(_received));
        Assert.Equal(InboundId, sms.NotificationId);
        Assert.Equal(1525895987, sms.ApiModel.DateTime);
        Assert.Equal("hi", sms.Message);
        Assert.Equal("O957s10JReNV", sms.MessageId);
        Assert.Equal("+16139998877", sms.SenderAddress);
        Assert.Equal("+16137001234", sms.DestinationAddress);
    }

    [Fact]
    public async Task OutboundReachesTheOutboundHandlerWithItsValues()
    {
        await using var app = await StartTyped();
        using var response = await app.PostAsync(Fixture.Read("notification-outbound.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sms = Assert.IsType<OutboundSmsNotification>(Assert.Single(_received));
        Assert.Equal("olr3j20Cdx87", sms.MessageId);
        Assert.Equal("+16137001234", sms.SenderAddress);
        Assert.Equal("+16139998877", sms.DestinationAddress);
        Assert.Equal("hi", sms.Message);
    }

    [Fact]
    public async Task CancellationReachesTheCancellationHandlerWithItsValues()
    {
        await using var app = await StartTyped();
        using var response = await app.PostAsync(Fixture.Read("notification-cancellation.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancel = Assert.IsType<SmsSubscriptionCancellationNotification>(Assert.Single(_received));
        Assert.Equal(InboundId, cancel.NotificationId);
        Assert.Equal("f179f10b-e846-4370-af20-db5f7dc0f985", cancel.SubscriptionId);
        Assert.EndsWith("/inbound/subscriptions/f179f10b-e846-4370-af20-db5f7dc0f985", cancel.SubscriptionUrl?.OriginalString);
    }

    [Fact]
    public async Task EventReachesTheEventHandlerWithItsValues()
    {
        await using var app = await StartTyped();
        using var response = await app.PostAsync(Fixture.Read("notification-event.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evt = Assert.IsType<SmsEventNotification>(Assert.Single(_received));
        Assert.Equal("8c30d6c7-d15e-41a0-800b-e7dc401403fb", evt.NotificationId);
        Assert.Equal(1545995973646, evt.ApiModel.DateTime);
        Assert.Equal("SM5C24C4AB0001020821100077367A8A", evt.MessageId);
        Assert.Equal("MessageDeleted", evt.EventType.Value);
        Assert.Equal("A message has been deleted.", evt.EventDescription);
    }

    [Fact]
    public async Task UnknownKindReachesTheUnknownHandlerWithTheRawJson()
    {
        await using var app = await StartTyped();
        const string Body = "{\"chatNotification\":{\"id\":\"c-1\",\"text\":\"x\"}}";
        using var response = await app.PostAsync(Body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknown = Assert.IsType<UnknownNotification>(Assert.Single(_received));
        Assert.Equal("chatNotification", unknown.Kind.Value);
        Assert.Equal(Body, unknown.RawJson);
    }

    [Fact]
    public async Task AKindWithoutAHandlerIsAcknowledgedAndIgnored()
    {
        var inbound = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => Interlocked.Increment(ref inbound))));

        using var response = await app.PostAsync(Fixture.Read("notification-event.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, inbound);
    }

    [Fact]
    public async Task OneDelegateForEveryKindGetsTheRequestContext()
    {
        var paths = new ConcurrentQueue<string>();
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, (CpaasNotification n, HttpContext context) =>
            {
                _received.Enqueue(n);
                paths.Enqueue(context.Request.Path);
                return Task.CompletedTask;
            }));

        using var first = await app.PostAsync(Fixture.Read("notification-event.json"));
        using var second = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        using var again = await app.PostAsync(Fixture.Read("notification-inbound.json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("X-Cpaas-Duplicate").Single());
        Assert.Equal(new[] { typeof(SmsEventNotification), typeof(InboundSmsNotification) }, _received.Select(n => n.GetType()));
        Assert.All(paths, p => Assert.Equal(WebhookApp.Path, p));
    }

    [Theory]
    [InlineData("{\"inboundSMSMessageNotification\": {")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("")]
    [InlineData("{\"inboundSMSMessageNotification\":{},\"smsEventNotification\":{}}")]
    [InlineData("{\"inboundSMSMessageNotification\":{}}")]
    [InlineData("{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":null,\"id\":\"a\"}}")]
    [InlineData("{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{\"message\":5},\"id\":\"b\"}}")]
    [InlineData("{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{},\"id\":7}}")]
    [InlineData("{\"smsEventNotification\":{\"link\":null,\"id\":\"c\"}}")]
    [InlineData("{\"smsEventNotification\":{\"link\":[{}],\"id\":\"d\"}}")]
    [InlineData("{\"smsSubscriptionCancellationNotification\":{\"link\":{},\"id\":\"e\"}}")]
    public async Task MalformedBodyIs400ProblemDetailsAndNoHandlerRuns(string body)
    {
        await using var app = await StartTyped();
        using var response = await app.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Malformed notification", problem.RootElement.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.Empty(_received);
    }

    [Fact]
    public async Task ADuplicateDeliveryIsAcknowledgedButHandledOnce()
    {
        await using var app = await StartTyped();
        using var first = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        using var second = await app.PostAsync(Fixture.Read("notification-inbound.json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("X-Cpaas-Duplicate"));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("X-Cpaas-Duplicate").Single());
        Assert.Single(_received);
    }

    [Fact]
    public async Task AFailingHandlerAnswers500AndTheNextDeliveryIsHandled()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(n =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    throw new InvalidOperationException("database down");
                }

                _received.Enqueue(n);
            })));

        using var failed = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        var text = await failed.Content.ReadAsStringAsync();
        Assert.Contains("Handler failed", text);
        Assert.DoesNotContain("database down", text); // the exception is logged, not shown to the caller

        using var retried = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(retried.Headers.Contains("X-Cpaas-Duplicate"));
        Assert.Equal(2, calls);
        Assert.Single(_received);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("?token=wrong", null, HttpStatusCode.Unauthorized)]
    [InlineData("?token=", null, HttpStatusCode.Unauthorized)]
    [InlineData(null, "wrong", HttpStatusCode.Unauthorized)]
    [InlineData(null, "Bearer wrong", HttpStatusCode.Unauthorized)]
    [InlineData("?token=hook-s3cret-0123456789", null, HttpStatusCode.OK)]
    [InlineData(null, "hook-s3cret-0123456789", HttpStatusCode.OK)]
    [InlineData(null, "Bearer hook-s3cret-0123456789", HttpStatusCode.OK)]
    public async Task TheSharedSecretIsRequiredInTheQueryOrTheHeader(string? query, string? header, HttpStatusCode expected)
    {
        await using var app = await StartTyped(o => o.SharedSecret = "hook-s3cret-0123456789");
        using var response = await app.PostAsync(
            Fixture.Read("notification-inbound.json"),
            query,
            r =>
            {
                if (header is not null)
                {
                    r.Headers.TryAddWithoutValidation("X-Cpaas-Webhook-Token", header);
                }
            },
            authenticate: false);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Unauthorized", await response.Content.ReadAsStringAsync());
            Assert.Empty(_received);
        }
        else
        {
            Assert.IsType<InboundSmsNotification>(Assert.Single(_received));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOverMaxBodyBytesIs413(bool declaresLength)
    {
        await using var app = await StartTyped(o => o.MaxBodyBytes = 512);
        var padded = Fixture.Read("notification-inbound.json").Replace("\"message\": \"hi\"", "\"message\": \"" + new string('x', 600) + "\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(padded);
        HttpContent content = declaresLength
            ? new ByteArrayContent(bytes)
            : new StreamContent(new UnseekableStream(bytes)); // no Content-Length: chunked, read until the limit
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await app.Http.PostAsync(WebhookApp.Path + "?token=" + WebhookApp.Secret, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("512", await response.Content.ReadAsStringAsync());
        Assert.Empty(_received);

        // At the limit exactly it is accepted.
        using var fits = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue - 1)]
    public async Task AHugeMaxBodyBytesStillReadsTheBody(int max)
    {
        await using var app = await StartTyped(o => o.MaxBodyBytes = max);
        var bytes = Encoding.UTF8.GetBytes(Fixture.Read("notification-inbound.json"));
        using var chunked = new StreamContent(new UnseekableStream(bytes));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await app.Http.PostAsync(WebhookApp.Path + "?token=" + WebhookApp.Secret, chunked);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<InboundSmsNotification>(Assert.Single(_received));
    }

    [Fact]
    public async Task AHandlerClassGetsItsConstructorDependencyFromDependencyInjection()
    {
        var inbox = new Inbox();
        await using var app = await WebhookApp.StartAsync(
            s => s.AddSingleton(inbox).AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook<InboxHandler>(WebhookApp.Path));

        using var inbound = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        using var evt = await app.PostAsync(Fixture.Read("notification-event.json"));

        Assert.Equal(HttpStatusCode.OK, inbound.StatusCode);
        Assert.Equal(HttpStatusCode.OK, evt.StatusCode); // not overridden by InboxHandler: acknowledged
        Assert.Equal("O957s10JReNV", Assert.Single(inbox.Messages).MessageId);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OnlyPostIsAllowed(string method)
    {
        await using var app = await StartTyped();
        using var request = new HttpRequestMessage(new HttpMethod(method), WebhookApp.Path);
        if (method == "PUT")
        {
            request.Content = new StringContent(Fixture.Read("notification-inbound.json"), Encoding.UTF8, "application/json");
        }

        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Empty(_received);
    }

    public sealed class Inbox
    {
        public ConcurrentQueue<InboundSmsNotification> Messages { get; } = new();
    }

    /// <summary>Not registered in DI itself: created per request with its constructor's services.</summary>
    public sealed class InboxHandler : CpaasWebhookHandler
    {
        private readonly Inbox _inbox;

        public InboxHandler(Inbox inbox) => _inbox = inbox;

        public override Task HandleInboundAsync(InboundSmsNotification notification, CancellationToken cancellationToken)
        {
            _inbox.Messages.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    /// <summary>A stream of unknown length, so HttpClient sends the body chunked (no Content-Length).</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
