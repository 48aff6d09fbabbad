using System;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// Invalid two-factor input is an ArgumentException naming the field, before any HTTP call (the token call included),
/// and the message never repeats the message text.
/// </summary>
public sealed class TwoFactorValidationTests : IClassFixture<KandyServer>
{
    private readonly KandyServer _kandy;

    public TwoFactorValidationTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    private static SendCodeRequest Sms(string destination = "+16131234567", string message = "Your code is {code}") => new() { DestinationAddress = destination, Message = message };

    private static SendCodeRequest Mail(string destination = "john@example.com", string? subject = "Your code") => new() { DestinationAddress = destination, Method = TwoFactorMethod.Email, Message = "Code: {code}", Subject = subject };

    public static TheoryData<string, SendCodeRequest> InvalidRequests => new()
    {
        { "DestinationAddress", Sms(destination: null!) },
        { "DestinationAddress", Sms(destination: "") },
        { "DestinationAddress", Sms(destination: "   ") },
        { "DestinationAddress", Sms(destination: "john@example.com") },          // an e-mail address for an SMS
        { "DestinationAddress", Sms(destination: "6131234567") },                // no +
        { "DestinationAddress", Sms(destination: "+1613abc4567") },
        { "DestinationAddress", Mail(destination: "+16131234567") },             // a number for an e-mail
        { "DestinationAddress", Mail(destination: "john") },
        { "DestinationAddress", Mail(destination: "john@localhost") },
        { "DestinationAddress", Mail(destination: "John <john@example.com>") },
        { "DestinationAddress", Mail(destination: "a@b@example.com") },
        { "DestinationAddress", Mail(destination: "john..doe@example.com") },
        { "DestinationAddress", Mail(destination: "john@10.0.0.1") },
        { "Message", Sms(message: null!) },
        { "Message", Sms(message: "") },
        { "Message", Sms(message: "Your code is 123") },                       // no placeholder
        { "Message", Sms(message: "Your code is {CODE}") },                    // the placeholder is lower case
        { "Message", Sms(message: "Your code is { code }") },
        { "Length", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Length = 3 } },
        { "Length", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Length = 11 } },
        { "Length", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Length = 0 } },
        { "Expiry", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Expiry = TimeSpan.FromSeconds(29) } },
        { "Expiry", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Expiry = TimeSpan.FromSeconds(3601) } },
        { "Expiry", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Expiry = TimeSpan.FromSeconds(60.5) } },
        { "Expiry", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Expiry = TimeSpan.Zero } },
        { "Expiry", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Expiry = TimeSpan.FromSeconds(-120) } },
        { "Subject", Mail(subject: null) },
        { "Subject", Mail(subject: "  ") },
        { "Subject", Mail(subject: "Your code\r\nBcc: everyone@example.com") },
        { "Subject", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Subject = "SMS have no subject" } },
        { "Method", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Method = (TwoFactorMethod)7 } },
        { "Type", new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Type = (TwoFactorCodeType)9 } },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_invalid_send_or_resend_names_the_field_and_sends_nothing(string field, SendCodeRequest request)
    {
        using var client = _kandy.Client();

        var send = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.SendCodeAsync(request));
        var resend = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.ResendCodeAsync("code-id", request));

        foreach (var error in new[] { send, resend })
        {
            Assert.Equal(field, error.ParamName);
            Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
            if (request.Message is { Length: > 0 } text)
            {
                Assert.DoesNotContain(text, error.Message, StringComparison.Ordinal);
            }
        }

        Assert.Empty(_kandy.Server.LogEntries); // not even the token request
        Assert.Equal(field, Assert.ThrowsAny<ArgumentException>(request.Validate).ParamName); // the same check, for a form
    }

    [Fact]
    public async Task The_edges_of_every_range_are_valid()
    {
        _kandy.Stub("POST", "/cpaas/auth/v1/" + TestJwt.UserId + "/codes", 201, "{\"code\":{\"resourceURL\":\"/cpaas/auth/v1/u/codes/c\"}}");
        using var client = _kandy.Client();

        foreach (var request in new[]
        {
            new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}", Length = 4, Expiry = TimeSpan.FromSeconds(30) },
            new SendCodeRequest { DestinationAddress = "sip:+16131234567@example.com", Message = "{code}", Length = 10, Expiry = TimeSpan.FromSeconds(3600) },
            Mail(destination: "first.last+tag@mail.example.co.uk"),
        })
        {
            Assert.Equal("c", (await client.TwoFactor.SendCodeAsync(request)).CodeId);
        }
    }

    [Theory]
    [InlineData(null, "123456", "codeId")]
    [InlineData("", "123456", "codeId")]
    [InlineData(" ", "123456", "codeId")]
    [InlineData("code-id", null, "code")]
    [InlineData("code-id", "", "code")]
    [InlineData("code-id", " \t\n", "code")]
    public async Task Verify_needs_a_code_id_and_a_code(string? codeId, string? code, string field)
    {
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.VerifyCodeAsync(codeId!, code!));

        Assert.Equal(field, error.ParamName);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Resend_and_delete_need_a_code_id(string? codeId)
    {
        using var client = _kandy.Client();

        Assert.Equal("codeId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.DeleteCodeAsync(codeId!))).ParamName);
        Assert.Equal("codeId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.ResendCodeAsync(codeId!, Sms()))).ParamName);
        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Fact]
    public async Task A_null_request_is_an_ArgumentNullException()
    {
        using var client = _kandy.Client();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.TwoFactor.SendCodeAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.TwoFactor.ResendCodeAsync("code-id", null!));
    }
}
