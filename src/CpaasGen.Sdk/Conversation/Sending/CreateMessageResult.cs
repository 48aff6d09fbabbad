using System;
using System.Collections.Generic;

namespace Cpaas;

/// <summary>
/// What Kandy answered to a send: the delivery status per destination and the real sender number. Reads through
/// <see cref="ApiModel"/>, the wire model it came from. Build one for tests with <see cref="CpaasModelFactory.CreateMessageResult"/>.
/// </summary>
public sealed class CreateMessageResult
{
    private readonly string? _requestedMessage;
    private readonly string? _messageId;

    internal CreateMessageResult(Api.OutboundSmsMessageResult apiModel, IReadOnlyList<DeliveryInfo> deliveryInfo, string? senderAddress, string? requestedMessage, string? messageId = null)
    {
        _messageId = messageId;
        ApiModel = apiModel;
        DeliveryInfo = deliveryInfo;
        SenderAddress = senderAddress;
        _requestedMessage = requestedMessage;
    }

    /// <summary>
    /// The wire model this result was read from (the protocol layer's <see cref="Api.OutboundSmsMessageResult"/>): every
    /// field Kandy sent, including ones this type does not surface (<c>AdditionalData</c>). The same instance.
    /// </summary>
    public Api.OutboundSmsMessageResult ApiModel { get; }

    /// <summary>The delivery status per destination.</summary>
    public IReadOnlyList<DeliveryInfo> DeliveryInfo { get; }

    /// <summary>The text as Kandy echoed it (the text sent when the answer did not echo it).</summary>
    public string? Message => ApiModel.OutboundSmsTextMessage?.Message ?? _requestedMessage;

    /// <summary>
    /// The number the SMS was actually sent from: never the literal <c>default</c>. Taken from the response's
    /// <c>senderAddress</c>, else from its <c>resourceURL</c>, else (for an explicit sender) from the request;
    /// null only when a <c>default</c> send's response carried neither.
    /// </summary>
    public string? SenderAddress { get; }

    /// <summary>The message id: the last segment of the response's <c>resourceURL</c>.</summary>
    public string? MessageId => _messageId ?? ResourceUrls.LastSegment(ApiModel.ResourceUrl);

    /// <summary>The message's resource URL (relative to the base URL).</summary>
    public Uri? ResourceUrl => WireUri.From(ApiModel.ResourceUrl);

    /// <summary>The <c>clientCorrelator</c> as echoed (numbers kept as their JSON text).</summary>
    public string? ClientCorrelator => ApiModel.ClientCorrelator;

    /// <summary>Never shows the message text; numbers are masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "CreateMessageResult { SenderAddress = " + PhoneMasking.MaskAddress(SenderAddress) + ", MessageId = " + MessageId + ", DeliveryInfo = [" + string.Join(", ", DeliveryInfo) + "] }";
}
