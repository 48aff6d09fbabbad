using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

/// <summary>
/// The two-factor stubs (issue 12): answers from the spec's examples, what was sent read back from the request log, and
/// the verify switches (every code, one code, no code).
/// </summary>
public sealed class TwoFactorTests
{
    private static readonly SendCodeRequest Sms = new() { DestinationAddress = "+16131234567", Message = "Your code is {code}" };

    [Fact]
    public async Task A_send_answers_the_spec_example_for_a_new_code_resource_and_is_recorded_as_sent()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var first = await client.TwoFactor.SendCodeAsync(Sms);
        var second = await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = "jane@example.com", Method = TwoFactorMethod.Email, Message = "Code: {code}", Subject = "Sign-in", Length = 8, Type = TwoFactorCodeType.Alphanumeric, Expiry = TimeSpan.FromMinutes(10) });

        Assert.NotEqual(first.CodeId, second.CodeId);
        Assert.Equal("/cpaas/auth/v1/" + server.UserId + "/codes/" + first.CodeId, first.ResourceUrl?.OriginalString);
        Assert.Equal(2, server.SentCodes.Count);
        var sms = server.SentCodes[0];
        Assert.Equal((first.CodeId, false, "+16131234567", "sms", 6, "numeric", (TimeSpan?)TimeSpan.FromSeconds(120), "Your code is {code}", (string?)null), (sms.CodeId, sms.Resent, sms.DestinationAddress, sms.Method, sms.Length, sms.Type, sms.Expiry, sms.Message, sms.Subject));
        Assert.Equal("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"sms\",\"format\":{\"length\":6,\"type\":\"numeric\"},\"expiry\":120,\"message\":\"Your code is {code}\"}}", sms.RequestJson);
        var email = server.SentCodes[1];
        Assert.Equal(("email", "jane@example.com", "Sign-in", 8, "alphanumeric", (TimeSpan?)TimeSpan.FromMinutes(10)), (email.Method, email.DestinationAddress, email.Subject, email.Length, email.Type, email.Expiry));
        Assert.DoesNotContain("Your code", sms.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resend_answers_the_same_code_resource_and_is_recorded_as_resent()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        var sent = await client.TwoFactor.SendCodeAsync(Sms);

        var resent = await client.TwoFactor.ResendCodeAsync(sent.CodeId, Sms);

        Assert.Equal(sent.CodeId, resent.CodeId);
        Assert.Equal([false, true], server.SentCodes.Select(c => c.Resent));
    }

    [Fact]
    public async Task By_default_every_code_verifies()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var result = await client.TwoFactor.VerifyCodeAsync("any-code-id", "123456");

        Assert.True(result.Verified);
        var verification = Assert.Single(server.CodeVerifications);
        Assert.Equal(("any-code-id", "123456", true), (verification.CodeId, verification.Code, verification.Verified));
        Assert.DoesNotContain("123456", verification.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifySucceedsOnlyFor_lets_one_code_verify_and_refuses_the_others_with_the_specs_403()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        var sent = await client.TwoFactor.SendCodeAsync(Sms);
        server.VerifySucceedsOnlyFor("K7Q2P9");

        var wrong = await client.TwoFactor.VerifyCodeAsync(sent.CodeId, "000000");
        var right = await client.TwoFactor.VerifyCodeAsync(sent.CodeId, "k7q2p9");

        Assert.False(wrong.Verified);
        Assert.Equal("Code invalid or expired", wrong.Reason); // the spec's example for the 403
        Assert.Equal("POL0001", wrong.ExceptionId);
        Assert.True(right.Verified);
        Assert.Equal([false, true], server.CodeVerifications.Select(v => v.Verified));
    }

    [Fact]
    public async Task VerifyFails_refuses_every_code_until_VerifySucceeds_or_Reset()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        server.VerifyFails();
        Assert.False((await client.TwoFactor.VerifyCodeAsync("c", "123456")).Verified);
        server.SendDelivers(); // the send switches only
        Assert.False((await client.TwoFactor.VerifyCodeAsync("c", "123456")).Verified);
        server.VerifySucceeds();
        Assert.True((await client.TwoFactor.VerifyCodeAsync("c", "123456")).Verified);
        server.VerifyFails();
        server.Reset();
        Assert.True((await client.TwoFactor.VerifyCodeAsync("c", "123456")).Verified);
    }

    [Fact]
    public async Task A_delete_answers_204_and_fault_switches_reach_the_code_operations()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        await client.TwoFactor.DeleteCodeAsync("c");
        server.RespondWithError("deleteCode", HttpStatusCode.NotFound);
        server.RespondWithError("verifyCode", HttpStatusCode.InternalServerError);
        server.RespondWithError("sendCode", HttpStatusCode.BadRequest);

        Assert.Equal(404, (await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.DeleteCodeAsync("c"))).StatusCode);
        Assert.Equal(500, (await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.VerifyCodeAsync("c", "123456"))).StatusCode);
        Assert.Equal(400, (await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.SendCodeAsync(Sms))).StatusCode);
        Assert.Empty(server.SentCodes); // a refused send is not recorded as sent
    }

    [Theory]
    [InlineData("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"sms\",\"message\":\"no placeholder\"}}", "code.message")]
    [InlineData("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"voice\",\"message\":\"{code}\"}}", "code.method")]
    [InlineData("{\"code\":{\"address\":[\"jane@example.com\"],\"method\":\"sms\",\"message\":\"{code}\"}}", "code.address")]
    [InlineData("{\"code\":{\"address\":[\"+16131234567\",\"+16131234568\"],\"method\":\"sms\",\"message\":\"{code}\"}}", "code.address")]
    [InlineData("{\"code\":{\"address\":[\"jane@example.com\"],\"method\":\"email\",\"message\":\"{code}\"}}", "code.subject")]
    [InlineData("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"sms\",\"format\":{\"length\":3},\"message\":\"{code}\"}}", "code.format.length")]
    [InlineData("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"sms\",\"format\":{\"type\":\"hex\"},\"message\":\"{code}\"}}", "code.format.type")]
    [InlineData("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"sms\",\"expiry\":5,\"message\":\"{code}\"}}", "code.expiry")]
    public async Task A_body_the_spec_refuses_is_a_400_naming_the_member(string body, string member)
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await SpecCoverageTests.TokenAsync(server, http);
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Root() + "/cpaas/auth/v1/" + server.UserId + "/codes") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(member, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.SentCodes);
    }
}
