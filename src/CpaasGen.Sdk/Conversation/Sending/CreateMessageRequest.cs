using System.Collections.Generic;

namespace Cpaas;

/// <summary>An SMS to send with <see cref="Conversation.CreateMessageAsync"/>.</summary>
public sealed class CreateMessageRequest
{
    /// <summary>
    /// One or more destinations (the API's <c>address</c> list; the name is Kandy's own): <c>+16131234567</c>,
    /// <c>tel:+16131234567</c>, <c>sip:+16131234567@domain</c> or <c>sip:6131234567@domain</c>. Kandy documents one
    /// destination per request.
    /// </summary>
    public required IReadOnlyList<string> DestinationAddress { get; init; }

    /// <summary>The sending number (E.164, purchased and assigned to the project), or <see cref="PhoneAddress.DefaultSender"/> (<c>"default"</c>) to let Kandy use the user's default SMS number.</summary>
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
