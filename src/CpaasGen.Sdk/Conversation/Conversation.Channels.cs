using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas;

public partial class Conversation
{
    /// <summary>Lists the user's notification channels: webhook, websocket and push.</summary>
    /// <param name="query">Filters; null for all channels.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channels (empty when there are none).</returns>
    public virtual Task<IReadOnlyList<NotificationChannel>> GetChannelsAsync(NotificationChannelQuery? query = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    /// <summary>Gets one notification channel.</summary>
    /// <param name="channelId">Its id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The channel.</returns>
    public virtual Task<NotificationChannel> GetChannelAsync(string channelId, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();
}
