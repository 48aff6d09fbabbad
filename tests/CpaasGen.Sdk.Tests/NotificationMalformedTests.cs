using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>Anything that is not a valid notification gives CpaasNotificationParseException — never a raw JsonException or a NullReferenceException.</summary>
public sealed class NotificationMalformedTests
{
    private static readonly string Inbound = Fixture.Read("notification-inbound.json");

    private static string InboundWith(string from, string to)
    {
        Assert.Contains(from, Inbound, StringComparison.Ordinal);
        return Inbound.Replace(from, to, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "empty", string.Empty },
        { "whitespace", "  \r\n " },
        { "truncated", Inbound[..(Inbound.Length / 2)] },
        { "truncated at the end", Inbound.TrimEnd()[..^1] },
        { "array", "[]" },
        { "array of notifications", "[" + Inbound + "]" },
        { "empty object", "{}" },
        { "null", "null" },
        { "number", "42" },
        { "string", "\"inboundSMSMessageNotification\"" },
        { "two top-level keys", Inbound.TrimEnd()[..^1] + ", \"outboundSMSMessageNotification\": {}}" },
        { "unknown key then a second key", "{\"fooNotification\": {}, \"barNotification\": {}}" },
        { "trailing garbage", Inbound + " xyz" },
        { "trailing object", Inbound + "{}" },
        { "notification is a number", "{\"inboundSMSMessageNotification\": 5}" },
        { "notification is null", "{\"smsEventNotification\": null}" },
        { "message is an object", InboundWith("\"message\": \"hi\"", "\"message\": {\"text\": \"hi\"}") },
        { "message is an array", InboundWith("\"message\": \"hi\"", "\"message\": [\"hi\"]") },
        { "dateTime is text", InboundWith("\"dateTime\": 1525895987, \"destinationAddress\"", "\"dateTime\": \"yesterday\", \"destinationAddress\"") },
        { "dateTime is fractional", InboundWith("\"dateTime\": 1525895987, \"destinationAddress\"", "\"dateTime\": 1.5, \"destinationAddress\"") },
        { "missing id", InboundWith(",\n    \"id\": \"441fc36e-aab7-45dd-905c-4aaec7a7464d\"", string.Empty) },
        { "id is null", InboundWith("\"id\": \"441fc36e-aab7-45dd-905c-4aaec7a7464d\"", "\"id\": null") },
        { "missing inner message", "{\"inboundSMSMessageNotification\": {\"dateTime\": 1, \"id\": \"x\"}}" },
        // Issue 11 made messageId optional (the browser SDK sees notifications without it); the addresses stay required.
        { "missing senderAddress", InboundWith(", \"senderAddress\": \"+16139998877\"", string.Empty) },
        { "delivery info is an array", "{\"deliveryInfoNotification\": {\"deliveryInfo\": [{\"address\": \"+16139998877\", \"deliveryStatus\": \"DeliveredToTerminal\"}]}}" },
        { "delivery info without status", "{\"deliveryInfoNotification\": {\"deliveryInfo\": {\"address\": \"+16139998877\"}}}" },
        { "event without link", "{\"smsEventNotification\": {\"eventType\": \"MessageDeleted\", \"id\": \"x\", \"dateTime\": 1}}" },
        { "event link is a string", "{\"smsEventNotification\": {\"eventType\": \"MessageDeleted\", \"link\": \"/x\", \"id\": \"x\"}}" },
        { "cancellation link item is a number", "{\"smsSubscriptionCancellationNotification\": {\"link\": [5], \"id\": \"x\"}}" },
        { "unquoted key", "{inboundSMSMessageNotification: {}}" },
        { "single quotes", "{'inboundSMSMessageNotification': {}}" },
        { "comment", "{/* c */ \"inboundSMSMessageNotification\": {}}" },
        { "deeply nested unknown", "{\"fooNotification\": " + new string('[', 200) + new string(']', 200) + "}" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedBodiesThrowTheParseExceptionFromEveryOverload(string name, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var errors = new[]
        {
            Assert.Throws<CpaasNotificationParseException>(() => Notification.Parse(body)),
            Assert.Throws<CpaasNotificationParseException>(() => Notification.Parse(bytes.AsSpan())),
            await Assert.ThrowsAsync<CpaasNotificationParseException>(() => Notification.ParseAsync(new MemoryStream(bytes))),
        };

        foreach (var error in errors)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message), name);
            Assert.IsNotType<NullReferenceException>(error.InnerException);
            if (error.BytePosition is { } position)
            {
                Assert.InRange(position, 0, Math.Max(bytes.Length, 1));
            }
        }
    }

    public static TheoryData<string, string> Positioned => new()
    {
        { "[]", "array" },
        { "{}", "empty object" },
        { "{\"inboundSMSMessageNotification\": 5}", "notification is a number" },
        { "{\"fooNotification\": {}, \"barNotification\": {}}", "second key" },
        { "{\"fooNotification\": {}} xyz", "trailing garbage" },
        { "{\"fooNotification\": {", "truncated" },
        { "{\"inboundSMSMessageNotification\": {\"inboundSMSMessage\": {\"message\": {}}}}", "wrong type" },
    };

    [Theory]
    [MemberData(nameof(Positioned))]
    public void WhereTheParserKnowsThePositionItIsReported(string body, string name)
    {
        var error = Assert.Throws<CpaasNotificationParseException>(() => Notification.Parse(body));

        Assert.True(error.BytePosition is not null, name + ": " + error.Message);
        Assert.InRange(error.BytePosition!.Value, 0, body.Length);
    }

    [Fact]
    public void BytePositionIsAnOffsetIntoTheBodyAlsoAfterTheFirstLine()
    {
        // CpaasNotificationParseException.BytePosition is documented as "the byte offset in the body where parsing stopped".
        const string body = "{\n  \"fooNotification\": {}\n}\n xyz";
        var error = Assert.Throws<CpaasNotificationParseException>(() => Notification.Parse(body));

        Assert.Equal(body.IndexOf('x', StringComparison.Ordinal), error.BytePosition);
    }

    [Fact]
    public async Task InvalidUtf8InAKnownNotificationIsAParseException()
    {
        var bytes = Encoding.UTF8.GetBytes(InboundWith("\"message\": \"hi\"", "\"message\": \"h!\""));
        bytes[Array.IndexOf(bytes, (byte)'!')] = 0xFF;

        Assert.Throws<CpaasNotificationParseException>(() => Notification.Parse(bytes.AsSpan()));
        await Assert.ThrowsAsync<CpaasNotificationParseException>(() => Notification.ParseAsync(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task InvalidUtf8InAnUnknownNotificationIsAParseException()
    {
        // Otherwise RawJson ("the whole notification body as received") silently gets U+FFFD instead of the bytes received.
        var bytes = Encoding.UTF8.GetBytes("{\"fooNotification\": {\"text\": \"a!b\"}}");
        bytes[Array.IndexOf(bytes, (byte)'!')] = 0xC3; // a lead byte followed by 'b': not UTF-8

        Assert.Throws<CpaasNotificationParseException>(() => Notification.Parse(bytes.AsSpan()));
        await Assert.ThrowsAsync<CpaasNotificationParseException>(() => Notification.ParseAsync(new MemoryStream(bytes)));
    }

    [Fact]
    public async Task ABodyLargerThanTheLimitIsRejectedByParseAsync()
    {
        var body = new byte[Notification.MaxBodyBytes + 1];
        Array.Fill(body, (byte)' ');

        var error = await Assert.ThrowsAsync<CpaasNotificationParseException>(() => Notification.ParseAsync(new MemoryStream(body)));

        Assert.Contains(Notification.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public async Task ABodyOfExactlyTheLimitIsAcceptedByParseAsync()
    {
        // MaxBodyBytes is documented as the largest body ParseAsync reads; a body of exactly that size is within it.
        var json = Encoding.UTF8.GetBytes(Inbound);
        var body = new byte[Notification.MaxBodyBytes];
        Array.Fill(body, (byte)' ');
        json.CopyTo(body, 0);

        var parsed = await Notification.ParseAsync(new MemoryStream(body));

        Assert.Equal("O957s10JReNV", Assert.IsType<InboundSmsNotification>(parsed).MessageId);
    }

    [Fact]
    public async Task NullInputIsAnArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Notification.Parse((string)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Notification.ParseAsync(null!));
    }

    [Fact]
    public async Task ParseAsyncHonoursCancellation()
    {
        using var cancel = new System.Threading.CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Notification.ParseAsync(new MemoryStream(Encoding.UTF8.GetBytes(Inbound)), cancel.Token));
    }

    [Fact]
    public void AnEmptyLinkListGivesNoSubscriptionIdRatherThanAnError()
    {
        var n = Assert.IsType<SmsSubscriptionCancellationNotification>(Notification.Parse("{\"smsSubscriptionCancellationNotification\": {\"link\": [], \"id\": \"x\"}}"));

        Assert.Null(n.SubscriptionId);
        Assert.Null(n.SubscriptionUrl);
        Assert.Null(n.ApiModel.DateTime);
        Assert.Equal("x", n.NotificationId);
    }
}
