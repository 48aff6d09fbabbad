using System;

namespace Cpaas;

/// <summary>
/// A conversation between one of your numbers and a remote number. Reads through <see cref="ApiModel"/>, the wire
/// model it came from. Build one for tests with <see cref="CpaasModelFactory.SmsThread"/>.
/// </summary>
public sealed class SmsThread
{
    internal SmsThread(Api.SmsThread apiModel) => ApiModel = apiModel;

    /// <summary>
    /// The wire model this thread was read from (the protocol layer's <see cref="Api.SmsThread"/>): every field Kandy
    /// sent, including ones this type does not surface (<c>AdditionalData</c>) and the raw epoch times. The same
    /// instance: changing it changes what this object reports.
    /// </summary>
    public Api.SmsThread ApiModel { get; }

    /// <summary>The other party's number.</summary>
    public string RemoteAddress => ApiModel.RemoteAddress;

    /// <summary>Your number in this thread.</summary>
    public string LocalAddress => ApiModel.LocalAddress;

    /// <summary>When the first message was sent or received.</summary>
    public DateTimeOffset? FirstMessageOn => EpochTime.ToDateTimeOffset(ApiModel.ThreadDetails?.FirstMessageTime);

    /// <summary>When the last message was sent or received.</summary>
    public DateTimeOffset? LastMessageOn => EpochTime.ToDateTimeOffset(ApiModel.ThreadDetails?.LastMessageTime);

    /// <summary>When the thread was last pulled (read) by the user.</summary>
    public DateTimeOffset? LastPulledOn => EpochTime.ToDateTimeOffset(ApiModel.ThreadDetails?.LastPullTime);

    /// <summary>The last message's text.</summary>
    public string? LastText => ApiModel.ThreadDetails?.LastText;

    /// <summary>How many messages the thread holds.</summary>
    public int? Length => ApiModel.ThreadDetails?.Length;

    /// <summary>How many messages are new (the API's <c>new</c>).</summary>
    public int? NewMessageCount => ApiModel.ThreadDetails?.NewMessageCount;

    /// <summary>The thread's resource URL (relative to the base URL).</summary>
    public Uri? ResourceUrl => WireUri.From(ApiModel.ResourceUrl);

    /// <summary>Never shows text; numbers are masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "SmsThread { RemoteAddress = " + PhoneMasking.MaskAddress(RemoteAddress) + ", LocalAddress = " + PhoneMasking.MaskAddress(LocalAddress) + ", Length = " + Length + " }";
}
