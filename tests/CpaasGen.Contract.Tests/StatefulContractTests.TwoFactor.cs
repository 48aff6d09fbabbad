using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

/// <summary>Two-factor codes against a Kandy that remembers them: used up, invalidated, deleted, locked.</summary>
public sealed partial class StatefulContractTests
{
    private static readonly SendCodeRequest Code = new() { DestinationAddress = Remote, Message = "Your code is {code}" };

    private async Task<(string CodeId, string Code)> SendCodeAsync()
    {
        var sent = await Client.TwoFactor.SendCodeAsync(Code);
        var message = await Backend.ReceivedCodeMessageAsync(Remote);
        return (sent.CodeId, Regex.Match(message, "^Your code is ([0-9]{6})$").Groups[1].Value);
    }

    [Fact]
    public async Task A_verified_code_is_used_up_a_second_verification_is_refused_not_thrown()
    {
        var (codeId, code) = await SendCodeAsync();

        Assert.True((await Client.TwoFactor.VerifyCodeAsync(codeId, code)).Verified);
        var again = await Client.TwoFactor.VerifyCodeAsync(codeId, code);

        Assert.False(again.Verified);
        Assert.Equal("Code invalid or expired", again.Reason);
    }

    [Fact]
    public async Task A_deleted_or_unknown_code_id_is_a_404_exception()
    {
        var (codeId, code) = await SendCodeAsync();
        await Client.TwoFactor.DeleteCodeAsync(codeId);

        var verify = await Assert.ThrowsAsync<CpaasApiException>(() => Client.TwoFactor.VerifyCodeAsync(codeId, code));
        var resend = await Assert.ThrowsAsync<CpaasApiException>(() => Client.TwoFactor.ResendCodeAsync(codeId, Code));
        var delete = await Assert.ThrowsAsync<CpaasApiException>(() => Client.TwoFactor.DeleteCodeAsync(codeId));

        Assert.All(new[] { verify, resend, delete }, e => Assert.Equal(404, e.StatusCode));
        Assert.Contains("no code resource " + codeId, verify.Message, StringComparison.Ordinal);
        Assert.False(resend.MayHaveBeenProcessed); // a 404: nothing was sent
    }

    [Fact]
    public async Task Five_wrong_codes_invalidate_the_code_until_a_resend()
    {
        var (codeId, code) = await SendCodeAsync();
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            Assert.False((await Client.TwoFactor.VerifyCodeAsync(codeId, wrong)).Verified);
        }

        Assert.False((await Client.TwoFactor.VerifyCodeAsync(codeId, code)).Verified); // locked: even the right code
        await Client.TwoFactor.ResendCodeAsync(codeId, Code);
        var fresh = Regex.Match(await Backend.ReceivedCodeMessageAsync(Remote), "^Your code is ([0-9]{6})$").Groups[1].Value;
        Assert.True((await Client.TwoFactor.VerifyCodeAsync(codeId, fresh)).Verified);
    }

    [Fact]
    public async Task The_code_sms_is_in_the_history_as_an_outbound_message_from_the_default_number()
    {
        var (_, code) = await SendCodeAsync();

        var thread = await Sms.GetMessagesAsync(Remote, Backend.DefaultNumber);

        var sms = Assert.Single(thread.Items);
        Assert.Equal(("Outbound", "Your code is " + code), (sms.Direction.Value, sms.Message));
    }
}
