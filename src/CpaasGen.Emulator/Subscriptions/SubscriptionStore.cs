using System;
using System.Collections.Generic;
using System.Linq;
using Cpaas.Emulator.Wire;

namespace Cpaas.Emulator.Subscriptions;

/// <summary>
/// A notification channel: a webhook channel created through the API (<c>wh-…</c>, notifications POSTed to its URL), or
/// another client's websocket (<c>ws-…</c>) or push (<c>ps-…</c>) channel, which the emulator lists but delivers nothing to.
/// </summary>
internal sealed class ChannelState(string id, NotificationChannelKind kind, string? webhookUrl, string? authorization, string? channelUrl, Correlator? correlator)
{
    public string Id { get; } = id;
    public NotificationChannelKind Kind { get; } = kind;
    /// <summary>A webhook channel's URL; null for the other kinds.</summary>
    public string? WebhookUrl { get; } = webhookUrl;
    public string? Authorization { get; } = authorization;
    /// <summary>A websocket or push channel's <c>channelURL</c>; null for webhook channels.</summary>
    public string? ChannelUrl { get; } = channelUrl;
    public Correlator? Correlator { get; } = correlator;

    /// <summary>A websocket channel's <c>x-connCheckRole</c>.</summary>
    public string? ConnectionCheckRole { get; init; }

    /// <summary>The lifetime last set with PUT (seconds), or null: the channel lives until deleted.</summary>
    public int? Lifetime { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>An inbound SMS subscription: a project number routed to a channel (no number: another client's subscription made without one).</summary>
internal sealed record SubscriptionState(string Id, string ChannelId, string? DestinationAddress, Correlator? Correlator);

/// <summary>
/// Notification channels and inbound subscriptions. A channel whose lifetime ran out is gone (removed when next
/// looked at). Not thread-safe: used under <see cref="State.EmulatorState.Gate"/>.
/// </summary>
internal sealed class SubscriptionStore
{
    private readonly OrderedDictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, SubscriptionState> _subscriptions = new(StringComparer.Ordinal);

    public void Add(ChannelState channel) => _channels.Add(channel.Id, channel);

    public void Add(SubscriptionState subscription) => _subscriptions.Add(subscription.Id, subscription);

    public ChannelState? Channel(string id, DateTimeOffset now)
    {
        if (!_channels.TryGetValue(id, out var channel))
        {
            return null;
        }

        if (channel.ExpiresAt is { } expiry && expiry <= now)
        {
            _channels.Remove(id);
            return null;
        }

        return channel;
    }

    public IReadOnlyList<ChannelState> Channels(DateTimeOffset now)
    {
        foreach (var expired in _channels.Values.Where(c => c.ExpiresAt is { } e && e <= now).Select(c => c.Id).ToList())
        {
            _channels.Remove(expired);
        }

        return [.. _channels.Values];
    }

    public bool RemoveChannel(string id) => _channels.Remove(id);

    public SubscriptionState? Subscription(string id) => _subscriptions.GetValueOrDefault(id);

    public IReadOnlyList<SubscriptionState> Subscriptions => [.. _subscriptions.Values];

    public SubscriptionState? UsingChannel(string channelId) => _subscriptions.Values.FirstOrDefault(s => s.ChannelId == channelId);

    public bool IsSubscribed(string number) => _subscriptions.Values.Any(s => s.DestinationAddress == number);

    public IReadOnlyList<SubscriptionState> For(string number) => [.. _subscriptions.Values.Where(s => s.DestinationAddress == number)];

    public bool RemoveSubscription(string id) => _subscriptions.Remove(id);
}
