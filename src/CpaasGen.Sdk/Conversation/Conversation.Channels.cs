using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

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
            result[i] = ToChannel(items[i], 200);
        }

        return result;
    }

    /// <summary>Gets one notification channel, of any kind.</summary>
    /// <param name="channelId">Its id (a subscription's <see cref="Subscription.ChannelId"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="CpaasApiException">404 when there is no such channel.</exception>
    public virtual async Task<NotificationChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken = default)
    {
        var id = RequireId(channelId, nameof(channelId));
        var response = await _core.Api.NotificationChannels.GetNotificationChannelAsync(CurrentUser.PathValue, id, cancellationToken).ConfigureAwait(false);
        return ToChannel(response.NotificationChannel, 200);
    }

    /// <summary>A channel; its id is the <c>callbackURL</c>, else the last segment of its resource URL; a typed error when it has neither.</summary>
    private static NotificationChannel ToChannel(Api.NotificationChannel item, int status)
    {
        var id = string.IsNullOrEmpty(item.CallbackUrl) ? ResourceUrls.LastSegment(item.ResourceUrl) : item.CallbackUrl;
        return new NotificationChannel(
            item,
            id ?? throw new CpaasApiException(status, CpaasErrorKind.Unknown, null, null, hint: "The notification channel in Kandy's answer has neither callbackURL nor resourceURL, so its id is unknown."));
    }
}
