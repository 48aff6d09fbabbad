using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Hostile webhook bodies (property-based, CsCheck): whatever arrives, <see cref="Notification.Parse(string)"/> and
/// its byte and stream overloads either return a notification whose members and ToString() work, or throw
/// <see cref="CpaasNotificationParseException"/> — nothing else (no JsonException, InvalidOperationException,
/// FormatException, IndexOutOfRange, stack overflow…).
/// </summary>
public sealed class NotificationFuzzTests
{
    /// <summary>The five notification kinds first (<see cref="Kinds"/>), then the members they hold.</summary>
    private static readonly string[] KnownKeys =
    {
        "inboundSMSMessageNotification", "outboundSMSMessageNotification", "smsSubscriptionCancellationNotification", "smsEventNotification",
        "deliveryInfoNotification",
        "inboundSMSMessage", "outboundSMSMessage", "dateTime", "destinationAddress", "message", "messageId", "senderAddress", "id", "link", "href",
        "rel", "eventDescription", "eventType", "deliveryInfo", "address", "deliveryStatus",
    };

    private const int Kinds = 5;

    /// <summary>The outbound delivery receipt (issue 11), as the spec's example has it: no wire reference fixture shows one.</summary>
    private const string DeliveryInfoSeed = """
        {"deliveryInfoNotification":{"deliveryInfo":{"address":"+16139998877","deliveryStatus":"DeliveredToTerminal","messageId":"SM5C24C4C400010208211000EC4E0EA1"},
         "dateTime":1568889114122,"id":"7d2b1c55-3f0e-4f6e-9a43-5f9f5f0d8a11"}}
        """;

    private static readonly string[] Fixtures = [.. Fixture.Notifications.Select(Fixture.Read), DeliveryInfoSeed];

    private readonly ITestOutputHelper _output;

    public NotificationFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>The property: success (with usable members) or CpaasNotificationParseException, nothing else.</summary>
    private static string Check(Func<CpaasNotification> parse)
    {
        CpaasNotification notification;
        try
        {
            notification = parse();
        }
        catch (CpaasNotificationParseException ex)
        {
            _ = ex.Message;
            return "rejected";
        }

        Assert.NotNull(notification);
        _ = notification.ToString();
        _ = notification.NotifiedOn;
        switch (notification)
        {
            case SmsMessageNotification sms:
                _ = sms.CreatedOn;
                break;
            case SmsEventNotification e:
                _ = e.EventType.Value;
                _ = e.EventDescription;
                break;
            case DeliveryInfoNotification d:
                _ = d.DeliveryStatus.IsKnown;
                _ = d.DeliveryStatus.ToString();
                break;
            case UnknownNotification u:
                Assert.NotNull(u.RawJson);
                break;
        }

        return "parsed";
    }

    private static void CheckText(string text, FuzzCounter counter)
    {
        counter.Add(Check(() => Notification.Parse(text)));
        var bytes = Encoding.UTF8.GetBytes(text);
        counter.Add(Check(() => Notification.Parse(bytes)));
    }

    private static void CheckBytes(byte[] bytes, FuzzCounter counter)
    {
        counter.Add(Check(() => Notification.Parse(bytes)));
        counter.Add(Check(() => Notification.ParseAsync(new MemoryStream(bytes)).GetAwaiter().GetResult()));
    }

    // ---- generators ----

    private static readonly Gen<string> Key = Gen.Frequency(
        (4, Gen.OneOf(KnownKeys)),
        (1, Gen.Char["abcXYZ_$\"\\\u00e9\u0000 "].Array[0, 8].Select(c => new string(c))));

    private static readonly Gen<string> StringValue = Gen.Frequency(
        (3, Gen.OneOf("+16131234567", "hi", "", "/cpaas/smsmessaging/v1/u/inbound/subscriptions/abc", "/", "MessageDeleted", "a/b/c/", "%zz", "x%2Fy")),
        (2, Gen.Char.Array[0, 20].Select(c => new string(c))));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (4, StringValue.Select(s => System.Text.Json.JsonSerializer.Serialize(s))),
        (2, Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400")),
        (1, Gen.OneOf("true", "false", "null", "-0", "1e400", "123456789012345678901234567890", "0.0000001", "-9223372036854775809")));

