using System;
using System.Linq;
using System.Text;
using Xunit;

namespace Cpaas.Tests;

/// <summary>Issue 13: what webhook senders really send, and the webhook token never shown by a ToString.</summary>
public sealed class WebhookInputParseTests
{
    private const string Inbound = "{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{\"dateTime\":1,\"destinationAddress\":\"+16137001234\",\"message\":\"hi\",\"messageId\":\"m\",\"senderAddress\":\"+16139998877\"},\"dateTime\":2,\"id\":\"n-1\"}}";

    [Fact]
    public void AUtf8ByteOrderMarkIsAcceptedAsBytesAndAsText()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Inbound)).ToArray();

        Assert.Equal("n-1", Assert.IsType<InboundSmsNotification>(Notification.Parse(bytes)).NotificationId);
        Assert.Equal("n-1", Assert.IsType<InboundSmsNotification>(Notification.Parse("\uFEFF" + Inbound)).NotificationId);
    }

    [Fact]
    public void AByteOrderMarkAloneIsStillAnEmptyBody()
        => Assert.Throws<CpaasNotificationParseException>(() => Notification.Parse(new byte[] { 0xEF, 0xBB, 0xBF }));

    [Fact]
    public void AnUnknownKindKeepsItsEnvelopeIdAndDateTimeAndTheRawJsonWithoutTheBom()
    {
        const string Body = "{\"chatNotification\":{\"text\":{\"id\":\"inner\"},\"id\":\"c-1\",\"dateTime\":1700000000}}";

        var unknown = Assert.IsType<UnknownNotification>(Notification.Parse("\uFEFF" + Body));

        Assert.Equal("chatNotification", unknown.Kind.Value);
        Assert.Equal("c-1", unknown.NotificationId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), unknown.NotifiedOn);
        Assert.Equal(Body, unknown.RawJson);
    }

    [Theory]
    [InlineData("{\"chatNotification\":{\"id\":5}}")]
    [InlineData("{\"chatNotification\":[1,2]}")]
    [InlineData("{\"chatNotification\":\"x\"}")]
    [InlineData("{\"chatNotification\":{}}")]
    public void AnUnknownKindWithoutAStringIdHasNoId(string body)
    {
        var unknown = Assert.IsType<UnknownNotification>(Notification.Parse(body));

        Assert.Null(unknown.NotificationId);
        Assert.Equal(body, unknown.RawJson);
    }

    [Fact]
    public void SubscribeRequestToStringMasksTheWebhookToken()
    {
        var request = new SubscribeRequest { WebhookUrl = new Uri("https://user:pw@myapp.example/inbound-sms/webhook?token=hook-s3cret-0123456789&x=1"), DestinationAddress = "+16131234567" };

        var text = request.ToString();

        Assert.DoesNotContain("hook-s3cret-0123456789", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", text, StringComparison.Ordinal);
        Assert.Contains("https://***@myapp.example/inbound-sms/webhook?token=***&x=***", text, StringComparison.Ordinal);
    }
}

/// <summary><see cref="UrlMasking"/>: the one place that decides what of a URL may be shown.</summary>
public sealed class UrlMaskingTests
{
    [Theory]
    [InlineData("https://myapp.example/hook?token=s3cret", "https://myapp.example/hook?token=***")]
    [InlineData("https://myapp.example/hook?s3cret", "https://myapp.example/hook?***")]
    [InlineData("https://myapp.example/hook?a=1&&token=s3cret#frag", "https://myapp.example/hook?a=***&token=***")]
    [InlineData("http://127.0.0.1:5080/webhook", "http://127.0.0.1:5080/webhook")]
    [InlineData("https://u:s3cret@myapp.example:8443/hook", "https://***@myapp.example:8443/hook")]
    public void MasksQueryValuesAndUserInfo(string url, string expected)
    {
        Assert.Equal(expected, UrlMasking.Mask(new Uri(url)));
        Assert.Equal(expected, UrlMasking.Mask(url));
    }

    [Theory]
    [InlineData("/hook?token=s3cret", "/hook?token=***")]
    [InlineData("not a url?token=s3cret#x", "not a url?token=***")]
    [InlineData("//u:s3cret@host/hook?token=s3cret", "//***@host/hook?token=***")]
    public void MasksUrlsThatDoNotParse(string url, string expected) => Assert.Equal(expected, UrlMasking.Mask(url));

    [Fact]
    public void NullIsNone()
    {
        Assert.Equal("(none)", UrlMasking.Mask((Uri?)null));
        Assert.Equal("(none)", UrlMasking.Mask((string?)null));
    }
}
