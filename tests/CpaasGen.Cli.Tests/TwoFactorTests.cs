using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cpaas.Emulator;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>
/// <c>cpaas 2fa send|verify|resend|delete</c> (issue 12): the conventions of <c>cpaas sms</c> (flags or CPAAS_* variables,
/// <c>--json</c>, exit codes, usage errors naming flags before anything starts), "not verified" as exit 8, and the code
/// the user typed never printed.
/// </summary>
public sealed class TwoFactorTests
{
    private const string Phone = Emulators.Friend;

    private static string CodeOf(CpaasEmulator emulator, string codeId) => emulator.TwoFactorCodes.Single(c => c.CodeId == codeId).Code;

    private static async Task<string> SendAsync(CpaasEmulator emulator, params string[] extra)
    {
        var run = await Cli.RunAsync(Cli.At(emulator, new[] { "2fa", "send", "--to", Phone, "--json" }.Concat(extra).ToArray()));
        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        return run.Json().GetProperty("codeId").GetString()!;
    }

    /// <summary>Nothing the CLI printed contains <paramref name="code"/>.</summary>
    private static void AssertNeverPrinted(CliRun run, string code)
    {
        Assert.DoesNotContain(code, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(code, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_without_credentials_uses_the_embedded_emulator_and_prints_the_code_id()
    {
        var run = await Cli.RunAsync("2fa", "send", "--to", Phone);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("embedded", Assert.Single(run.ErrLines), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Code sent by SMS to " + Phone + "  (valid 120 s)", run.Out, StringComparison.Ordinal);
        Assert.Matches("code id  [0-9a-f-]{36}", run.Out);
    }

    [Fact]
    public async Task Send_then_verify_the_code_the_phone_got_exits_0_and_a_second_verify_exits_8()
    {
        await using var emulator = await Emulators.StartAsync();
        var codeId = await SendAsync(emulator);
        var code = CodeOf(emulator, codeId);

        var verified = await Cli.RunAsync(Cli.At(emulator, "2fa", "verify", codeId, "--code", code));
        var again = await Cli.RunAsync(Cli.At(emulator, "2fa", "verify", codeId, "--code", code));

        Assert.True(verified.ExitCode == ExitCodes.Ok, verified.ToString());
        Assert.StartsWith("Verified  (code id " + codeId, verified.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, verified.Err);
        Assert.True(again.ExitCode == ExitCodes.NotVerified, again.ToString());
        Assert.Equal(8, ExitCodes.NotVerified);
        Assert.StartsWith("Not verified: Code invalid or expired", again.Out, StringComparison.Ordinal);
        Assert.StartsWith("error: the code is not verified", Assert.Single(again.ErrLines), StringComparison.Ordinal);
        AssertNeverPrinted(verified, code);
        AssertNeverPrinted(again, code);
    }

    [Fact]
    public async Task Verify_with_json_prints_one_document_and_exits_8_for_a_wrong_code()
    {
        await using var emulator = await Emulators.StartAsync();
        var codeId = await SendAsync(emulator);
        var wrong = CodeOf(emulator, codeId) == "000000" ? "111111" : "000000";

        var run = await Cli.RunAsync(Cli.At(emulator, "2fa", "verify", codeId, "--code", wrong, "--json"));

        Assert.True(run.ExitCode == ExitCodes.NotVerified, run.ToString());
        var json = run.Json();
        Assert.False(json.GetProperty("verified").GetBoolean());
        Assert.Equal(codeId, json.GetProperty("codeId").GetString());
        Assert.Equal("Code invalid or expired", json.GetProperty("reason").GetString());
        Assert.Equal(string.Empty, run.Err);
        AssertNeverPrinted(run, wrong);
    }

    [Fact]
    public async Task The_code_can_come_from_standard_input_or_CPAAS_2FA_CODE_so_it_stays_out_of_the_command_line()
    {
        await using var emulator = await Emulators.StartAsync();
        var first = await SendAsync(emulator);
        var second = await SendAsync(emulator);

        var fromStdin = await Cli.RunWithInputAsync(Cli.NoEnvironment, CodeOf(emulator, first) + "\n", Cli.At(emulator, "2fa", "verify", first, "--code", "-"));
        var fromEnv = await Cli.RunAsync(new Dictionary<string, string> { ["CPAAS_2FA_CODE"] = CodeOf(emulator, second) }, Cli.At(emulator, "2fa", "verify", second));

        Assert.True(fromStdin.ExitCode == ExitCodes.Ok, fromStdin.ToString());
        Assert.True(fromEnv.ExitCode == ExitCodes.Ok, fromEnv.ToString());
        AssertNeverPrinted(fromStdin, CodeOf(emulator, first));
        AssertNeverPrinted(fromEnv, CodeOf(emulator, second));
    }

    [Fact]
    public async Task Resend_sends_a_new_code_and_only_that_one_verifies()
    {
        await using var emulator = await Emulators.StartAsync();
        var codeId = await SendAsync(emulator, "--length", "10", "--type", "alphanumeric");
        var old = CodeOf(emulator, codeId);

        var resent = await Cli.RunAsync(Cli.At(emulator, "2fa", "resend", codeId, "--to", Phone, "--length", "10", "--type", "alphanumeric", "--expiry", "300"));
        var fresh = CodeOf(emulator, codeId);

        Assert.True(resent.ExitCode == ExitCodes.Ok, resent.ToString());
        Assert.StartsWith("Code resent by SMS to " + Phone + "  (valid 300 s)", resent.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotVerified, (await Cli.RunAsync(Cli.At(emulator, "2fa", "verify", codeId, "--code", old))).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync(Cli.At(emulator, "2fa", "verify", codeId, "--code", fresh.ToLowerInvariant()))).ExitCode);
    }

    [Fact]
    public async Task Delete_removes_the_code_and_a_verify_of_it_is_an_api_error()
    {
        await using var emulator = await Emulators.StartAsync();
        var codeId = await SendAsync(emulator);
        var code = CodeOf(emulator, codeId);

        var deleted = await Cli.RunAsync(Cli.At(emulator, "2fa", "delete", codeId, "--json"));
        var verify = await Cli.RunAsync(Cli.At(emulator, "2fa", "verify", codeId, "--code", code));

        Assert.True(deleted.ExitCode == ExitCodes.Ok, deleted.ToString());
        Assert.True(deleted.Json().GetProperty("deleted").GetBoolean());
        Assert.True(verify.ExitCode == ExitCodes.ApiError, verify.ToString());
        Assert.Contains("404", Cli.AssertOneErrorLine(verify), StringComparison.Ordinal);
        AssertNeverPrinted(verify, code);
    }

    [Fact]
    public async Task A_code_by_email_needs_a_subject_and_is_recorded_by_the_emulator()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "2fa", "send", "--to", "jane@example.com", "--method", "email", "--subject", "Sign-in code", "--message", "Sign in with {code}"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Code sent by e-mail to jane@example.com", run.Out, StringComparison.Ordinal);
        var email = Assert.Single(emulator.SentEmails);
        Assert.Equal(("jane@example.com", "Sign-in code"), (email.To, email.Subject));
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { new[] { "2fa", "send", "--to", "6131234567" }, "--to" },
        { new[] { "2fa", "send", "--to", "jane@example.com" }, "--to" },
        { new[] { "2fa", "send", "--to", Phone, "--method", "email", "--subject", "s" }, "--to" },
        { new[] { "2fa", "send", "--to", "jane@example.com", "--method", "email" }, "--subject is required with --method email" },
        { new[] { "2fa", "send", "--to", Phone, "--subject", "s" }, "--subject is only sent with --method email" },
        { new[] { "2fa", "send", "--to", Phone, "--message", "no placeholder" }, "--message must contain the placeholder {code}" },
        { new[] { "2fa", "send", "--to", Phone, "--length", "3" }, "--length" },
        { new[] { "2fa", "send", "--to", Phone, "--length", "six" }, "--length" },
        { new[] { "2fa", "send", "--to", Phone, "--expiry", "29" }, "--expiry" },
        { new[] { "2fa", "send", "--to", Phone, "--method", "voice" }, "voice" },
        { new[] { "2fa", "send", "--to", Phone, "--type", "hex" }, "hex" },
        { new[] { "2fa", "send" }, "--to" },
        { new[] { "2fa", "verify", "a-code-id" }, "--code" },
        { new[] { "2fa", "verify", "a-code-id", "--code", "  " }, "--code" },
        { new[] { "2fa", "resend", "a-code-id" }, "--to" },
        { new[] { "2fa", "delete" }, "Required argument missing for command: 'delete'" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Bad_input_is_a_usage_error_naming_the_flag_before_anything_starts(string[] args, string named)
    {
        var run = await Cli.RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains(named, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", run.Err, StringComparison.OrdinalIgnoreCase); // no emulator was started
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Server_text_and_ids_are_printed_escaped()
    {
        using var output = new System.IO.StringWriter();

        Render.VerificationText(output, CpaasModelFactory.VerifyCodeResult("id" + HostileTextTests.Hostile, verified: false, reason: HostileTextTests.Hostile));

        HostileTextTests.AssertInert(output.ToString().TrimEnd('\n'));
    }
}
