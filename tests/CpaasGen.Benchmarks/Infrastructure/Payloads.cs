using System;
using System.IO;
using System.Reflection;
using System.Text;

namespace CpaasGen.Benchmarks.Infrastructure;

/// <summary>
/// The fixed bytes every contender receives, built once per process. Inputs of the calls (user, numbers, text) are
/// here too, so every contender sends the same request.
/// </summary>
internal static class Payloads
{
    public const string UserId = TestJwt.UserId;
    public const string Sender = "+16137001234";
    public const string Destination = "+16139998877";
    public const string Text = "Hi";
    public const string ClientCorrelator = "PRIV-bench-csharp";
    public const string RemoteAddress = "+12013000103";
    public const string LocalAddress = "+12282202950";
    public const int MessagePageSize = 100;

    /// <summary>The path suffixes the stubs route on (the query, if any, is ignored).</summary>
    public const string TokenPath = "/cpaas/auth/v1/token";
    public const string SendPathSuffix = "/requests";
    public const string SubscriptionsPathSuffix = "/inbound/subscriptions";
    public const string MessagesPathSuffix = "/messages";

    /// <summary>A token response whose JWTs live a year: the token is requested once and never refreshed during a run.</summary>
    public static readonly byte[] TokenResponse = Encoding.UTF8.GetBytes(TestJwt.TokenResponse(DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(365)));

    /// <summary>The static bearer token the contenders without a token provider send (the same JWT shape).</summary>
    public static readonly string StaticAccessToken = TestJwt.Create("Bearer", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromDays(365));

    /// <summary>
    /// The send fixture (tests/CpaasGen.Sdk.Tests/Fixtures/send-response.json) with <c>clientCorrelator</c> as the
    /// string "67893" instead of the number 67893: the spec allows both, but NSwag's and the floor's DTOs type it as a
    /// string and System.Text.Json refuses a number there. Every contender gets these same bytes.
    /// </summary>
    public static readonly byte[] SendResponse = Encoding.UTF8.GetBytes(
        Fixture("send-response.json").Replace("\"clientCorrelator\": 67893,", "\"clientCorrelator\": \"67893\",", StringComparison.Ordinal));

    /// <summary>tests/CpaasGen.Sdk.Tests/Fixtures/subscription-list.json, verbatim (two subscriptions).</summary>
    public static readonly byte[] SubscriptionList = Encoding.UTF8.GetBytes(Fixture("subscription-list.json"));

    /// <summary>One page of <see cref="MessagePageSize"/> stored messages, shaped like the message-list fixture.</summary>
    public static readonly byte[] MessageList = Encoding.UTF8.GetBytes(BuildMessageList(MessagePageSize));

    public static readonly byte[] NotificationInbound = Encoding.UTF8.GetBytes(Fixture("notification-inbound.json"));
    public static readonly byte[] NotificationOutbound = Encoding.UTF8.GetBytes(Fixture("notification-outbound.json"));
    public static readonly byte[] NotificationCancellation = Encoding.UTF8.GetBytes(Fixture("notification-cancellation.json"));
    public static readonly byte[] NotificationEvent = Encoding.UTF8.GetBytes(Fixture("notification-event.json"));

    public static byte[] Notification(string kind) => kind switch
    {
        "inbound" => NotificationInbound,
        "outbound" => NotificationOutbound,
        "cancellation" => NotificationCancellation,
        "event" => NotificationEvent,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "inbound, outbound, cancellation or event"),
    };

    public static string Spec => Resource("spec/openapi.yaml");

    private static string Fixture(string name) => Resource("fixtures/" + name);

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Embedded resource " + name + " is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string BuildMessageList(int count)
    {
        var thread = "/cpaas/smsmessaging/v1/92ef716d-42c7-4706-a123-b36cac9a2f97/remoteAddresses/" + RemoteAddress + "/localAddresses/" + LocalAddress + "/messages";
        var sb = new StringBuilder(count * 360);
        sb.Append("{ \"smsMessageList\": { \"smsMessage\": [\n");
        for (var i = 0; i < count; i++)
        {
            var id = "SM5C24C4C4000102082110" + i.ToString("X10", System.Globalization.CultureInfo.InvariantCulture);
            var outbound = i % 2 == 0;
            sb.Append("    { \"type\": \"").Append(outbound ? "Outbound" : "Inbound")
              .Append("\", \"messageId\": \"").Append(id)
              .Append("\", \"message\": \"test message number ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture))
              .Append("\",\n      \"status\": \"").Append(outbound ? "DeliveredToNetwork" : "DeliveredToTerminal")
              .Append("\", \"dateTime\": ").Append((1545913541000L + (i * 60_000L)).ToString(System.Globalization.CultureInfo.InvariantCulture))
              .Append(",\n      \"resourceURL\": \"").Append(thread).Append('/').Append(id).Append("\" }")
              .Append(i + 1 < count ? ",\n" : " ],\n");
        }

        sb.Append("  \"resourceURL\": \"").Append(thread).Append("\" } }\n");
        return sb.ToString();
    }
}
