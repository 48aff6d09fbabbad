using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// SMS through Kandy CPaaS: send (<see cref="CreateMessageAsync"/>, or <see cref="SendAsync"/> for one destination),
/// receive (<see cref="SubscribeAsync"/> plus <see cref="Notification.Parse(string)"/> in your webhook), and the
/// stored history. Every method validates its input before any network call and throws
/// <see cref="CpaasApiException"/> for API errors.
/// </summary>
public partial class Conversation
{
    private readonly ClientCore _core = null!;

    internal Conversation(ClientCore core) => _core = core;

    /// <summary>For mocking frameworks only.</summary>
    protected Conversation()
    {
    }

    /// <summary>Sends an SMS. With <c>SenderAddress = "default"</c> Kandy picks the user's default number, reported in the result.</summary>
    /// <param name="request">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The delivery status per destination and the real sender number.</returns>
    /// <exception cref="ArgumentException">An address is empty or not in an accepted format, or the message is empty; the message names the field.</exception>
    /// <exception cref="CpaasApiException">
    /// The send failed: the API refused it (403 when the sender number is not owned by the account or not assigned to
    /// the project), or its answer was lost. <see cref="CpaasApiException.MayHaveBeenProcessed"/> says whether the SMS may
    /// have gone out anyway (then sending it again could deliver it twice). The SDK never re-sends it once it may have
    /// reached the API, and the exception never contains the message text, whatever the server echoed.
    /// </exception>
    public virtual async Task<CreateMessageResult> CreateMessageAsync(CreateMessageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.DestinationAddress is null || request.DestinationAddress.Count == 0)
        {
            #pragma warning disable CA2208 // ParamName names the request's property at fault, as PhoneAddress.Validate does for each address.
            throw new ArgumentException("DestinationAddress needs at least one address.", nameof(request.DestinationAddress));
            #pragma warning restore CA2208
        }

        var destinations = new List<string>(request.DestinationAddress.Count);
        foreach (var destination in request.DestinationAddress)
        {
            PhoneAddress.Validate(destination, nameof(request.DestinationAddress));
            destinations.Add(destination.Trim());
        }

        var isDefault = string.Equals(request.SenderAddress?.Trim(), PhoneAddress.DefaultSender, StringComparison.OrdinalIgnoreCase);
        if (!isDefault)
        {
            PhoneAddress.Validate(request.SenderAddress, nameof(request.SenderAddress));
        }

        if (string.IsNullOrEmpty(request.Message))
        {
            #pragma warning disable CA2208 // ParamName names the request's property at fault.
            throw new ArgumentException("Message must not be empty.", nameof(request.Message));
            #pragma warning restore CA2208
        }

        var sender = isDefault ? PhoneAddress.DefaultSender : request.SenderAddress!.Trim();
        var body = new OutboundSmsMessageRequestBody
        {
            OutboundSmsMessageRequest = new OutboundSmsMessageRequest
            {
                Address = destinations,
                ClientCorrelator = request.ClientCorrelator ?? _core.ClientCorrelator,
                OutboundSmsTextMessage = new OutboundSmsTextMessage { Message = request.Message },
            },
        };

        OutboundSmsMessageResponseBody response;
        try
        {
            response = await _core.Api.SmsOutbound.CreateOutboundSmsMessageAsync(CurrentUser.PathValue, sender, body, cancellationToken).ConfigureAwait(false);
        }
        catch (CpaasApiException ex)
        {
            // Whatever the server echoed, the message text leaves no trace in the exception.
            var error = _core.WithoutMessageText(ex, request.Message);
            if (error.StatusCode == 403 && error is not CpaasAuthenticationException)
            {
                error = error.WithHint(isDefault
                    ? "Kandy refused the \"default\" sender: the user may have no default SMS number assigned to the project."
                    : "The sender number " + PhoneMasking.Mask(sender) + " is not owned by the account or not assigned to the project (Kandy answers Forbidden).");
            }

            throw error;
        }

