using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>The send SMS stub: the spec's answer echoing the request, with the sender and statuses the switches give.</summary>
internal sealed partial class Stubs
{
    private Reply Send(Call call)
    {
        var senderSegment = call["senderAddress"];
        var request = ParseBody(call, "outboundSMSMessageRequest");
        var addresses = request["address"] switch
        {
            JsonArray array => array.Select(a => a?.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null).ToList(),
            JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
            _ => new List<string?>(),
        };
        if (addresses.Count == 0 || addresses.Any(a => !PhoneAddress.IsValid(a)))
        {
            throw Invalid("address");
        }

        var destinations = addresses.Select(a => a!).ToList();
        if (Templates.Text(request["outboundSMSTextMessage"], "message") is not { } text)
        {
            throw Invalid("outboundSMSTextMessage.message");
        }

        // "default" and the user id (the vendor's SDK docs: "default or the same value as the userId") are the default number.
        var isDefault = string.Equals(senderSegment, PhoneAddress.DefaultSender, StringComparison.OrdinalIgnoreCase)
            || string.Equals(senderSegment, _options.UserId, StringComparison.Ordinal);
        var sender = isDefault ? _options.DefaultNumber : senderSegment;
        if (_switches.IsForbidden(senderSegment, sender) || !Owned(sender))
        {
            throw Forbidden("The sender address " + sender + " is not owned by the account or not assigned to the project");
        }

        var messageId = CpaasNotifications.NewMessageId();
        var body = call.Example();
        var result = Templates.ObjectAt(body, "outboundSMSMessageRequest", "createOutboundSmsMessage");
        var deliveryList = Templates.ObjectAt(body, "outboundSMSMessageRequest.deliveryInfoList", "createOutboundSmsMessage");
        var itemTemplate = Templates.CopyAt(body, "outboundSMSMessageRequest.deliveryInfoList.deliveryInfo[0]", "createOutboundSmsMessage");
        var addressKey = itemTemplate.ContainsKey("address") || !itemTemplate.ContainsKey("destinationAddress") ? "address" : "destinationAddress";
        var items = new JsonArray();
        foreach (var destination in destinations)
        {
            var item = (JsonObject)itemTemplate.DeepClone();
            item[addressKey] = destination;
            item["deliveryStatus"] = _switches.IsImpossible(destination) ? "DeliveryImpossible" : "DeliveredToNetwork";
            items.Add(item);
        }

        deliveryList["deliveryInfo"] = items;
        if (Templates.Text(deliveryList, "resourceURL") is { } deliveryUrl)
        {
            deliveryList["resourceURL"] = Url(deliveryUrl, ("remoteAddresses", destinations[0]), ("messages", messageId));
        }

        result["address"] = Templates.Strings(destinations);
        Templates.Set(result, "clientCorrelator", Correlator(request));
        Templates.ObjectAt(body, "outboundSMSMessageRequest.outboundSMSTextMessage", "createOutboundSmsMessage")["message"] = text;
        result["resourceURL"] = Url(Templates.Text(result, "resourceURL"), ("remoteAddresses", sender), ("messages", messageId));
        result["senderAddress"] = sender;
        return new Reply(call.Operation.SuccessStatus, body);
    }
}
