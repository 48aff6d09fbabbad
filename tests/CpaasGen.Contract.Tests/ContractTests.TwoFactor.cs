using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cpaas.Contract.Tests.Backends;
using Xunit;

namespace Cpaas.Contract.Tests;

/// <summary>
/// Two-factor codes (issue 12), one test body for both backends: every operation, the request bodies byte for byte as
/// the official SDKs send them (key names, order, shapes, defaults), the code the user received verifying and a wrong one
/// not, and every validation rule — refused by the SDK before anything is sent, and refused by the backend (400 naming
/// the member) when a body breaks it anyway.
/// </summary>
public abstract partial class BackendContractTests<TBackend>
{
    private const string Phone = ContractAccount.Remote;
    private const string Inbox = "jane.doe@example.com";

    private static readonly SendCodeRequest SmsCode = new() { DestinationAddress = Phone, Message = "Your code is {code}" };

    private static readonly SendCodeRequest EmailCode = new()
    {
        DestinationAddress = Inbox,
        Method = TwoFactorMethod.Email,
        Message = "Sign in with {code}",
        Subject = "Your sign-in code",
        Length = 8,
        Type = TwoFactorCodeType.Alphanumeric,
        Expiry = TimeSpan.FromMinutes(10),
    };

    /// <summary>A client whose requests are recorded on their way to the backend.</summary>
    private (CpaasClient Client, WireRecorder Wire) RecordingClient()
    {
        var wire = new WireRecorder();
        return (new CpaasClient(Backend.Options, new HttpClient(wire)), wire);
    }

    /// <summary>The code in a message received for a code sent with <paramref name="template"/>.</summary>
    private static string CodeIn(string message, string template)
    {
        var parts = template.Split("{code}");
        var match = Regex.Match(message, "^" + Regex.Escape(parts[0]) + "([A-Za-z0-9]+)" + Regex.Escape(parts[1]) + "$");
        Assert.True(match.Success, "'" + message + "' is not '" + template + "' with a code");
        return match.Groups[1].Value;
    }

    private string CodesPath => "/cpaas/auth/v1/" + Backend.UserId + "/codes";

    [Fact]
    public async Task A_code_sent_by_sms_goes_out_in_the_official_body_and_the_code_the_phone_received_verifies()
    {
        var (client, wire) = RecordingClient();
        using var _ = client;

        var sent = await client.TwoFactor.SendCodeAsync(SmsCode);

        var request = Assert.Single(wire.ApiRequests);
        Assert.Equal(("POST", CodesPath), (request.Method, request.Path));
        Assert.Equal("{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"format\":{\"length\":6,\"type\":\"numeric\"},\"expiry\":120,\"message\":\"Your code is {code}\"}}", request.Body);
        Assert.False(string.IsNullOrEmpty(sent.CodeId));
        Assert.Equal(CodesPath + "/" + sent.CodeId, sent.ResourceUrl?.OriginalString);

        var code = CodeIn(await Backend.ReceivedCodeMessageAsync(Phone), SmsCode.Message);
        Assert.Matches("^[0-9]{6}$", code);
        var wrong = await client.TwoFactor.VerifyCodeAsync(sent.CodeId, code == "000000" ? "111111" : "000000");
        var right = await client.TwoFactor.VerifyCodeAsync(sent.CodeId, code);

        Assert.False(wrong.Verified);
        Assert.False(string.IsNullOrEmpty(wrong.Reason));
        Assert.True(right.Verified);
        var verify = wire.ApiRequests.Last();
        Assert.Equal(("PUT", CodesPath + "/" + sent.CodeId + "/verify", "{\"code\":{\"verify\":\"" + code + "\"}}"), verify);
    }

    [Fact]
    public async Task A_code_sent_by_email_carries_every_setting_and_the_code_the_inbox_received_verifies()
    {
        var (client, wire) = RecordingClient();
        using var _ = client;

        var sent = await client.TwoFactor.SendCodeAsync(EmailCode);

        Assert.Equal(
            "{\"code\":{\"address\":[\"" + Inbox + "\"],\"method\":\"email\",\"format\":{\"length\":8,\"type\":\"alphanumeric\"},\"expiry\":600,\"message\":\"Sign in with {code}\",\"subject\":\"Your sign-in code\"}}",
            Assert.Single(wire.ApiRequests).Body);
        var code = CodeIn(await Backend.ReceivedCodeMessageAsync(Inbox), EmailCode.Message);
        Assert.Matches("^[A-Z0-9]{8}$", code);
        Assert.True((await client.TwoFactor.VerifyCodeAsync(sent.CodeId, code)).Verified);
    }

    [Fact]
    public async Task A_resend_puts_the_send_body_on_the_same_resource_and_only_the_new_code_verifies()
    {
        var (client, wire) = RecordingClient();
        using var _ = client;
        var sent = await client.TwoFactor.SendCodeAsync(SmsCode);
        var first = CodeIn(await Backend.ReceivedCodeMessageAsync(Phone), SmsCode.Message);
        var request = new SendCodeRequest { DestinationAddress = Phone, Message = "New code: {code}", Length = 10, Type = TwoFactorCodeType.Alphabetic, Expiry = TimeSpan.FromSeconds(30) };

        var resent = await client.TwoFactor.ResendCodeAsync(sent.CodeId, request);

        Assert.Equal(sent.CodeId, resent.CodeId);
        Assert.Equal(
            ("PUT", CodesPath + "/" + sent.CodeId, "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"format\":{\"length\":10,\"type\":\"alphabetic\"},\"expiry\":30,\"message\":\"New code: {code}\"}}"),
            wire.ApiRequests.Last());
        var second = CodeIn(await Backend.ReceivedCodeMessageAsync(Phone), request.Message);
        Assert.Matches("^[A-Z]{10}$", second);
        Assert.False((await client.TwoFactor.VerifyCodeAsync(sent.CodeId, first)).Verified);
        Assert.True((await client.TwoFactor.VerifyCodeAsync(sent.CodeId, second)).Verified);
    }

