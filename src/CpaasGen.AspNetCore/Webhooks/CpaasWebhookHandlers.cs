using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Cpaas.AspNetCore;

/// <summary>
/// Typed handlers, one per notification kind, for <c>MapCpaasWebhook(pattern, handlers => …)</c>. A kind without a
/// handler is acknowledged (200) and dropped, with a warning logged once per kind and the
/// <c>cpaas.webhook.notifications.unhandled</c> metric, so a missing <c>OnOutbound</c> or <c>OnSubscriptionCancellation</c> shows.
/// </summary>
public sealed class CpaasWebhookHandlers
{
    internal Func<InboundSmsNotification, HttpContext, Task>? Inbound { get; private set; }

    internal Func<OutboundSmsNotification, HttpContext, Task>? Outbound { get; private set; }

    internal Func<SmsSubscriptionCancellationNotification, HttpContext, Task>? SubscriptionCancellation { get; private set; }

    internal Func<SmsEventNotification, HttpContext, Task>? Event { get; private set; }

    internal Func<DeliveryInfoNotification, HttpContext, Task>? DeliveryInfo { get; private set; }

    internal Func<UnknownNotification, HttpContext, Task>? Unknown { get; private set; }

    /// <summary>Handles inbound SMS (with the request's <see cref="HttpContext"/>: services, cancellation).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnInbound(Func<InboundSmsNotification, HttpContext, Task> handler) => Set(() => Inbound = handler, handler);

    /// <summary>Handles inbound SMS.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnInbound(Action<InboundSmsNotification> handler) => OnInbound(Sync(handler));

    /// <summary>Handles outbound-sync notifications (an SMS was sent from one of your numbers).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnOutbound(Func<OutboundSmsNotification, HttpContext, Task> handler) => Set(() => Outbound = handler, handler);

    /// <summary>Handles outbound-sync notifications.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnOutbound(Action<OutboundSmsNotification> handler) => OnOutbound(Sync(handler));

    /// <summary>Handles subscription cancellations (a number was unassigned).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnSubscriptionCancellation(Func<SmsSubscriptionCancellationNotification, HttpContext, Task> handler) => Set(() => SubscriptionCancellation = handler, handler);

    /// <summary>Handles subscription cancellations.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnSubscriptionCancellation(Action<SmsSubscriptionCancellationNotification> handler) => OnSubscriptionCancellation(Sync(handler));

    /// <summary>Handles message events (such as a deletion).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnEvent(Func<SmsEventNotification, HttpContext, Task> handler) => Set(() => Event = handler, handler);

    /// <summary>Handles message events.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnEvent(Action<SmsEventNotification> handler) => OnEvent(Sync(handler));

    /// <summary>Handles outbound delivery receipts (the delivery status of a message sent from one of your numbers).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnDeliveryInfo(Func<DeliveryInfoNotification, HttpContext, Task> handler) => Set(() => DeliveryInfo = handler, handler);

    /// <summary>Handles outbound delivery receipts.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnDeliveryInfo(Action<DeliveryInfoNotification> handler) => OnDeliveryInfo(Sync(handler));

    /// <summary>Handles notifications of a kind this SDK does not know (the raw JSON is kept).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnUnknown(Func<UnknownNotification, HttpContext, Task> handler) => Set(() => Unknown = handler, handler);

    /// <summary>Handles every kind with one delegate.</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This instance.</returns>
    public CpaasWebhookHandlers OnAny(Func<CpaasNotification, HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Inbound ??= handler;
        Outbound ??= handler;
        SubscriptionCancellation ??= handler;
        Event ??= handler;
        DeliveryInfo ??= handler;
        Unknown ??= handler;
        return this;
    }

    /// <summary>Whether a handler is registered for the notification's kind.</summary>
    internal bool Handles(CpaasNotification notification) => notification switch
    {
        InboundSmsNotification => Inbound is not null,
        OutboundSmsNotification => Outbound is not null,
        SmsSubscriptionCancellationNotification => SubscriptionCancellation is not null,
        SmsEventNotification => Event is not null,
        DeliveryInfoNotification => DeliveryInfo is not null,
        UnknownNotification => Unknown is not null,
        _ => false,
    };

    internal Task DispatchAsync(CpaasNotification notification, HttpContext context) => notification switch
    {
        InboundSmsNotification n when Inbound is not null => Inbound(n, context),
        OutboundSmsNotification n when Outbound is not null => Outbound(n, context),
        SmsSubscriptionCancellationNotification n when SubscriptionCancellation is not null => SubscriptionCancellation(n, context),
        SmsEventNotification n when Event is not null => Event(n, context),
        DeliveryInfoNotification n when DeliveryInfo is not null => DeliveryInfo(n, context),
        UnknownNotification n when Unknown is not null => Unknown(n, context),
        _ => Task.CompletedTask,
    };

    internal static CpaasWebhookHandlers FromHandler<THandler>(Func<HttpContext, THandler> resolve)
        where THandler : CpaasWebhookHandler
        => new CpaasWebhookHandlers()
            .OnInbound((n, c) => resolve(c).HandleInboundAsync(n, c.RequestAborted))
            .OnOutbound((n, c) => resolve(c).HandleOutboundAsync(n, c.RequestAborted))
            .OnSubscriptionCancellation((n, c) => resolve(c).HandleSubscriptionCancellationAsync(n, c.RequestAborted))
            .OnEvent((n, c) => resolve(c).HandleEventAsync(n, c.RequestAborted))
            .OnDeliveryInfo((n, c) => resolve(c).HandleDeliveryInfoAsync(n, c.RequestAborted))
            .OnUnknown((n, c) => resolve(c).HandleUnknownAsync(n, c.RequestAborted));

    private static Func<T, HttpContext, Task> Sync<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (n, _) =>
        {
            handler(n);
            return Task.CompletedTask;
        };
    }

    private CpaasWebhookHandlers Set(Action assign, Delegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        assign();
        return this;
    }
}
