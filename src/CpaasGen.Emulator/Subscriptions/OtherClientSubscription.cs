namespace Cpaas.Emulator;

/// <summary>What <see cref="CpaasEmulator.SimulateOtherClientSubscriptionAsync"/> created: another client's channel and its subscription.</summary>
public sealed record OtherClientSubscription
{
    internal OtherClientSubscription(string channelId, string subscriptionId)
    {
        ChannelId = channelId;
        SubscriptionId = subscriptionId;
    }

    /// <summary>The websocket (<c>ws-…</c>) or push (<c>ps-…</c>) channel's id.</summary>
    public string ChannelId { get; init; }

    /// <summary>The subscription's id.</summary>
    public string SubscriptionId { get; init; }
}

