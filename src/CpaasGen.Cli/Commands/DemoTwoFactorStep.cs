using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Emulator;

namespace Cpaas.Cli.Commands;

/// <summary>
/// The demo's two-factor step (issue 12), on its own: send a code by SMS, read it on the "handset" (the newest SMS of
/// the phone's thread in the emulator's message history, as a phone shows it), show that a wrong code is refused, verify
/// the right one, and show that verifying it again is refused (it is used up).
/// </summary>
internal static partial class DemoTwoFactorStep
{
    private const string Template = "Your Kandy demo code is {code}";

    public static async Task RunAsync(TextWriter o, CpaasClient client, CpaasEmulator emulator, string phone, CancellationToken ct)
    {
        var request = new SendCodeRequest { DestinationAddress = phone, Message = Template };
        var sent = await client.TwoFactor.SendCodeAsync(request, ct).ConfigureAwait(false);
        Render.CodeSentText(o, sent, request, resent: false);

        // The handset: the code SMS came from the project's default number, into the phone's thread.
        var sender = emulator.AssignedNumbers[0];
        var page = await client.Conversation.GetMessagesAsync(phone, sender, new HistoryQuery { Max = 1 }, ct).ConfigureAwait(false);
        var text = page.Items.Count == 1 ? page.Items[0].Message : null;
        var match = CodeInMessage().Match(text ?? string.Empty);
        if (!match.Success)
        {
            throw new CliException("The handset did not receive the code SMS from " + sender + ".", ExitCodes.Failed);
        }

        var code = match.Groups[1].Value;
        o.WriteLine("handset " + phone + " received from " + sender + ":  \"" + TerminalText.Escape(text) + "\"");

        var wrong = code == "000000" ? "111111" : "000000";
        await VerifyAsync(o, client, sent.CodeId, wrong, "a wrong code     ", expected: false, ct).ConfigureAwait(false);
        await VerifyAsync(o, client, sent.CodeId, code, "the code received", expected: true, ct).ConfigureAwait(false);
        await VerifyAsync(o, client, sent.CodeId, code, "the same, again  ", expected: false, ct).ConfigureAwait(false);
    }

    private static async Task VerifyAsync(TextWriter o, CpaasClient client, string codeId, string code, string what, bool expected, CancellationToken ct)
    {
        var result = await client.TwoFactor.VerifyCodeAsync(codeId, code, ct).ConfigureAwait(false);
        o.Write("verify " + what + " " + code + "  → ");
        Render.VerificationText(o, result);
        if (result.Verified != expected)
        {
            throw new CliException("The emulator answered " + (result.Verified ? "verified" : "not verified") + " to " + what.Trim() + ".", ExitCodes.Failed);
        }
    }

    [GeneratedRegex("^Your Kandy demo code is ([0-9]{6})$")]
    private static partial Regex CodeInMessage();
}
