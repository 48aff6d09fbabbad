using System;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>The inbound subscription stubs: a created subscription echoes the request; the others answer the spec's examples for the path's id.</summary>
internal sealed partial class Stubs
{
    private Reply CreateSubscription(Call call)
    {
        var request = ParseBody(call, "subscription");
        if (Templates.Text(request["callbackReference"], "notifyURL") is not { Length: > 0 } notifyUrl)
        {
            throw Invalid("subscription.callbackReference.notifyURL");
        }

        if (!notifyUrl.StartsWith("wh-", StringComparison.Ordinal) && Uri.TryCreate(notifyUrl, UriKind.Absolute, out _))
        {
            // notifyURL is the channel id (callbackURL), not the webhook URL: a classic mistake, refused here.
            throw Invalid("subscription.callbackReference.notifyURL (a channel id such as wh-…, not a URL)");
        }

        var destination = Templates.Text(request, "destinationAddress") is { Length: > 0 } given ? given : _options.DefaultNumber;
        if (!PhoneAddress.IsValid(destination))
        {
            throw Invalid("subscription.destinationAddress");
        }

        if (!Owned(destination))
        {
            throw Forbidden("The destination address " + destination + " is not owned by the account or not assigned to the project");
        }

        var id = Guid.NewGuid().ToString();
        var body = call.Example();
        var subscription = Templates.ObjectAt(body, "subscription", "createInboundSubscription");
        Templates.ObjectAt(subscription, "callbackReference", "createInboundSubscription")["notifyURL"] = notifyUrl;
        Templates.Set(subscription, "clientCorrelator", Correlator(request));
        subscription["destinationAddress"] = destination;
        subscription["resourceURL"] = Url(Templates.Text(subscription, "resourceURL"), ("subscriptions", id));
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply ListSubscriptions(Call call)
    {
        var body = call.Example();
        var list = Templates.ObjectAt(body, "subscriptionList", "listInboundSubscriptions");
        foreach (var item in Templates.ArrayAt(body, "subscriptionList.subscription", "listInboundSubscriptions"))
        {
            if (item is JsonObject subscription)
            {
                subscription["resourceURL"] = Url(Templates.Text(subscription, "resourceURL"));
            }
        }

        list["resourceURL"] = call.RawPath;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetSubscription(Call call)
    {
        var id = call["subscriptionId"];
        var body = call.Example();
        var subscription = Templates.ObjectAt(body, "subscription", "getInboundSubscription");
        subscription["resourceURL"] = Url(Templates.Text(subscription, "resourceURL"), ("subscriptions", id));
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private static Reply DeleteSubscription(Call call) => new(call.Operation.SuccessStatus, null);
}
