using System;

namespace Cpaas;

/// <summary>An SMS notification (inbound, or the outbound sync): the message's fields, flat.</summary>
public abstract class SmsMessageNotification : CpaasNotification
{
    private protected SmsMessageNotification()
    {
    }

    /// <summary>When the message was sent or received (the message's own <c>dateTime</c>).</summary>
    public DateTimeOffset? CreatedOn => EpochTime.ToDateTimeOffset(WireMessage.DateTime);

    /// <summary>The number the message went to.</summary>
    public string DestinationAddress => WireMessage.DestinationAddress;

    /// <summary>The message text; null for a message without text (a multimedia message carries an attachment instead).</summary>
    public string? Message => WireMessage.Message;

    /// <summary>The message id, when the notification carries it (the spec makes it optional: the browser SDK may see none).</summary>
    public string? MessageId => WireMessage.MessageId;

    /// <summary>The number the message came from.</summary>
    public string SenderAddress => WireMessage.SenderAddress;

    private protected abstract Api.SmsNotificationMessage WireMessage { get; }

    private protected override string Details()
        => ", MessageId = " + MessageId + ", SenderAddress = " + PhoneMasking.MaskAddress(SenderAddress) + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress);
}
