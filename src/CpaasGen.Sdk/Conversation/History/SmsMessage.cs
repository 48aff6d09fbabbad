using System;

namespace Cpaas;

/// <summary>
/// A stored message of a thread. Reads through <see cref="ApiModel"/>, the wire model it came from. Build one for
/// tests with <see cref="CpaasModelFactory.SmsMessage"/>.
/// </summary>
public sealed class SmsMessage
{
    internal SmsMessage(Api.SmsMessage apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this message was read from (the protocol layer's <see cref="Api.SmsMessage"/>): every field Kandy
    /// sent, including ones this type does not surface (<c>AdditionalData</c>) and the raw epoch time. The same
    /// instance: changing it changes what this object reports.
    /// </summary>
    public Api.SmsMessage ApiModel { get; }

    /// <summary>The message id: the API's <c>messageId</c>, or the last segment of <see cref="ResourceUrl"/> when it sent none; null when it sent neither.</summary>
    public string? MessageId => string.IsNullOrEmpty(ApiModel.MessageId) ? ResourceUrls.LastSegment(ApiModel.ResourceUrl) : ApiModel.MessageId;

    /// <summary>The direction (the API's <c>type</c>), for example <see cref="SmsMessageDirection.Inbound"/>.</summary>
    public SmsMessageDirection Direction => new(ApiModel.Type.Value);

    /// <summary>The message text.</summary>
    public string? Message => ApiModel.Message;

    /// <summary>The delivery status.</summary>
    public DeliveryStatus? Status => ApiModel.Status is { } status ? new DeliveryStatus(status.Value) : null;

    /// <summary>When the message was sent or received.</summary>
    public DateTimeOffset? CreatedOn => EpochTime.ToDateTimeOffset(ApiModel.DateTime);

    /// <summary>The message's resource URL (relative to the base URL).</summary>
    public Uri? ResourceUrl => WireUri.From(ApiModel.ResourceUrl);

    /// <summary>Never shows the text.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "SmsMessage { MessageId = " + MessageId + ", Direction = " + Direction + ", Status = " + Status + " }";
}
