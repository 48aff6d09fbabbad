using System;

namespace Cpaas;

/// <summary>A subscription was cancelled, for example because its number was unassigned (<c>smsSubscriptionCancellationNotification</c>).</summary>
public sealed class SmsSubscriptionCancellationNotification : CpaasNotification
{
    internal SmsSubscriptionCancellationNotification(Api.SmsSubscriptionCancellationNotification apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this notification was read from (the protocol layer's <see cref="Api.SmsSubscriptionCancellationNotification"/>),
    /// with every field Kandy sent. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.SmsSubscriptionCancellationNotification ApiModel { get; }

    /// <inheritdoc/>
    public override CpaasNotificationKind Kind => CpaasNotificationKind.SubscriptionCancel;

    /// <summary>The cancelled subscription's id (the last segment of <c>link[0].href</c>).</summary>
    public string? SubscriptionId => ResourceUrls.LastSegment(Href);

    /// <summary>The cancelled subscription's resource URL (<c>link[0].href</c>, relative to the base URL).</summary>
    public Uri? SubscriptionUrl => WireUri.From(Href);

    private string? Href => ApiModel.Link.Count > 0 ? ApiModel.Link[0].Href : null;

    private protected override string? WireId => ApiModel.Id;

    private protected override long? WireDateTime => ApiModel.DateTime;

    private protected override string Details() => ", SubscriptionId = " + SubscriptionId;
}
