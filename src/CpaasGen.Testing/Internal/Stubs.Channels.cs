using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>
/// The notification channel stubs: a created channel echoes the request; the others answer the spec's examples for the
/// path's id. The list example holds the three channel kinds the vendor documents (webhook <c>wh-</c>, websocket
/// <c>ws-</c>, push <c>ps-</c>), so a channel is answered in the shape of its id's kind, and the list filters
/// (<c>clientCorrelator</c>, <c>channelType</c>) select among them.
/// </summary>
internal sealed partial class Stubs
{
    /// <summary>The id prefixes of the channel kinds (webhook, websocket, push).</summary>
    private static readonly string[] ChannelPrefixes = ["wh-", "ws-", "ps-"];

    /// <summary>The list example's channel whose id has <paramref name="prefix"/>; throws naming what the example lacks.</summary>
    private static JsonObject ChannelTemplate(JsonNode? listExample, string prefix)
        => Templates.ArrayAt(listExample, "notificationChannelList.notificationChannel", "operation 'listNotificationChannels'")
               .OfType<JsonObject>()
               .FirstOrDefault(c => Templates.Text(c, "callbackURL")?.StartsWith(prefix, StringComparison.Ordinal) == true)
           ?? throw new InvalidOperationException(
               "The API description's example for operation 'listNotificationChannels' has no channel whose callbackURL starts with '" + prefix
               + "', which the test kit uses as the template of that kind: add one to the example.");

    private Reply CreateChannel(Call call)
    {
        var request = ParseBody(call, "notificationChannel");
        if (request["channelData"] is not JsonObject channelData || Templates.Text(channelData, "x-webhookURL") is not { Length: > 0 })
        {
            throw Invalid("notificationChannel.channelData.x-webhookURL");
        }

        if (Correlator(request) is null)
        {
            throw Invalid("notificationChannel.clientCorrelator"); // required by the spec (the vendor's notification-channel model)
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
        var items = Templates.ArrayAt(body, "notificationChannelList.notificationChannel", "listNotificationChannels");
        call.Query.TryGetValue("clientCorrelator", out var correlator);
        call.Query.TryGetValue("channelType", out var channelType);
        foreach (var item in items.ToList())
        {
            if (item is not JsonObject channel)
            {
                continue;
            }

            var kept = (string.IsNullOrEmpty(correlator) || Templates.Text(channel, "clientCorrelator") == correlator)
                && (string.IsNullOrEmpty(channelType) || string.Equals(Templates.Text(channel, "channelType"), channelType, StringComparison.OrdinalIgnoreCase));
            if (kept)
            {
                channel["resourceURL"] = Url(Templates.Text(channel, "resourceURL"));
            }
            else
            {
                items.Remove(channel);
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
        if (ChannelPrefixes.Skip(1).FirstOrDefault(p => id.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            // Another client's websocket or push channel: the list example's channel of that kind, with this id.
            var template = ChannelTemplate(_api.Operation("listNotificationChannels").SuccessExample, prefix);
            var exampleId = Templates.Text(template, "callbackURL")!;
            var json = template.ToJsonString().Replace(exampleId, id, StringComparison.Ordinal);
            if (Templates.Text(template, "resourceURL")?.Split('/') is { Length: > 4 } segments && segments[4].Length > 0)
            {
                json = json.Replace(segments[4], _options.UserId, StringComparison.Ordinal); // also inside channelURL
            }

            channel = (JsonObject)JsonNode.Parse(json)!;
            body["notificationChannel"] = channel;
        }

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
