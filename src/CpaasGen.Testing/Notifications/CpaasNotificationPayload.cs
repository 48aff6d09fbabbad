using System;

namespace Cpaas.Testing;

/// <summary>
/// A webhook notification body, exactly as Kandy POSTs it: a JSON object with one top-level key naming its kind.
/// Build one with <see cref="CpaasNotifications"/> and deliver it with <see cref="CpaasMockServer.PostNotificationAsync(Uri, CpaasNotificationPayload, System.Threading.CancellationToken)"/>.
/// </summary>
public sealed class CpaasNotificationPayload
{
    internal CpaasNotificationPayload(string? key, string json)
    {
        Key = key;
        Json = json;
    }

    /// <summary>The top-level key, such as <c>inboundSMSMessageNotification</c>; null for a <see cref="CpaasNotifications.Raw"/> body.</summary>
    public string? Key { get; }

    /// <summary>The body, as it goes on the wire.</summary>
    public string Json { get; }

    /// <summary>The body.</summary>
    /// <returns><see cref="Json"/>.</returns>
    public override string ToString() => Json;
}
