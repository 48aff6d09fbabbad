using System;

namespace Cpaas;

/// <summary>An inbound-SMS subscription to create with <see cref="Conversation.SubscribeAsync"/>.</summary>
public sealed class SubscribeRequest
{
    /// <summary>Your public webhook (http or https) that Kandy POSTs notifications to.</summary>
    public required Uri WebhookUrl { get; init; }

    /// <summary>The number to receive SMS for. Optional: without it Kandy uses the user's default number and reports it in the result. Recommended.</summary>
    public string? DestinationAddress { get; init; }

    /// <summary>The <c>clientCorrelator</c>; default <see cref="CpaasClientOptions.ClientCorrelator"/>.</summary>
    public string? ClientCorrelator { get; init; }

    /// <summary>Masks the number and the webhook URL's secrets (query values, user info: <c>?token=***</c>).</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "SubscribeRequest { WebhookUrl = " + UrlMasking.Mask(WebhookUrl) + ", DestinationAddress = " + PhoneMasking.MaskAddress(DestinationAddress) + " }";
}
