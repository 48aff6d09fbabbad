using System.Collections.Generic;

namespace Cpaas.Emulator.Webhooks;

/// <summary>One notification for one webhook.</summary>
internal sealed record DeliveryJob(OutgoingNotification Notification, WebhookTarget Target);

/// <summary>
/// The deliveries waiting for one webhook URL, delivered one after another (in order) by one worker at a time. Bounded:
/// when full, the oldest waiting delivery is dropped. Guarded by the dispatcher's lock.
/// </summary>
internal sealed class WebhookQueue(string url)
{
    public string Url { get; } = url;

    /// <summary>The URL with its secrets masked, for logs, records and the admin endpoints.</summary>
    public string MaskedUrl { get; } = global::Cpaas.UrlMasking.Mask(url);

    public LinkedList<DeliveryJob> Waiting { get; } = new();

    /// <summary>Whether a worker is delivering (or retrying) this URL's head delivery.</summary>
    public bool Running { get; set; }

    public long Dropped { get; set; }

    public long LastDropLogTimestamp { get; set; }

    /// <summary>Waiting plus in flight.</summary>
    public int Pending => Waiting.Count + (Running ? 1 : 0);
}
