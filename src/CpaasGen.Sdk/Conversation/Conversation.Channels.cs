using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;

namespace Cpaas;

public partial class Conversation
{
    /// <summary>
    /// Lists the user's notification channels: webhook channels (yours and other servers') and the websocket and push
    /// channels of the user's other clients (the vendor's browser SDK, mobile apps).
    /// </summary>
    /// <param name="query">Filters (the API's <c>clientCorrelator</c> and <c>channelType</c>); null for every channel.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channels (empty when there are none).</returns>
    /// <exception cref="ArgumentException">The query's <see cref="NotificationChannelQuery.Kind"/> is <see cref="NotificationChannelKind.Unknown"/>.</exception>
    public virtual async Task<IReadOnlyList<NotificationChannel>> GetChannelsAsync(NotificationChannelQuery? query = null, CancellationToken cancellationToken = default)
    {
        Api.ChannelType? channelType = null;
        if (query?.Kind is { } kind)
        {
            channelType = ChannelKinds.WireName(kind)
                ?? throw new ArgumentException("Kind must be Webhook, WebSocket or Push to filter by it (Unknown names no channel type).", nameof(query));
        }

        var response = await _core.Api.NotificationChannels.ListNotificationChannelsAsync(CurrentUser.PathValue, query?.ClientCorrelator, channelType, cancellationToken).ConfigureAwait(false);
        var items = response.NotificationChannelList.NotificationChannel;
        if (items is null || items.Count == 0)
        {
            return Array.Empty<NotificationChannel>();
        }

        var result = new NotificationChannel[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ToChannel(items[i]);
        }

        return result;
    }

    /// <summary>Gets one notification channel, of any kind.</summary>
    /// <param name="channelId">Its id (a subscription's <see cref="Subscription.NotifyUrl"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="CpaasApiException">404 when there is no such channel.</exception>
    public virtual async Task<NotificationChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken = default)
    {
        var id = RequireId(channelId, nameof(channelId));
        var response = await _core.Api.NotificationChannels.GetNotificationChannelAsync(CurrentUser.PathValue, id, cancellationToken).ConfigureAwait(false);
        return ToChannel(response.NotificationChannel);
    }

    private static NotificationChannel ToChannel(Api.NotificationChannel item)
    {
        var id = string.IsNullOrEmpty(item.CallbackUrl) ? ResourceUrls.LastSegment(item.ResourceUrl) ?? string.Empty : item.CallbackUrl;
        var type = item.ChannelType?.Value;
        return new NotificationChannel(
            id,
            ChannelKinds.Of(type, id),
            string.IsNullOrEmpty(type) ? null : type,
            item.ChannelData?.WebhookUrl,
            item.ChannelData?.ChannelUrl,
            item.ClientCorrelator,
            item.ResourceUrl,
            item.ChannelLifetime,
            item.ConnectionCheckRole);
    }
}

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
