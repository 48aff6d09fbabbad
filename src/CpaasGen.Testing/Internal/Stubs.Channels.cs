using System;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>The notification channel stubs: a created channel echoes the request; the others answer the spec's examples for the path's id.</summary>
internal sealed partial class Stubs
{
    private Reply CreateChannel(Call call)
    {
        var request = ParseBody(call, "notificationChannel");
        if (request["channelData"] is not JsonObject channelData || Templates.Text(channelData, "x-webhookURL") is not { Length: > 0 })
        {
            throw Invalid("notificationChannel.channelData.x-webhookURL");
        }

        var body = call.Example();
        var channel = Templates.ObjectAt(body, "notificationChannel", "createNotificationChannel");
        var id = "wh-" + Guid.NewGuid();
        channel["callbackURL"] = id;
        channel["channelData"] = channelData.DeepClone();
        Templates.Set(channel, "clientCorrelator", Correlator(request));
        channel["resourceURL"] = Url(Templates.Text(channel, "resourceURL"), ("channels", id));
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply ListChannels(Call call)
    {
        var body = call.Example();
        var list = Templates.ObjectAt(body, "notificationChannelList", "listNotificationChannels");
        foreach (var item in Templates.ArrayAt(body, "notificationChannelList.notificationChannel", "listNotificationChannels"))
        {
            if (item is JsonObject channel)
            {
                channel["resourceURL"] = Url(Templates.Text(channel, "resourceURL"));
            }
        }

        list["resourceURL"] = call.RawPath;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetChannel(Call call)
    {
        var id = call["channelId"];
        var body = call.Example();
        var channel = Templates.ObjectAt(body, "notificationChannel", "getNotificationChannel");
        channel["callbackURL"] = id;
        channel["resourceURL"] = Url(Templates.Text(channel, "resourceURL"), ("channels", id));
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply SetChannelLifetime(Call call)
    {
        var request = ParseBody(call, "notificationChannelLifetime");
        if (request["channelLifetime"] is not JsonValue lifetime || !lifetime.TryGetValue<int>(out var seconds) || seconds < 1)
        {
            throw Invalid("notificationChannelLifetime.channelLifetime");
        }

        var body = call.Example();
        Templates.ObjectAt(body, "notificationChannelLifetime", "updateNotificationChannelLifetime")["channelLifetime"] = seconds;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private static Reply DeleteChannel(Call call) => new(call.Operation.SuccessStatus, null);
}
