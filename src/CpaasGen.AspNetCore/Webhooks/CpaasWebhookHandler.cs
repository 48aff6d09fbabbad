using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.AspNetCore;

/// <summary>A class-based webhook handler, resolved from the request's services (<c>app.MapCpaasWebhook&lt;MyHandler&gt;("/path")</c>). Override the kinds you care about.</summary>
public abstract class CpaasWebhookHandler
{
    /// <summary>An SMS was received.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>A task.</returns>
    public virtual Task HandleInboundAsync(InboundSmsNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An SMS was sent from one of your numbers (outbound sync).</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>A task.</returns>
    public virtual Task HandleOutboundAsync(OutboundSmsNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A subscription was cancelled.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>A task.</returns>
    public virtual Task HandleSubscriptionCancellationAsync(SmsSubscriptionCancellationNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A message event (such as a deletion).</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>A task.</returns>
    public virtual Task HandleEventAsync(SmsEventNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An outbound delivery receipt.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>A task.</returns>
    public virtual Task HandleDeliveryInfoAsync(DeliveryInfoNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A notification of a kind this SDK does not know.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">The request's abort token.</param>
    /// <returns>A task.</returns>
    public virtual Task HandleUnknownAsync(UnknownNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}
