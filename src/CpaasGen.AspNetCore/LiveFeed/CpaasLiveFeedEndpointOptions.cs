using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Cpaas.AspNetCore;

/// <summary>
/// Settings of one mapped live feed: <c>app.MapCpaasLiveFeed("/sms/live", feed => feed.AllowedNumbers = …)</c>.
/// </summary>
public sealed class CpaasLiveFeedEndpointOptions
{
    /// <summary>
    /// The project numbers the calling user may watch, or null for every number (the default: every authorised user
    /// sees every notification). For an app whose users own different numbers, return the user's numbers here: a client
    /// that asks for another number (<c>?number=</c>) gets 403, and a client that names none gets only these.
    /// Notifications that belong to no number (subscription cancellations, message events) go only to clients that may
    /// watch every number.
    /// </summary>
    public Func<HttpContext, ValueTask<IReadOnlyCollection<string>?>>? AllowedNumbers { get; set; }
}
