using System.Collections.Generic;

namespace Cpaas;

/// <summary>What Kandy answered to a send: the delivery status per destination and the real sender number.</summary>
public sealed class CreateMessageResult
{
    private string? _messageId;

    /// <summary>Creates the result.</summary>
    /// <param name="deliveryInfo">The delivery status per destination.</param>
    /// <param name="message">The text as sent.</param>
    /// <param name="senderAddress">The number the SMS was sent from.</param>
    /// <param name="messageId">The message id; null to derive it from <paramref name="resourceUrl"/> when read.</param>
    /// <param name="resourceUrl">The message's resource URL.</param>
    /// <param name="clientCorrelator">The correlator as echoed.</param>
    public CreateMessageResult(IReadOnlyList<DeliveryInfo> deliveryInfo, string? message, string? senderAddress, string? messageId, string? resourceUrl, string? clientCorrelator)
    {
        DeliveryInfo = deliveryInfo;
        Message = message;
        SenderAddress = senderAddress;
        _messageId = messageId;
        ResourceUrl = resourceUrl;
        ClientCorrelator = clientCorrelator;
    }

    /// <summary>The delivery status per destination.</summary>
    public IReadOnlyList<DeliveryInfo> DeliveryInfo { get; }

    /// <summary>The text as Kandy echoed it.</summary>
    public string? Message { get; }

    /// <summary>
    /// The number the SMS was actually sent from: never the literal <c>default</c>. Taken from the response's
    /// <c>senderAddress</c>, else from its <c>resourceURL</c>, else (for an explicit sender) from the request;
    /// null only when a <c>default</c> send's response carried neither.
    /// </summary>
    public string? SenderAddress { get; }

    /// <summary>The message id: the last segment of the response's <c>resourceURL</c> (derived when first read).</summary>
    public string? MessageId => _messageId ??= ResourceUrls.LastSegment(ResourceUrl);

    /// <summary>The message's resource URL.</summary>
    public string? ResourceUrl { get; }

    /// <summary>The <c>clientCorrelator</c> as echoed (numbers kept as their JSON text).</summary>
    public string? ClientCorrelator { get; }

    /// <summary>Never shows the message text; numbers are masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "CreateMessageResult { SenderAddress = " + PhoneMasking.MaskAddress(SenderAddress) + ", MessageId = " + MessageId + ", DeliveryInfo = [" + string.Join(", ", DeliveryInfo) + "] }";
}

/// <summary>The delivery status for one destination.</summary>
public sealed class DeliveryInfo
{
    /// <summary>Creates the item.</summary>
    /// <param name="destinationAddress">The destination.</param>
    /// <param name="deliveryStatus">Its status.</param>
    public DeliveryInfo(string? destinationAddress, DeliveryStatus deliveryStatus)
    {
        DestinationAddress = destinationAddress;
        DeliveryStatus = deliveryStatus;
    }

    /// <summary>The destination: the API's <c>address</c> or <c>destinationAddress</c>, whichever it sent.</summary>
    public string? DestinationAddress { get; }

    /// <summary>The status, for example <see cref="DeliveryStatus.DeliveredToNetwork"/>.</summary>
    public DeliveryStatus DeliveryStatus { get; }

    /// <summary>Masks the number.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => PhoneMasking.MaskAddress(DestinationAddress) + ": " + DeliveryStatus;
}
