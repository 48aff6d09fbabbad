using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Cpaas.AspNetCore;

/// <summary>
/// The webhook's metrics, on the meter <c>CpaasGen.AspNetCore</c> created by the app's <see cref="IMeterFactory"/>
/// (no static meter: every app, and every test host, has its own). Tags never carry ids, numbers or text.
/// </summary>
internal sealed class CpaasWebhookMetrics
{
    public const string MeterName = "CpaasGen.AspNetCore";

    private readonly Counter<long> _unhandled;
    private readonly UpDownCounter<long> _feedClients;
    private readonly Counter<long> _feedDropped;

    public CpaasWebhookMetrics(IMeterFactory meterFactory)
    {
        _unhandled = meterFactory.Create(MeterName).CreateCounter<long>(
            "cpaas.webhook.notifications.unhandled",
            "{notification}",
            "Notifications acknowledged without a handler for their kind (register OnInbound/OnOutbound/OnSubscriptionCancellation/OnEvent/OnUnknown).");
        var meter = meterFactory.Create(MeterName);
        _feedClients = meter.CreateUpDownCounter<long>("cpaas.livefeed.clients", "{client}", "Clients connected to the live feed.");
        _feedDropped = meter.CreateCounter<long>("cpaas.livefeed.clients.dropped", "{client}", "Live feed clients disconnected because they fell a full queue behind.");
    }

    public void ClientConnected() => _feedClients.Add(1);

    public void ClientDisconnected() => _feedClients.Add(-1);

    public void ClientDropped() => _feedDropped.Add(1);

    /// <summary>The eviction counter of an in-memory duplicate store (the factory returns the same meter for the same name).</summary>
    public static Counter<long> EvictionCounter(IMeterFactory meterFactory)
        => meterFactory.Create(MeterName).CreateCounter<long>(
            "cpaas.webhook.duplicate_store.evictions",
            "{id}",
            "Unexpired notification ids dropped by the in-memory duplicate store to stay under its size cap.");

    /// <summary>Counts a notification nobody handles; <paramref name="kind"/> is a known kind or <c>unknown</c>.</summary>
    public void Unhandled(string kind) => _unhandled.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
