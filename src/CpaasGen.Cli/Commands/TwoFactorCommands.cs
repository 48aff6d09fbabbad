using System;
using System.CommandLine;

namespace Cpaas.Cli.Commands;

/// <summary>
/// <c>cpaas 2fa send|verify|resend|delete</c>: two-factor codes by SMS or e-mail, with the conventions of <c>cpaas sms</c>
/// (flags or CPAAS_* variables, <c>--json</c>, exit codes, escaped output). A code that is not verified exits
/// <see cref="ExitCodes.NotVerified"/>. The CLI never knows the code Kandy sends, and never prints the one you type.
/// </summary>
internal static class TwoFactorCommands
{
    private const string CodeVariable = "CPAAS_2FA_CODE";

    /// <summary>The SDK names its settings; the user typed flags.</summary>
    private static readonly (string Sdk, string Cli)[] FlagNames =
    [
        ("set Method = TwoFactorMethod.Email", "add --method email"),
        ("TwoFactorMethod.Sms or TwoFactorMethod.Email", "sms or email"),
        ("Method is Email", "--method is email"),
        ("with Method Email", "with --method email"),
        ("DestinationAddress", "--to"),
        ("Message", "--message"),
        ("Length", "--length"),
        ("Expiry", "--expiry"),
        ("Subject", "--subject"),
    ];

    public static Command Create(CliApp app)
    {
        var command = new Command("2fa", "Two-factor authentication codes by SMS or e-mail: send one, verify what the user typed, resend, delete.");
        command.Subcommands.Add(Send(app, resend: false));
        command.Subcommands.Add(Verify(app));
        command.Subcommands.Add(Send(app, resend: true));
        command.Subcommands.Add(Delete(app));
        return command;
    }

    private static Command Send(CliApp app, bool resend)
    {
        var codeId = new Argument<string>("code-id") { Description = "The code id that `cpaas 2fa send` printed." };
        var to = new Option<string>("--to") { Description = "Where the code goes: a phone number (+16131234567, tel:+…) for --method sms, an e-mail address for --method email.", Required = true };
        var method = new Option<string>("--method") { Description = "sms (default) or email.", DefaultValueFactory = _ => "sms" };
        method.AcceptOnlyFromAmong("sms", "email");
        var message = new Option<string>("--message") { Description = "The text, with {code} where Kandy puts the code.", DefaultValueFactory = _ => "Your code is {code}" };
        var length = CliOptions.Range("--length", SendCodeRequest.MinimumLength, SendCodeRequest.MaximumLength, 6, "Characters of the code, 4 to 10 (default 6).");
        var type = new Option<string>("--type") { Description = "numeric (default), alphanumeric or alphabetic.", DefaultValueFactory = _ => "numeric" };
        type.AcceptOnlyFromAmong("numeric", "alphanumeric", "alphabetic");
        var expiry = CliOptions.Range("--expiry", 30, 3600, 120, "Seconds the code stays valid, 30 to 3600 (default 120).");
        var subject = new Option<string?>("--subject") { Description = "The e-mail's subject line (required with --method email)." };
        var command = resend
            ? new Command("resend", "Send a new code through the same code resource; the previous code stops working.") { codeId, to, method, message, length, type, expiry, subject }
            : new Command("send", "Have Kandy generate a one-time code and send it by SMS or e-mail; prints the code id.") { to, method, message, length, type, expiry, subject };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            var request = new SendCodeRequest
            {
                DestinationAddress = parse.GetValue(to)!,
                Method = parse.GetValue(method) == "email" ? TwoFactorMethod.Email : TwoFactorMethod.Sms,
                Message = parse.GetValue(message)!,
                Length = parse.GetValue(length),
                Type = parse.GetValue(type) switch { "alphanumeric" => TwoFactorCodeType.Alphanumeric, "alphabetic" => TwoFactorCodeType.Alphabetic, _ => TwoFactorCodeType.Numeric },
                Expiry = TimeSpan.FromSeconds(parse.GetValue(expiry)),
                Subject = parse.GetValue(subject),
            };
            Check(request.Validate); // before anything starts, in the CLI's own words
            var id = resend ? RequireCodeId(parse.GetValue(codeId)) : null;

            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var sent = resend
                ? await connection.Client.TwoFactor.ResendCodeAsync(id!, request, ct).ConfigureAwait(false)
                : await connection.Client.TwoFactor.SendCodeAsync(request, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, Render.CodeSent(sent, request, resend));
            }
            else
            {
                Render.CodeSentText(app.Out, sent, request, resend);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Verify(CliApp app)
    {
        var codeId = new Argument<string>("code-id") { Description = "The code id that `cpaas 2fa send` printed." };
        var code = new Option<string?>("--code") { Description = "The code the user typed; '-' reads it from standard input (env " + CodeVariable + "). Never printed." };
        var command = new Command("verify", "Check a code the user typed; exits " + ExitCodes.NotVerified + " when it is not the code Kandy sent (wrong, expired, used up).") { codeId, code };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            var id = RequireCodeId(parse.GetValue(codeId));
            var typed = parse.GetValue(code) ?? app.Environment(CodeVariable);
            if (typed == "-")
            {
                typed = await app.In.ReadLineAsync(ct).ConfigureAwait(false);
            }

            if (string.IsNullOrWhiteSpace(typed))
            {
                throw new CliException("the code to verify is missing or empty: give --code <code>, --code - (one line from standard input) or " + CodeVariable + ".", ExitCodes.Usage);
            }

            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var result = await connection.Client.TwoFactor.VerifyCodeAsync(id, typed, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, Render.Verification(result));
            }
            else
            {
                Render.VerificationText(app.Out, result);
            }

            if (result.Verified)
            {
                return ExitCodes.Ok;
            }

            // The result is printed (stdout keeps its one document); the exit code and, in text mode, a line say it failed.
            if (!app.IsJson(parse))
            {
                await app.Err.WriteLineAsync("error: the code is not verified (Kandy answered 403: wrong, expired, used up or invalidated).").ConfigureAwait(false);
            }

            return ExitCodes.NotVerified;
        }));
        return command;
    }

    private static Command Delete(CliApp app)
    {
        var codeId = new Argument<string>("code-id") { Description = "The code id that `cpaas 2fa send` printed." };
        var command = new Command("delete", "Delete a code resource: its code can no longer be verified.") { codeId };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            var id = RequireCodeId(parse.GetValue(codeId));
            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            await connection.Client.TwoFactor.DeleteCodeAsync(id, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, new System.Text.Json.Nodes.JsonObject { ["codeId"] = id, ["deleted"] = true });
            }
            else
            {
                app.Out.WriteLine("Deleted code " + TerminalText.Escape(id));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string RequireCodeId(string? codeId)
        => string.IsNullOrWhiteSpace(codeId)
            ? throw new CliException("the code id is empty: give the id that `cpaas 2fa send` printed.", ExitCodes.Usage)
            : codeId.Trim();

    /// <summary>Runs an SDK check and reports its failure as a usage error naming the CLI's flags.</summary>
    private static void Check(Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException ex)
        {
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace(" (Parameter '" + ex.ParamName + "')", string.Empty, StringComparison.Ordinal);
            foreach (var (sdk, cli) in FlagNames)
            {
                message = message.Replace(sdk, cli, StringComparison.Ordinal);
            }

            throw new CliException(message, ExitCodes.Usage);
        }
    }
}