    private static Gen<string> Value(int depth)
    {
        if (depth == 0)
        {
            return Scalar;
        }

        var inner = Value(depth - 1);
        var obj = Gen.Select(Key, inner).Array[0, 5].Select(members => "{" + string.Join(",", members.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}");
        var arr = inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]");
        return Gen.Frequency((3, Scalar), (2, obj), (1, arr));
    }

    /// <summary>Random JSON, biased towards notification shapes: a known top-level key around random content.</summary>
    private static readonly Gen<string> RandomJson = Gen.Frequency(
        (1, Value(4)),
        (3, Gen.Select(Gen.OneOf(KnownKeys.Take(Kinds).ToArray()), Value(3)).Select(p => "{\"" + p.Item1 + "\":" + p.Item2 + "}")),
        (3, Gen.Select(Gen.OneOf(KnownKeys.Take(Kinds).ToArray()), Gen.Select(Key, Value(2)).Array[0, 8]).Select(p =>
            "{\"" + p.Item1 + "\":{" + string.Join(",", p.Item2.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}}")));

    private static readonly Gen<string> MutatedFixture = JsonMutations.Edited(Fixtures);

    private static readonly Gen<string> TypeSwapped = JsonMutations.TypeSwapped(Fixtures);

    private static readonly Gen<byte[]> InvalidUtf8 = JsonMutations.InvalidUtf8(Fixtures);

    /// <summary>A notification with duplicate members, at the top level or inside.</summary>
    private static readonly Gen<string> DuplicateKeys =
        Gen.Select(Gen.Int[0, Kinds - 1], Gen.Int[0, Kinds - 1], Gen.Bool).Select(p =>
        {
            var fixture = Fixtures[p.Item1].Trim();
            var root = JsonNode.Parse(fixture)!.AsObject();
            var key = root.First().Key;
            var inner = root[key]!.ToJsonString();
            if (p.Item3)
            {
                // {"k": {...}, "k": {...}} or with a different kind second
                var secondKey = p.Item2 == 0 ? key : KnownKeys[p.Item2];
                return "{\"" + key + "\":" + inner + ",\"" + secondKey + "\":" + inner + "}";
            }

            // an inner member repeated with another type: {"k": {"id": "a", ..., "id": 5}}
            var member = root[key]!.AsObject().ElementAt(p.Item2 % root[key]!.AsObject().Count).Key;
            return "{\"" + key + "\":" + inner[..^1] + ",\"" + member + "\":" + (p.Item2 % 2 == 0 ? "5" : "{\"x\":[1]}") + "}}";
        });

    // ---- properties ----

    [Fact]
    public void RandomJsonIsParsedOrRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        RandomJson.Sample(text => CheckText(text, counter), iter: 20_000);
        _output.WriteLine($"FUZZ notification random JSON: {counter.Total} parses ({counter.Summary()})");
    }

    [Fact]
    public void MutatedFixturesAreParsedOrRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        MutatedFixture.Sample(text => CheckText(text, counter), iter: 20_000);
        _output.WriteLine($"FUZZ notification fixture mutations: {counter.Total} parses ({counter.Summary()})");
    }

