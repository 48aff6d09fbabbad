using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// The two-factor calls on the wire (WireMock): the official SDKs' bodies, byte for byte (key names, order, shapes and
/// the defaults they send), the paths and methods, and what each answer becomes — a 403 on a verification is a normal
/// "not verified", every other error an exception.
/// </summary>
public sealed class TwoFactorWireTests : IClassFixture<KandyServer>
{
    private const string Codes = "/cpaas/auth/v1/" + TestJwt.UserId + "/codes";
    private const string CodeId = "51b545e7-729f-4690-9571-e5c85852b179";
    private const string CodeAnswer = "{\"code\":{\"resourceURL\":\"/cpaas/auth/v1/" + TestJwt.UserId + "/codes/" + CodeId + "\"}}";

    private readonly KandyServer _kandy;

    /// <summary>The calls to the code resources (KandyServer.ApiCalls leaves out everything under /cpaas/auth, the token's path).</summary>
    private System.Collections.Generic.IReadOnlyList<WireMock.Logging.ILogEntry> CodeCalls => _kandy.Calls(Codes);

    public TwoFactorWireTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task SendCode_sends_the_reference_body_with_the_official_defaults_and_returns_the_code_id()
    {
        _kandy.Stub("POST", Codes, 201, CodeAnswer);
        using var client = _kandy.Client();

        var sent = await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = "+16131234567", Message = "Your code is {code}" });

        var entry = Assert.Single(CodeCalls);
        Wire.AssertApiCall(entry, "POST", Codes, hasBody: true);
        // Wire reference 10, the Node SDK's body with its defaults: method sms, 6 numeric characters, 120 s; no subject.
        Assert.Equal("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"sms\",\"format\":{\"length\":6,\"type\":\"numeric\"},\"expiry\":120,\"message\":\"Your code is {code}\"}}", entry.RequestMessage.Body);
        Assert.Equal(CodeId, sent.CodeId);
        Assert.Equal("/cpaas/auth/v1/" + TestJwt.UserId + "/codes/" + CodeId, sent.ResourceUrl?.OriginalString);
    }

    [Fact]
    public async Task SendCode_by_email_sends_every_setting_and_the_subject()
    {
        _kandy.Stub("POST", Codes, 201, CodeAnswer);
        using var client = _kandy.Client();

        await client.TwoFactor.SendCodeAsync(new SendCodeRequest
        {
            DestinationAddress = "john.dev@example.com",
            Method = TwoFactorMethod.Email,
            Length = 10,
            Type = TwoFactorCodeType.Alphanumeric,
            Expiry = TimeSpan.FromHours(1),
            Message = "Here is your code: {code}",
            Subject = "Verification code",
        });

        Assert.Equal(
            "{\"code\":{\"address\":[\"john.dev@example.com\"],\"method\":\"email\",\"format\":{\"length\":10,\"type\":\"alphanumeric\"},\"expiry\":3600,\"message\":\"Here is your code: {code}\",\"subject\":\"Verification code\"}}",
            Assert.Single(CodeCalls).RequestMessage.Body);
    }

    [Theory]
    [InlineData(TwoFactorCodeType.Numeric, "numeric", 4, 30)]
    [InlineData(TwoFactorCodeType.Alphabetic, "alphabetic", 7, 600)]
    [InlineData(TwoFactorCodeType.Alphanumeric, "alphanumeric", 10, 3600)]
    public async Task Every_format_and_expiry_reach_the_wire_as_numbers_and_wire_names(TwoFactorCodeType type, string wireType, int length, int seconds)
    {
        _kandy.Stub("POST", Codes, 201, CodeAnswer);
        using var client = _kandy.Client();

        await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = "tel:+16131234567", Message = "{code}", Type = type, Length = length, Expiry = TimeSpan.FromSeconds(seconds) });

        Assert.Equal(
            "{\"code\":{\"address\":[\"tel:+16131234567\"],\"method\":\"sms\",\"format\":{\"length\":" + length + ",\"type\":\"" + wireType + "\"},\"expiry\":" + seconds + ",\"message\":\"{code}\"}}",
            Assert.Single(CodeCalls).RequestMessage.Body);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    public async Task ResendCode_puts_the_send_body_on_the_code_resource(int status)
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId, status, CodeAnswer);
        using var client = _kandy.Client();

        var resent = await client.TwoFactor.ResendCodeAsync(CodeId, new SendCodeRequest { DestinationAddress = "+16131234567", Message = "Your code is {code}" });

        var entry = Assert.Single(CodeCalls);
        Wire.AssertApiCall(entry, "PUT", Codes + "/" + CodeId, hasBody: true);
        Assert.Equal("{\"code\":{\"address\":[\"+16131234567\"],\"method\":\"sms\",\"format\":{\"length\":6,\"type\":\"numeric\"},\"expiry\":120,\"message\":\"Your code is {code}\"}}", entry.RequestMessage.Body);
        Assert.Equal(CodeId, resent.CodeId);
    }

    [Fact]
    public async Task VerifyCode_answered_204_is_verified()
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", 204);
        using var client = _kandy.Client();

        var result = await client.TwoFactor.VerifyCodeAsync(CodeId, " 123456\n");

        var entry = Assert.Single(CodeCalls);
        Wire.AssertApiCall(entry, "PUT", Codes + "/" + CodeId + "/verify", hasBody: true, expectsJson: false);
        Assert.Equal("{\"code\":{\"verify\":\"123456\"}}", entry.RequestMessage.Body); // what the user typed, trimmed
        Assert.True(result.Verified);
        Assert.Equal(CodeId, result.CodeId);
        Assert.Null(result.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{\"requestError\":{\"policyException\":{\"messageId\":\"POL0001\",\"text\":\"Code invalid or expired\",\"variables\":[]}}}")]
    [InlineData("<html>forbidden</html>")]
    public async Task VerifyCode_answered_403_is_not_verified_and_not_an_exception(string? body)
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", 403, body, body is not null && body.StartsWith('<') ? "text/html" : "application/json");
        using var client = _kandy.Client();

        var result = await client.TwoFactor.VerifyCodeAsync(CodeId, "000000");

        Assert.False(result.Verified);
        Assert.Equal("Code invalid or expired", result.Reason);
        Assert.Equal(body?.Contains("POL0001", StringComparison.Ordinal) == true ? "POL0001" : null, result.ExceptionId);
        Assert.Single(CodeCalls); // a "no" is an answer: nothing is repeated
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(500)]
    public async Task VerifyCode_answered_any_other_error_throws(int status)
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", status, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0002\",\"text\":\"nope\",\"variables\":[]}}}");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.VerifyCodeAsync(CodeId, "123456"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("SVC0002", error.ExceptionId);
        if (status == 404)
        {
            Assert.Contains("no code resource " + CodeId, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VerifyCode_answered_401_after_a_token_refresh_throws()
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", 401, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC1002\",\"text\":\"Authentication failed\",\"variables\":[]}}}");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAnyAsync<CpaasApiException>(() => client.TwoFactor.VerifyCodeAsync(CodeId, "123456"));

        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task DeleteCode_deletes_the_code_resource()
    {
        _kandy.Stub("DELETE", Codes + "/" + CodeId, 204);
        using var client = _kandy.Client();

        await client.TwoFactor.DeleteCodeAsync(CodeId);

        Wire.AssertApiCall(Assert.Single(CodeCalls), "DELETE", Codes + "/" + CodeId, expectsJson: false);
    }

    [Fact]
    public async Task DeleteCode_of_an_unknown_code_throws_a_404_naming_the_id()
    {
        _kandy.Stub("DELETE", Codes + "/" + CodeId, 404, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC1000\",\"text\":\"Requested resource %1 does not exist\",\"variables\":[\"x\"]}}}");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.DeleteCodeAsync(CodeId));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains(CodeId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_id_is_one_encoded_path_segment()
    {
        _kandy.Server.Given(WireMock.RequestBuilders.Request.Create().UsingDelete()).RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(204));
        using var client = _kandy.Client();

        await client.TwoFactor.DeleteCodeAsync("a/b?c");

        Assert.Equal(Codes + "/a%2Fb%3Fc", KandyServer.PathOf(Assert.Single(CodeCalls)));
    }

    [Fact]
    public async Task Results_and_requests_never_show_the_code_or_the_message_and_mask_the_destination()
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", 403, "{\"requestError\":{\"policyException\":{\"messageId\":\"POL0001\",\"text\":\"Code 987654 invalid or expired\",\"variables\":[\"987654\"]}}}");
        using var client = _kandy.Client();
        var request = new SendCodeRequest { DestinationAddress = "+16131234567", Message = "Your secret code is {code}" };
        var email = new SendCodeRequest { DestinationAddress = "john.dev@example.com", Method = TwoFactorMethod.Email, Message = "Your secret code is {code}", Subject = "Private subject" };

        var result = await client.TwoFactor.VerifyCodeAsync(CodeId, "987654");

        Assert.False(result.Verified);
        Assert.DoesNotContain("987654", result.Reason, StringComparison.Ordinal); // the server echoed the typed code
        Assert.Contains("[redacted]", result.Reason, StringComparison.Ordinal);
        foreach (var text in new[] { result.ToString(), request.ToString(), email.ToString(), CpaasModelFactory.SendCodeResult(CodeId, new Uri("/x/" + CodeId, UriKind.Relative)).ToString() })
        {
            Assert.DoesNotContain("987654", text, StringComparison.Ordinal);
            Assert.DoesNotContain("secret code", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Private subject", text, StringComparison.Ordinal);
            Assert.DoesNotContain("+16131234567", text, StringComparison.Ordinal);
            Assert.DoesNotContain("john.dev", text, StringComparison.Ordinal);
        }

        Assert.Contains("+1613***4567", request.ToString(), StringComparison.Ordinal);
        Assert.Contains("j***@example.com", email.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_error_never_shows_the_message_as_written_or_as_rendered_with_the_code()
    {
        _kandy.Stub("POST", Codes, 400, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0002\",\"text\":\"Invalid message %1 (rendered: %2)\",\"variables\":[\"Your secret code is {code}\",\"Your secret code is X7Q2P9\"]}}}");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = "+16131234567", Message = "Your secret code is {code}" }));

        foreach (var text in new[] { error.Message, error.ToString(), error.Text ?? string.Empty }.Concat(error.Variables))
        {
            Assert.DoesNotContain("secret code", text, StringComparison.Ordinal);
            Assert.DoesNotContain("X7Q2P9", text, StringComparison.Ordinal);
        }

        Assert.Equal(2, error.Variables.Count(v => v == "[redacted]"));
        Assert.False(error.MayHaveBeenProcessed); // a 400: Kandy did not act on it
    }

    [Theory]
    [InlineData(204, true)]
    [InlineData(403, false)]
    public async Task The_readme_example_runs(int answer, bool verified)
    {
        _kandy.Stub("POST", Codes, 201, CodeAnswer);
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", answer);
        using var client = _kandy.Client();

        Assert.Equal(verified, await ReadmeExamples.SignInWithCodeAsync(client, () => Task.FromResult("123456")));
        Assert.Equal("{\"code\":{\"verify\":\"123456\"}}", CodeCalls.Last().RequestMessage.Body);
    }

    [Fact]
    public async Task A_cancelled_call_sends_nothing()
    {
        using var client = _kandy.Client();
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}" }, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.TwoFactor.VerifyCodeAsync(CodeId, "123456", cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.TwoFactor.ResendCodeAsync(CodeId, new SendCodeRequest { DestinationAddress = "+16131234567", Message = "{code}" }, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.TwoFactor.DeleteCodeAsync(CodeId, cancelled.Token));

        Assert.Empty(CodeCalls);
    }
}
