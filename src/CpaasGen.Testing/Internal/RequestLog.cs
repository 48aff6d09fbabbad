using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.Server;

namespace Cpaas.Testing.Internal;

/// <summary>
/// Reads back what the stubs answered from WireMock's request log (the kit keeps nothing else): the accepted sends,
/// the created channels and subscriptions.
/// </summary>
internal sealed class RequestLog(WireMockServer server, Stubs stubs, CpaasMockServerOptions options)
{
    /// <summary>Successful calls of one operation, oldest first, with the request and answer bodies parsed (and, with <paramref name="alsoStatus"/>, the calls answered with that status too).</summary>
    public IEnumerable<(ILogEntry Entry, Dictionary<string, string> Path, string Raw, JsonObject Request, JsonObject? Answer)> Calls(string operationId, int? alsoStatus = null)
    {
        var route = stubs.RouteOf(operationId);
        foreach (var entry in Entries().Where(e => e.MappingTitle == operationId).OrderBy(e => e.RequestMessage.DateTime))
        {
            var status = StatusOf(entry);
            if ((status is < 200 or > 299 && status != alsoStatus) || !route.TryMatch(entry.RequestMessage.Url, out var path))
            {
                continue;
            }

            var raw = entry.RequestMessage.Body ?? (entry.RequestMessage.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null);
            if (Parse(raw) is { } request)
            {
                yield return (entry, path, raw!, request, Parse(entry.ResponseMessage?.BodyData?.BodyAsString));
            }
        }
    }

    public IReadOnlyList<SentSms> SentMessages()
        => Calls("createOutboundSmsMessage").Select(c => ReadSentSms(c.Entry, c.Path["senderAddress"], c.Raw, c.Request, c.Answer)).OfType<SentSms>().ToList();

    public IReadOnlyList<MockNotificationChannel> Channels()
        => Calls("createNotificationChannel")
            .Select(c => c.Answer?["notificationChannel"] as JsonObject)
            .OfType<JsonObject>()
            .Select(c => new MockNotificationChannel(
                Templates.Text(c, "callbackURL") ?? string.Empty,
                Templates.Text(c["channelData"], "x-webhookURL") ?? string.Empty,
                Templates.Text(c["channelData"], "x-authorization"),
                CorrelatorText(c["clientCorrelator"]),
                Templates.Text(c, "resourceURL") ?? string.Empty))
            .ToList();

    public IReadOnlyList<MockSubscription> Subscriptions()
    {
        var channels = Channels();
        return Calls("createInboundSubscription")
            .Select(c => c.Answer?["subscription"] as JsonObject)
            .OfType<JsonObject>()
            .Select(s =>
            {
                var resourceUrl = Templates.Text(s, "resourceURL") ?? string.Empty;
                var notifyUrl = Templates.Text(s["callbackReference"], "notifyURL") ?? string.Empty;
                return new MockSubscription(
                    resourceUrl[(resourceUrl.LastIndexOf('/') + 1)..],
                    Templates.Text(s, "destinationAddress") ?? options.DefaultNumber,
                    notifyUrl,
                    channels.FirstOrDefault(ch => ch.ChannelId == notifyUrl)?.WebhookUrl,
                    CorrelatorText(s["clientCorrelator"]),
                    resourceUrl);
            })
            .ToList();
    }

    /// <summary>The accepted two-factor code sends and resends, oldest first.</summary>
    public IReadOnlyList<SentCode> SentCodes()
        => Calls("sendCode").Select(c => ReadSentCode(c.Entry, c.Raw, c.Request, c.Answer, resent: false))
            .Concat(Calls("resendCode").Select(c => ReadSentCode(c.Entry, c.Raw, c.Request, c.Answer, resent: true)))
            .OfType<SentCode>()
            .OrderBy(c => c.Time)
            .ToList();

    /// <summary>The verifications answered 204 or 403, oldest first.</summary>
    public IReadOnlyList<CodeVerification> Verifications()
        => Calls("verifyCode", alsoStatus: 403)
            .Where(c => c.Request["code"] is JsonObject)
            .Select(c => new CodeVerification(c.Path["codeId"], Templates.Text(c.Request["code"], "verify") ?? string.Empty, StatusOf(c.Entry) == 204, Time(c.Entry)))
            .ToList();

    public static string? CorrelatorText(JsonNode? correlator)
        => correlator is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : correlator?.ToJsonString();

    private List<ILogEntry> Entries()
    {
        // WireMock's log is a collection it appends to from request threads: copy it, retrying if it changed meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return server.LogEntries.ToList();
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
            }
        }
    }

    private static int StatusOf(ILogEntry entry)
        => entry.ResponseMessage?.StatusCode switch
        {
            int code => code,
            HttpStatusCode code => (int)code,
            string text when int.TryParse(text, out var code) => code,
            _ => 0,
        };

    private static JsonObject? Parse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset Time(ILogEntry entry) => new(DateTime.SpecifyKind(entry.RequestMessage.DateTime, DateTimeKind.Utc));

    private static SentCode? ReadSentCode(ILogEntry entry, string raw, JsonObject body, JsonObject? answer, bool resent)
    {
        if (body["code"] is not JsonObject code || answer?["code"] is not JsonObject result || Templates.Text(result, "resourceURL") is not { } resourceUrl)
        {
            return null;
        }

        static int? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var n) ? n : null;
        var address = code["address"] is JsonArray { Count: > 0 } addresses ? addresses[0]?.ToString() ?? string.Empty : string.Empty;
        return new SentCode(resourceUrl[(resourceUrl.LastIndexOf('/') + 1)..], resent, address, Templates.Text(code, "method") ?? string.Empty,
            Number(code["format"]?["length"]), Templates.Text(code["format"], "type"), Number(code["expiry"]) is { } seconds ? TimeSpan.FromSeconds(seconds) : null, Templates.Text(code, "message") ?? string.Empty,
            Templates.Text(code, "subject"), Time(entry), raw);
    }

    private SentSms? ReadSentSms(ILogEntry entry, string senderSegment, string raw, JsonObject body, JsonObject? answer)
    {
        if (body["outboundSMSMessageRequest"] is not JsonObject request)
        {
            return null;
        }

        var destinations = request["address"] switch
        {
            JsonArray array => array.Select(a => a?.ToString() ?? string.Empty).ToList(),
            JsonNode single => [single.ToString()],
            _ => new List<string>(),
        };
        var result = answer?["outboundSMSMessageRequest"] as JsonObject;
        var resourceUrl = Templates.Text(result, "resourceURL");
        var sender = Templates.Text(result, "senderAddress")
            ?? (string.Equals(senderSegment, PhoneAddress.DefaultSender, StringComparison.OrdinalIgnoreCase) ? options.DefaultNumber : senderSegment);
        var time = DateTime.SpecifyKind(entry.RequestMessage.DateTime, DateTimeKind.Utc);
        return new SentSms(senderSegment, sender, destinations, Templates.Text(request["outboundSMSTextMessage"], "message") ?? string.Empty,
            CorrelatorText(request["clientCorrelator"]), new DateTimeOffset(time), resourceUrl?[(resourceUrl.LastIndexOf('/') + 1)..], raw);
    }
}