    [Fact]
    public void ValuesOfTheWrongTypeAreParsedOrRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        TypeSwapped.Sample(text => CheckText(text, counter), iter: 5_000);
        _output.WriteLine($"FUZZ notification wrong types: {counter.Total} parses ({counter.Summary()})");
    }

    [Fact]
    public void DuplicateKeysAreParsedOrRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        DuplicateKeys.Sample(text => CheckText(text, counter), iter: 2_000);
        _output.WriteLine($"FUZZ notification duplicate keys: {counter.Total} parses ({counter.Summary()})");
    }

    [Fact]
    public void InvalidUtf8IsParsedOrRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        InvalidUtf8.Sample(bytes => CheckBytes(bytes, counter), iter: 10_000);
        _output.WriteLine($"FUZZ notification invalid UTF-8: {counter.Total} parses ({counter.Summary()})");
    }

    [Fact]
    public void RandomBytesAreRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        Gen.Byte.Array[0, 600].Sample(bytes => CheckBytes(bytes, counter), iter: 20_000);
        Gen.Char.Array[0, 300].Select(c => new string(c)).Sample(text => CheckText(text, counter), iter: 10_000);
        _output.WriteLine($"FUZZ notification random bytes and strings: {counter.Total} parses ({counter.Summary()})");
    }

    [Fact]
    public void DeepNestingIsRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        string Nest(string open, string close, int depth, string core) => string.Concat(Enumerable.Repeat(open, depth)) + core + string.Concat(Enumerable.Repeat(close, depth));
        var cases = new List<string>();
        foreach (var depth in new[] { 31, 32, 33, 64, 1000, 10_000 })
        {
            cases.Add(Nest("[", "]", depth, "1"));
            cases.Add(Nest("{\"a\":", "}", depth, "1"));
            foreach (var key in KnownKeys.Take(Kinds))
            {
                cases.Add("{\"" + key + "\":" + Nest("{\"" + key + "\":", "}", depth, "{}") + "}");
                cases.Add("{\"" + key + "\":{\"id\":\"x\",\"extra\":" + Nest("[", "]", depth, "null") + "}}");
            }

            cases.Add("{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":" + Nest("{\"message\":", "}", depth, "\"m\"") + "}}");
            cases.Add("{\"smsEventNotification\":{\"link\":" + Nest("[", "]", depth, "{\"href\":\"/a\"}") + "}}");
            cases.Add("{\"unknownKind\":" + Nest("[", "]", depth, "0") + "}");
            cases.Add(Nest("[", string.Empty, depth, string.Empty)); // unclosed
        }

        foreach (var text in cases)
        {
            CheckText(text, counter);
        }

        // And random depths around and far past the parser's limit.
        Gen.Select(Gen.Int[20, 2000], Gen.Int[0, 3]).Sample(
            p => CheckText("{\"" + KnownKeys[p.Item2] + "\":" + Nest("[", "]", p.Item1, "{}") + "}", counter),
            iter: 300);
        _output.WriteLine($"FUZZ notification deep nesting (up to 10000 levels): {counter.Total} parses ({counter.Summary()})");
    }

    [Fact]
    public void HugeStringsAreParsedOrRejectedWithTheParseExceptionOnly()
    {
        var counter = new FuzzCounter();
        var mb = new string('a', 1024 * 1024);
        var digits = new string('7', 1024 * 1024);
        var cases = new[]
        {
            Fixtures[0].Replace("\"hi\"", "\"" + mb + "\"", StringComparison.Ordinal), // 1 MB message
            Fixtures[1].Replace("\"olr3j20Cdx87\"", "\"" + mb + "\"", StringComparison.Ordinal), // 1 MB message id
            Fixtures[2].Replace("f179f10b-e846-4370-af20-db5f7dc0f985", mb, StringComparison.Ordinal), // 1 MB subscription URL
            Fixtures[3].Replace("\"A message has been deleted.\"", "\"" + string.Concat(Enumerable.Repeat("\\u00e9", 200_000)) + "\"", StringComparison.Ordinal), // 1.2 MB of escapes
            Fixtures[0].Replace("1525895987", digits, StringComparison.Ordinal), // a 1 MB number
            "{\"" + mb + "\":{}}", // a 1 MB unknown kind
            "{\"inboundSMSMessageNotification\":{\"" + mb + "\":1}}", // a 1 MB member name
            new string(' ', 1024 * 1024) + Fixtures[0], // 1 MB of leading whitespace
            "\"" + mb + "\"", // a 1 MB JSON string, not an object
            "{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{\"message\":\"" + mb, // unterminated 1 MB string
        };

        foreach (var text in cases)
        {
            CheckText(text, counter);

            // The stream overload caps the body at Notification.MaxBodyBytes (1 MiB): a typed rejection, not a crash.
            counter.Add(Check(() => Notification.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))).GetAwaiter().GetResult()));
        }

        var parsed = (InboundSmsNotification)Notification.Parse(cases[0]);
        Assert.Equal(mb.Length, parsed.Message!.Length);
        _output.WriteLine($"FUZZ notification 1 MB strings: {counter.Total} parses ({counter.Summary()})");
    }
}
