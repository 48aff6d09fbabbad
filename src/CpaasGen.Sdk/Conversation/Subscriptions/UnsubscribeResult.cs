namespace Cpaas;

/// <summary>
/// The outcome of <see cref="Conversation.UnsubscribeAsync"/>. <see cref="ApiModel"/> is the removed subscription as
/// Kandy described it before the removal. Build one for tests with <see cref="CpaasModelFactory.UnsubscribeResult"/>.
/// </summary>
public sealed class UnsubscribeResult
{
    internal UnsubscribeResult(Api.InboundSubscription apiModel, string subscriptionId, bool channelDeleted)
    {
        ApiModel = apiModel;
        SubscriptionId = subscriptionId;
        ChannelDeleted = channelDeleted;
    }

    /// <summary>The wire model of the removed subscription (the protocol layer's <see cref="Api.InboundSubscription"/>), read just before it was removed.</summary>
    public Api.InboundSubscription ApiModel { get; }

    /// <summary>The subscription that was removed.</summary>
    public string SubscriptionId { get; }

    /// <summary>Its notification channel id (<c>wh-…</c>, or the <c>ws-…</c>/<c>ps-…</c> channel of another client, which is left alone); null when it named none.</summary>
    public string? ChannelId => string.IsNullOrEmpty(ApiModel.CallbackReference?.NotifyUrl) ? null : ApiModel.CallbackReference.NotifyUrl;

    /// <summary>True when the channel was deleted too (or was already gone); false for a websocket or push channel, which is not this SDK's to delete.</summary>
    public bool ChannelDeleted { get; }

    /// <summary>A short description.</summary>
    /// <returns>The ids and whether the channel was deleted.</returns>
    public override string ToString() => "UnsubscribeResult { SubscriptionId = " + SubscriptionId + ", ChannelId = " + ChannelId + ", ChannelDeleted = " + (ChannelDeleted ? "true" : "false") + " }";
}
