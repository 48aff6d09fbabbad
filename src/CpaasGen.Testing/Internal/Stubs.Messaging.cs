using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>The notification channel, send SMS and inbound subscription stubs.</summary>
internal sealed partial class Stubs
{
    // ---- notification channels ---------------------------------------------------------------------------------

    private Reply CreateChannel(Call call)
    {
        var request = ParseBody(call, "notificationChannel");
        if (request["channelData"] is not JsonObject channelData || Templates.Text(channelData, "x-webhookURL") is not { Length: > 0 } webhook)
        {
            throw Invalid("notificationChannel.channelData.x-webhookURL");
        }

        var body = call.Example();
        var channel = Templates.ObjectAt(body, "notificationChannel", "createNotificationChannel");
        var id = "wh-" + Guid.NewGuid();
        var record = new ChannelRecord
        {
            Id = id,
            WebhookUrl = webhook,
            Authorization = Templates.Text(channelData, "x-authorization"),
            ClientCorrelator = Correlator(request),
            ChannelData = (JsonObject)channelData.DeepClone(),
            ResourceUrl = Templates.AdaptUrl(Templates.Text(channel, "resourceURL"), _options.UserId, ("channels", id)),
        };
        lock (_state.Gate)
        {
            _state.Channels.Add(record);
        }

        FillChannel(channel, record);
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply ListChannels(Call call)
    {
        var body = call.Example();
        var list = Templates.ObjectAt(body, "notificationChannelList", "listNotificationChannels");
        var template = Templates.CopyAt(body, "notificationChannelList.notificationChannel[0]", "listNotificationChannels");
        var items = new JsonArray();
        lock (_state.Gate)
        {
            foreach (var record in _state.Channels)
            {
                var item = (JsonObject)template.DeepClone();
                FillChannel(item, record);
                items.Add(item);
            }
        }

        list["notificationChannel"] = items;
        list["resourceURL"] = call.RawPath;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetChannel(Call call)
    {
        var record = FindChannel(call.Path["channelId"]);
        var body = call.Example();
        FillChannel(Templates.ObjectAt(body, "notificationChannel", "getNotificationChannel"), record);
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply DeleteChannel(Call call)
    {
        var id = call.Path["channelId"];
        lock (_state.Gate)
        {
            if (_state.Channels.RemoveAll(c => c.Id == id) == 0)
            {
                throw NotFound("channelId " + id);
            }
        }

        return new Reply(call.Operation.SuccessStatus, null);
    }

    private ChannelRecord FindChannel(string id)
    {
        lock (_state.Gate)
        {
            return _state.Channels.FirstOrDefault(c => c.Id == id) ?? throw NotFound("channelId " + id);
        }
    }

    private static void FillChannel(JsonObject channel, ChannelRecord record)
    {
        channel["callbackURL"] = record.Id;
        channel["channelData"] = record.ChannelData.DeepClone();
        Templates.Set(channel, "clientCorrelator", record.ClientCorrelator?.DeepClone());
        channel["resourceURL"] = record.ResourceUrl;
    }

    // ---- send SMS ----------------------------------------------------------------------------------------------

    private Reply Send(Call call)
    {
        var senderSegment = call.Path["senderAddress"];
        var request = ParseBody(call, "outboundSMSMessageRequest");
        var addresses = request["address"] switch
        {
            JsonArray array => array.Select(a => a?.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null).ToList(),
            JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
            _ => new List<string?>(),
        };
        if (addresses.Count == 0 || addresses.Any(string.IsNullOrWhiteSpace))
        {
            throw Invalid("address");
        }

        var destinations = addresses.Select(a => a!).ToList();

        if (Templates.Text(request["outboundSMSTextMessage"], "message") is not { } text)
        {
            throw Invalid("outboundSMSTextMessage.message");
        }

        var isDefault = string.Equals(senderSegment, "default", StringComparison.OrdinalIgnoreCase);
        var sender = isDefault ? _options.DefaultNumber : senderSegment;
        var statuses = new List<string>();
        lock (_state.Gate)
        {
            if (_state.ForbiddenSenders.Contains(senderSegment) || _state.ForbiddenSenders.Contains(sender) || !Owned(sender))
            {
                throw Forbidden("The sender address " + sender + " is not owned by the account or not assigned to the project");
            }

            foreach (var destination in destinations)
            {
                statuses.Add(_state.AllDestinationsImpossible || _state.ImpossibleDestinations.Contains(destination) ? "DeliveryImpossible" : "DeliveredToNetwork");
            }
        }

        var messageId = CpaasNotifications.NewMessageId();
        var now = CpaasNotifications.Now();
        var body = call.Example();
        var result = Templates.ObjectAt(body, "outboundSMSMessageRequest", "createOutboundSmsMessage");
        var deliveryList = Templates.ObjectAt(body, "outboundSMSMessageRequest.deliveryInfoList", "createOutboundSmsMessage");
        var itemTemplate = Templates.CopyAt(body, "outboundSMSMessageRequest.deliveryInfoList.deliveryInfo[0]", "createOutboundSmsMessage");
        var addressKey = itemTemplate.ContainsKey("address") || !itemTemplate.ContainsKey("destinationAddress") ? "address" : "destinationAddress";
        var items = new JsonArray();
        for (var i = 0; i < destinations.Count; i++)
        {
            var item = (JsonObject)itemTemplate.DeepClone();
            item[addressKey] = destinations[i];
            item["deliveryStatus"] = statuses[i];
            items.Add(item);
        }

        deliveryList["deliveryInfo"] = items;
        if (Templates.Text(deliveryList, "resourceURL") is { } deliveryUrl)
        {
            deliveryList["resourceURL"] = Templates.AdaptUrl(deliveryUrl, _options.UserId, ("remoteAddresses", destinations[0]), ("messages", messageId));
        }

        result["address"] = Templates.Strings(destinations);
        Templates.Set(result, "clientCorrelator", Correlator(request));
        Templates.ObjectAt(body, "outboundSMSMessageRequest.outboundSMSTextMessage", "createOutboundSmsMessage")["message"] = text;
        result["resourceURL"] = Templates.AdaptUrl(Templates.Text(result, "resourceURL") ?? "/cpaas/smsmessaging/v1/u/remoteAddresses/s/messages/m", _options.UserId, ("remoteAddresses", sender), ("messages", messageId));
        result["senderAddress"] = sender;

        lock (_state.Gate)
        {
            for (var i = 0; i < destinations.Count; i++)
            {
                _state.Thread(destinations[i], sender).Messages.Add(new MessageRecord { Id = messageId, Direction = "Outbound", Text = text, Status = statuses[i], DateTime = now });
            }
        }

        return new Reply(call.Operation.SuccessStatus, body);
    }

    // ---- inbound subscriptions ---------------------------------------------------------------------------------

    private Reply CreateSubscription(Call call)
    {
        var request = ParseBody(call, "subscription");
        if (Templates.Text(request["callbackReference"], "notifyURL") is not { Length: > 0 } notifyUrl)
        {
            throw Invalid("subscription.callbackReference.notifyURL");
        }

        var destination = Templates.Text(request, "destinationAddress") is { Length: > 0 } given ? given : _options.DefaultNumber;
        var id = Guid.NewGuid().ToString();
        var body = call.Example();
        var subscription = Templates.ObjectAt(body, "subscription", "createInboundSubscription");
        SubscriptionRecord record;
        lock (_state.Gate)
        {
            if (_state.Channels.All(c => c.Id != notifyUrl))
            {
                // notifyURL is the channel id (callbackURL), not the webhook URL: a classic mistake, refused here.
                throw Invalid("subscription.callbackReference.notifyURL (no notification channel " + notifyUrl + ")");
            }

            if (!Owned(destination))
            {
                throw Forbidden("The destination address " + destination + " is not owned by the account or not assigned to the project");
            }

            record = new SubscriptionRecord
            {
                Id = id,
                Destination = destination,
                NotifyUrl = notifyUrl,
                ClientCorrelator = Correlator(request),
                ResourceUrl = Templates.AdaptUrl(Templates.Text(subscription, "resourceURL"), _options.UserId, ("subscriptions", id)),
            };
            _state.Subscriptions.Add(record);
        }

        FillSubscription(subscription, record);
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply ListSubscriptions(Call call)
    {
        var body = call.Example();
        var list = Templates.ObjectAt(body, "subscriptionList", "listInboundSubscriptions");
        var template = Templates.CopyAt(body, "subscriptionList.subscription[0]", "listInboundSubscriptions");
        var items = new JsonArray();
        lock (_state.Gate)
        {
            foreach (var record in _state.Subscriptions)
            {
                var item = (JsonObject)template.DeepClone();
                FillSubscription(item, record);
                items.Add(item);
            }
        }

        list["subscription"] = items;
        list["resourceURL"] = call.RawPath;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetSubscription(Call call)
    {
        var id = call.Path["subscriptionId"];
        SubscriptionRecord record;
        lock (_state.Gate)
        {
            record = _state.Subscriptions.FirstOrDefault(s => s.Id == id) ?? throw NotFound("subscriptionId " + id);
        }

        var body = call.Example();
        FillSubscription(Templates.ObjectAt(body, "subscription", "getInboundSubscription"), record);
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply DeleteSubscription(Call call)
    {
        var id = call.Path["subscriptionId"];
        lock (_state.Gate)
        {
            if (_state.Subscriptions.RemoveAll(s => s.Id == id) == 0)
            {
                throw NotFound("subscriptionId " + id);
            }
        }

        return new Reply(call.Operation.SuccessStatus, null);
    }

    private static void FillSubscription(JsonObject subscription, SubscriptionRecord record)
    {
        Templates.ObjectAt(subscription, "callbackReference", "subscription")["notifyURL"] = record.NotifyUrl;
        Templates.Set(subscription, "clientCorrelator", record.ClientCorrelator?.DeepClone());
        subscription["destinationAddress"] = record.Destination;
        subscription["resourceURL"] = record.ResourceUrl;
    }
}