        var result = response.OutboundSmsMessageRequest;
        var items = result.DeliveryInfoList.DeliveryInfo;
        var deliveryInfo = new DeliveryInfo[items.Count];
        for (var i = 0; i < deliveryInfo.Length; i++)
        {
            deliveryInfo[i] = new DeliveryInfo(items[i]);
        }

        var resolvedSender = Resolve(result.SenderAddress) ?? SenderFromResourceUrl(result.ResourceUrl) ?? (isDefault ? null : sender);
        var sent = new CreateMessageResult(result, deliveryInfo, resolvedSender, request.Message);
        foreach (var item in deliveryInfo)
        {
            CpaasTelemetry.SmsSent.Add(1, new KeyValuePair<string, object?>("cpaas.delivery_status", item.DeliveryStatus.IsKnown ? item.DeliveryStatus.Value : "other"));
        }

        if (_core.Logger.IsEnabled(LogLevel.Information))
        {
            Log.MessageSent(_core.Logger, PhoneMasking.MaskAddress(resolvedSender), deliveryInfo.Length, string.Join(", ", deliveryInfo));
        }

        return sent;
    }

    /// <summary>
    /// Sends one SMS to one destination: the one-line form of <see cref="CreateMessageAsync"/>, with the same validation,
    /// errors and result.
    /// </summary>
    /// <param name="senderAddress">The sending number (E.164, assigned to the project), or <see cref="PhoneAddress.DefaultSender"/> (<c>"default"</c>) for the user's default SMS number.</param>
    /// <param name="destinationAddress">The destination number.</param>
    /// <param name="message">The message text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The delivery status and the real sender number.</returns>
    /// <exception cref="ArgumentException">A number is empty or not in an accepted format, or the text is empty; the message names the argument.</exception>
    /// <exception cref="CpaasApiException">The send failed; see <see cref="CreateMessageAsync"/>.</exception>
    public virtual Task<CreateMessageResult> SendAsync(string senderAddress, string destinationAddress, string message, CancellationToken cancellationToken = default)
    {
        PhoneAddress.Validate(destinationAddress, nameof(destinationAddress));
        if (!string.Equals(senderAddress?.Trim(), PhoneAddress.DefaultSender, StringComparison.OrdinalIgnoreCase))
        {
            PhoneAddress.Validate(senderAddress, nameof(senderAddress));
        }

        if (string.IsNullOrEmpty(message))
        {
            throw new ArgumentException("message must not be empty.", nameof(message));
        }

        return CreateMessageAsync(new CreateMessageRequest { SenderAddress = senderAddress!, DestinationAddress = [destinationAddress], Message = message }, cancellationToken);
    }

    private static string? Resolve(string? sender)
        => string.IsNullOrWhiteSpace(sender) || string.Equals(sender, PhoneAddress.DefaultSender, StringComparison.OrdinalIgnoreCase) ? null : sender;

    /// <summary>
    /// The sender number from a send's resource URL: its <c>outbound/{sender}</c> segment; in the thread form
    /// <c>…/remoteAddresses/{remote}/localAddresses/{local}/messages/{id}</c> (what Kandy hands out) the <c>localAddresses</c>
    /// segment, the remote party being the destination; in the fixture's short form <c>…/remoteAddresses/{sender}/messages/{id}</c>
    /// the <c>remoteAddresses</c> segment.
    /// </summary>
    internal static string? SenderFromResourceUrl(string? resourceUrl)
    {
        if (Resolve(ResourceUrls.SegmentAfter(resourceUrl, "outbound")) is { } outbound)
        {
            return outbound;
        }

        var local = ResourceUrls.SegmentAfter(resourceUrl, "localAddresses");
        return local is not null ? Resolve(local) : Resolve(ResourceUrls.SegmentAfter(resourceUrl, "remoteAddresses"));
    }

    private static string RequireId(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(name + " must not be empty.", name);
        }

        return value.Trim();
    }
}
