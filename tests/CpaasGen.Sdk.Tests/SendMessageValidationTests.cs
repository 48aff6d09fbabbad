using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>Invalid send input is rejected with an ArgumentException naming the field, before any HTTP call (token call included).</summary>
public sealed class SendMessageValidationTests : IClassFixture<KandyServer>
{
    private readonly KandyServer _kandy;

    public SendMessageValidationTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
        _kandy.Stub("POST", KandyServer.UserBase + "/outbound/+16137001234/requests", 201, Fixture.Read("send-response.json"));
    }

    public static TheoryData<string, string?[]?, string?, string?> InvalidRequests => new()
    {
        // case name, destinations, sender, message
        { "DestinationAddress", Array.Empty<string?>(), "+16137001234", "Hi" },
        { "DestinationAddress", null, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { string.Empty }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "   " }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { null }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "+1613abc4567" }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "sixonethree" }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "+123456" }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "+1234567890123456" }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "16131234567" }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "+16139998877", "tel:12" }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "sip:+16131234567" }, "+16137001234", "Hi" },
        { "DestinationAddress", new string?[] { "sip:6131234567@" }, "+16137001234", "Hi" },
        { "SenderAddress", new string?[] { "+16139998877" }, string.Empty, "Hi" },
        { "SenderAddress", new string?[] { "+16139998877" }, null, "Hi" },
        { "SenderAddress", new string?[] { "+16139998877" }, "letters", "Hi" },
        { "SenderAddress", new string?[] { "+16139998877" }, "+1613", "Hi" },
        { "SenderAddress", new string?[] { "+16139998877" }, "defaults", "Hi" },
        { "SenderAddress", new string?[] { "+16139998877" }, "sip:+16137001234@bad domain", "Hi" },
        { "Message", new string?[] { "+16139998877" }, "+16137001234", null },
        { "Message", new string?[] { "+16139998877" }, "+16137001234", string.Empty },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task InvalidInputThrowsArgumentExceptionNamingTheFieldAndSendsNothing(string field, string?[]? destinations, string? sender, string? message)
    {
        using var client = _kandy.Client();
        var request = new CreateMessageRequest
        {
            DestinationAddress = destinations is null ? null! : new List<string>(destinations!),
            SenderAddress = sender!,
            Message = message!,
        };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.CreateMessageAsync(request));

        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(_kandy.Server.LogEntries); // not even the token request
        Assert.Equal(0, client.TokenRequestCount);
    }

    [Fact]
    public async Task ANullRequestThrowsArgumentNullExceptionAndSendsNothing()
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => client.Conversation.CreateMessageAsync(null!));

        Assert.Equal("request", error.ParamName);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Fact]
    public async Task ValidationMessagesMaskTheRejectedNumber()
    {
        using var client = _kandy.Client();
        var request = SendMessageTests.Message("+16137001234", "+16139998877x");

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.CreateMessageAsync(request));

        Assert.Equal("DestinationAddress", error.ParamName);
        Assert.DoesNotContain("16139998877", error.Message);
        Assert.Empty(_kandy.Server.LogEntries);
    }
}