    [Fact]
    public async Task A_code_resource_can_be_deleted()
    {
        var (client, wire) = RecordingClient();
        using var _ = client;
        var sent = await client.TwoFactor.SendCodeAsync(SmsCode);

        await client.TwoFactor.DeleteCodeAsync(sent.CodeId);

        Assert.Equal(("DELETE", CodesPath + "/" + sent.CodeId, (string?)null), (wire.ApiRequests.Last().Method, wire.ApiRequests.Last().Path, wire.ApiRequests.Last().Body is { Length: 0 } ? null : wire.ApiRequests.Last().Body));
    }

    public static TheoryData<string, SendCodeRequest> InvalidCodeRequests => new()
    {
        { "DestinationAddress", new SendCodeRequest { DestinationAddress = "6131234567", Message = "{code}" } },
        { "DestinationAddress", new SendCodeRequest { DestinationAddress = Inbox, Message = "{code}" } },
        { "DestinationAddress", new SendCodeRequest { DestinationAddress = Phone, Method = TwoFactorMethod.Email, Message = "{code}", Subject = "s" } },
        { "Message", new SendCodeRequest { DestinationAddress = Phone, Message = "Your code is" } },
        { "Length", new SendCodeRequest { DestinationAddress = Phone, Message = "{code}", Length = 3 } },
        { "Length", new SendCodeRequest { DestinationAddress = Phone, Message = "{code}", Length = 11 } },
        { "Expiry", new SendCodeRequest { DestinationAddress = Phone, Message = "{code}", Expiry = TimeSpan.FromSeconds(29) } },
        { "Expiry", new SendCodeRequest { DestinationAddress = Phone, Message = "{code}", Expiry = TimeSpan.FromSeconds(3601) } },
        { "Subject", new SendCodeRequest { DestinationAddress = Inbox, Method = TwoFactorMethod.Email, Message = "{code}" } },
        { "Subject", new SendCodeRequest { DestinationAddress = Phone, Message = "{code}", Subject = "an SMS has none" } },
    };

    [Theory]
    [MemberData(nameof(InvalidCodeRequests))]
    public async Task Every_validation_rule_is_checked_before_anything_reaches_the_backend(string field, SendCodeRequest request)
    {
        var (client, wire) = RecordingClient();
        using var _ = client;

        Assert.Equal(field, (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.SendCodeAsync(request))).ParamName);
        Assert.Equal(field, (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.ResendCodeAsync("a-code-id", request))).ParamName);
        Assert.Equal("code", (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.TwoFactor.VerifyCodeAsync("a-code-id", " "))).ParamName);

        Assert.Equal(0, wire.Count); // not even the token request
    }

    public static TheoryData<string, string> InvalidCodeBodies => new()
    {
        { "address", "{\"code\":{\"address\":[\"6131234567\"],\"method\":\"sms\",\"message\":\"{code}\"}}" },
        { "address", "{\"code\":{\"address\":[\"" + Inbox + "\"],\"method\":\"sms\",\"message\":\"{code}\"}}" },
        { "address", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"email\",\"message\":\"{code}\",\"subject\":\"s\"}}" },
        { "address", "{\"code\":{\"address\":[\"" + Phone + "\",\"+16131234568\"],\"method\":\"sms\",\"message\":\"{code}\"}}" },
        { "method", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"voice\",\"message\":\"{code}\"}}" },
        { "message", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"message\":\"Your code is\"}}" },
        { "length", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"format\":{\"length\":3,\"type\":\"numeric\"},\"message\":\"{code}\"}}" },
        { "length", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"format\":{\"length\":11,\"type\":\"numeric\"},\"message\":\"{code}\"}}" },
        { "type", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"format\":{\"length\":6,\"type\":\"hex\"},\"message\":\"{code}\"}}" },
        { "expiry", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"expiry\":29,\"message\":\"{code}\"}}" },
        { "expiry", "{\"code\":{\"address\":[\"" + Phone + "\"],\"method\":\"sms\",\"expiry\":3601,\"message\":\"{code}\"}}" },
        { "subject", "{\"code\":{\"address\":[\"" + Inbox + "\"],\"method\":\"email\",\"message\":\"{code}\"}}" },
    };

    [Theory]
    [MemberData(nameof(InvalidCodeBodies))]
    public async Task A_body_that_breaks_a_rule_anyway_is_a_400_naming_the_member(string member, string body)
    {
        using var http = new HttpClient { BaseAddress = Backend.Options.BaseUrl };
        var options = Backend.Options;
        using var token = await http.PostAsync("/cpaas/auth/v1/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = options.ClientId!, ["client_secret"] = options.ClientSecret!, ["scope"] = "openid",
        }));
        using var tokenJson = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tokenJson.RootElement.GetProperty("access_token").GetString());

        using var send = await http.PostAsync(CodesPath, new StringContent(body, Encoding.UTF8, "application/json"));
        using var resend = await http.PutAsync(CodesPath + "/a-code-id", new StringContent(body, Encoding.UTF8, "application/json"));

        foreach (var refused in new[] { send, resend })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            var exception = error.RootElement.GetProperty("requestError").GetProperty("serviceException");
            var said = exception.GetProperty("text").GetString() + " " + string.Join(" ", exception.GetProperty("variables").EnumerateArray().Select(v => v.GetString()));
            Assert.Contains(member, said, StringComparison.Ordinal);
        }
    }
}
