using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>
/// The fifth notification kind (issue 11): <c>deliveryInfoNotification</c>, the outbound delivery receipt, is routed to
/// its own handler (<c>OnDeliveryInfo</c>, <see cref="CpaasWebhookHandler.HandleDeliveryInfoAsync"/>), to <c>OnAny</c>,
/// and named in the unhandled-kind warning.
/// </summary>
public sealed class DeliveryInfoWebhookTests
{
    private const string Receipt = """
        {"deliveryInfoNotification":{"deliveryInfo":{"address":"+16139998877","deliveryStatus":"DeliveredToTerminal","messageId":"SM5C24"},
         "dateTime":1568889114122,"id":"7d2b1c55-3f0e-4f6e-9a43-5f9f5f0d8a11"}}
        """;

    private readonly ConcurrentQueue<CpaasNotification> _received = new();

    [Fact]
    public async Task AReceiptReachesTheDeliveryInfoHandlerWithItsValues()
    {
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_received.Enqueue).OnDeliveryInfo(_received.Enqueue)));

        using var response = await app.PostAsync(Receipt);
        using var again = await app.PostAsync(Receipt);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("X-Cpaas-Duplicate").Single()); // its id is its duplicate key, as for every kind
        var receipt = Assert.IsType<DeliveryInfoNotification>(Assert.Single(_received));
        Assert.Equal(("+16139998877", DeliveryStatus.DeliveredToTerminal, "SM5C24"), (receipt.DestinationAddress, receipt.DeliveryStatus, receipt.MessageId));
    }

    [Fact]
    public async Task OnAnyAndAHandlerClassGetTheReceiptAsATypedKind()
    {
        var inbox = new ReceiptInbox();
        await using var any = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, (CpaasNotification n, HttpContext _) =>
            {
                _received.Enqueue(n);
                return Task.CompletedTask;
            }));
        await using var typed = await WebhookApp.StartAsync(
            s => s.AddSingleton(inbox).AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook<ReceiptHandler>(WebhookApp.Path));

        using var first = await any.PostAsync(Receipt);
        using var second = await typed.PostAsync(Receipt);

        Assert.IsType<DeliveryInfoNotification>(Assert.Single(_received));
        Assert.Equal("SM5C24", Assert.Single(inbox.Receipts).MessageId);
    }

    [Fact]
    public async Task WithoutAHandlerTheReceiptIsAcknowledgedAndTheWarningNamesOnDeliveryInfo()
    {
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_received.Enqueue)));

        using var response = await app.PostAsync(Receipt);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_received);
        var warning = Assert.Single(app.Logs.In("Cpaas"), e => e.Level == LogLevel.Warning && e.Message.Contains("no handler", StringComparison.Ordinal));
        Assert.Contains("deliveryInfo", warning.Message, StringComparison.Ordinal);
        Assert.Contains("OnDeliveryInfo", warning.Message, StringComparison.Ordinal);
    }

    public sealed class ReceiptInbox
    {
        public ConcurrentQueue<DeliveryInfoNotification> Receipts { get; } = new();
    }

    public sealed class ReceiptHandler(ReceiptInbox inbox) : CpaasWebhookHandler
    {
        public override Task HandleDeliveryInfoAsync(DeliveryInfoNotification notification, CancellationToken cancellationToken)
        {
            inbox.Receipts.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
