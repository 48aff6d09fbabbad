using System;

namespace Cpaas;

/// <summary>Something happened to a stored message, such as its deletion (<c>smsEventNotification</c>).</summary>
public sealed class SmsEventNotification : CpaasNotification
{
    internal SmsEventNotification(Api.SmsEventNotification apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this notification was read from (the protocol layer's <see cref="Api.SmsEventNotification"/>),
    /// with every field Kandy sent. The same instance: changing it changes what this object reports.
    /// </summary>
    public Api.SmsEventNotification ApiModel { get; }

    /// <inheritdoc/>
    public override CpaasNotificationKind Kind => CpaasNotificationKind.Event;

    /// <summary>The message the event is about (the last segment of <c>link[0].href</c>).</summary>
    public string? MessageId => ResourceUrls.LastSegment(Href);

    /// <summary>The message's resource URL (<c>link[0].href</c>, relative to the base URL).</summary>
    public Uri? MessageUrl => WireUri.From(Href);

    /// <summary>What happened (<c>eventType</c>), for example <see cref="SmsEventType.MessageDeleted"/>.</summary>
    public SmsEventType EventType => new(ApiModel.EventType.Value);

    /// <summary>A human-readable description (<c>eventDescription</c>), for example "A message has been deleted.".</summary>
    public string? EventDescription => ApiModel.EventDescription;

    private string? Href => ApiModel.Link.Count > 0 ? ApiModel.Link[0].Href : null;

    private protected override string? WireId => ApiModel.Id;

    private protected override long? WireDateTime => ApiModel.DateTime;

    private protected override string Details() => ", MessageId = " + MessageId + ", EventType = " + EventType;
}
