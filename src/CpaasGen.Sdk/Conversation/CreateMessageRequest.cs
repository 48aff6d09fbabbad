using System.Collections.Generic;

namespace Cpaas;

/// <summary>An SMS to send, as in the seed's <c>Cpaas::Conversation.create_message</c>.</summary>
public sealed class CreateMessageRequest
{
    /// <summary>The conversation type; <see cref="ConversationType.Sms"/>.</summary>
    public ConversationType Type { get; init; } = ConversationType.Sms;

    /// <summary>
    /// One or more destinations: <c>+16131234567</c>, <c>tel:+16131234567</c>, <c>sip:+16131234567@domain</c> or
    /// <c>sip:6131234567@domain</c>. (Kandy v1 documents one destination per request.)
    /// </summary>
    public required IReadOnlyList<string> DestinationAddress { get; init; }

    /// <summary>The sending number (E.164, purchased and assigned to the project), or <c>"default"</c> to let Kandy use the user's default SMS number.</summary>
    public required string SenderAddress { get; init; }

    /// <summary>The message text (UTF-8).</summary>
    public required string Message { get; init; }

    /// <summary>The <c>clientCorrelator</c>; default <see cref="CpaasClientOptions.ClientCorrelator"/>.</summary>
    public string? ClientCorrelator { get; init; }

    /// <summary>Never shows the message text; numbers are masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "CreateMessageRequest { SenderAddress = " + PhoneMasking.MaskAddress(SenderAddress) + ", Destinations = " + (DestinationAddress?.Count ?? 0) + " }";
}
