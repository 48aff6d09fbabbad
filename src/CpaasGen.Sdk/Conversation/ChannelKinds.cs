using System;

namespace Cpaas;

/// <summary>The channel kinds the vendor documents and their wire names (<c>channelType</c>) and id prefixes.</summary>
internal static class ChannelKinds
{
    /// <summary>The kind of a channel: by its <c>channelType</c> (compared ignoring case); without one, by its id's prefix.</summary>
    public static NotificationChannelKind Of(string? channelType, string? channelId)
    {
        if (!string.IsNullOrEmpty(channelType))
        {
            return channelType.ToUpperInvariant() switch
            {
                "WEBHOOKS" => NotificationChannelKind.Webhook,
                "WEBSOCKETS" => NotificationChannelKind.WebSocket,
                "OMAPUSH" => NotificationChannelKind.Push,
                _ => NotificationChannelKind.Unknown,
            };
        }

        return channelId switch
        {
            not null when channelId.StartsWith("wh-", StringComparison.OrdinalIgnoreCase) => NotificationChannelKind.Webhook,
            not null when channelId.StartsWith("ws-", StringComparison.OrdinalIgnoreCase) => NotificationChannelKind.WebSocket,
            not null when channelId.StartsWith("ps-", StringComparison.OrdinalIgnoreCase) => NotificationChannelKind.Push,
            _ => NotificationChannelKind.Unknown,
        };
    }

    /// <summary>The <c>channelType</c> the server uses for a kind (<c>Webhooks</c>, <c>Websockets</c>, <c>OMAPush</c>); null for Unknown.</summary>
    public static Api.ChannelType? WireName(NotificationChannelKind kind) => kind switch
    {
        NotificationChannelKind.Webhook => new Api.ChannelType("Webhooks"),
        NotificationChannelKind.WebSocket => Api.ChannelType.Websockets,
        NotificationChannelKind.Push => Api.ChannelType.OmaPush,
        _ => default(Api.ChannelType?),
    };
}
