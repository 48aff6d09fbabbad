using System;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Emulator;

namespace Cpaas.Cli.Commands;

/// <summary>
/// <c>cpaas demo</c>: the whole seed document, for real, over HTTP, through the SDK, against an embedded emulator:
/// send from <c>default</c>, subscribe a local webhook, receive an inbound SMS and the outbound-sync notification,
/// unassign the number (cancellation notification), the 403 for an unowned sender, and a two-factor code sent by SMS,
/// read on the handset and verified (a wrong code and a second verification refused).
/// </summary>
internal static class DemoCommand
{
    private static readonly TimeSpan NotificationTimeout = TimeSpan.FromSeconds(15);

    public static Command Create(CliApp app)
    {
        var keepRunning = new Option<bool>("--keep-running") { Description = "After the walk-through, keep the emulator and its inbox page running until Ctrl+C." };
        var command = new Command("demo", "Walk through everything the SMS guide describes against an embedded emulator (no account needed); watch it live on the emulator's inbox page.") { keepRunning };
        command.SetAction((parse, ct) => app.GuardAsync(parse, () => RunAsync(app, parse.GetValue(keepRunning), ct)));
        return command;
    }

    private static async Task<int> RunAsync(CliApp app, bool keepRunning, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var o = app.Out;
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions(), ct).ConfigureAwait(false);
        await using var webhook = await WebhookReceiver.StartAsync(0, "/inbound-sms/webhook", secret: "demo-" + Guid.NewGuid().ToString("N"), ct).ConfigureAwait(false);
        var defaultNumber = emulator.Options.Numbers[0];
        const string Friend = "+16131234567";
        o.WriteLine("Kandy CPaaS emulator   " + emulator.BaseUrl + "   (project numbers: " + string.Join(", ", emulator.Options.Numbers) + "; default " + defaultNumber + ")");
        o.WriteLine("Inbox page             " + emulator.BaseUrl + "   (open it in a browser: numbers, threads, webhook deliveries and two-factor codes, live)");
        o.WriteLine("Local webhook          " + webhook.Url.GetLeftPart(UriPartial.Path) + "   (shared secret in the URL)");
        o.WriteLine();

        using var client = new CpaasClient(new CpaasClientOptions
        {
            BaseUrl = emulator.BaseUrl,
            ClientId = emulator.Options.ClientId,
            ClientSecret = emulator.Options.ClientSecret,
        }, new HttpClient(), null);
        var conversation = client.Conversation;

        Step(o, 1, "Send \"hi :)\" to " + Friend + " from \"default\"");
        var sent = await conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = [Friend], SenderAddress = PhoneAddress.DefaultSender, Message = "hi :)" }, ct).ConfigureAwait(false);
        Render.SentText(o, sent, PhoneAddress.DefaultSender);
        o.WriteLine();

        Step(o, 2, "Subscribe the local webhook to inbound SMS for " + defaultNumber);
        var sub = await conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = webhook.Url, DestinationAddress = defaultNumber }, ct).ConfigureAwait(false);
        o.WriteLine("Subscribed " + sub.DestinationAddress + "  subscription " + sub.SubscriptionId + "  channel " + sub.ChannelId);
        o.WriteLine();

        Step(o, 3, "An SMS arrives from " + Friend + " (the emulator plays the network)");
        await emulator.SimulateInboundSmsAsync(Friend, defaultNumber, "hi back!", ct).ConfigureAwait(false);
        var inbound = await webhook.WaitForAsync<InboundSmsNotification>(NotificationTimeout, ct).ConfigureAwait(false);
        o.Write("webhook received  ");
        Render.NotificationText(o, inbound);
        o.WriteLine();

        Step(o, 4, "Send again: every send from a subscribed number is synced to the webhook (outbound notification)");
        var reply = await conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = [Friend], SenderAddress = defaultNumber, Message = "glad you got it" }, ct).ConfigureAwait(false);
        Render.SentText(o, reply, defaultNumber);
        var outbound = await webhook.WaitForAsync<OutboundSmsNotification>(NotificationTimeout, ct).ConfigureAwait(false);
        o.Write("webhook received  ");
        Render.NotificationText(o, outbound);
        o.WriteLine();

        Step(o, 5, "The thread, from the message history");
        var page = await conversation.GetMessagesAsync(Friend, defaultNumber, new HistoryQuery { Max = 10 }, ct).ConfigureAwait(false);
        foreach (var m in page.Items)
        {
            o.WriteLine("  " + TerminalText.Escape(m.Direction.Value).PadRight(8) + " " + TerminalText.Escape(m.Status?.Value).PadRight(20) + " \"" + TerminalText.Escape(m.Message) + "\"");
        }

        o.WriteLine();
        Step(o, 6, "Unassign " + defaultNumber + " from the project: its subscription is cancelled");
        await emulator.UnassignNumberAsync(defaultNumber, ct).ConfigureAwait(false);
        var cancelled = await webhook.WaitForAsync<SmsSubscriptionCancellationNotification>(NotificationTimeout, ct).ConfigureAwait(false);
        o.Write("webhook received  ");
        Render.NotificationText(o, cancelled);
        o.WriteLine();

        const string NotOurs = "+16130000000";
        Step(o, 7, "Send from " + NotOurs + ", a number the project does not own");
        try
        {
            await conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = [Friend], SenderAddress = NotOurs, Message = "hi" }, ct).ConfigureAwait(false);
            throw new CliException("The emulator accepted a send from a number the project does not own.", ExitCodes.Failed);
        }
        catch (CpaasApiException ex) when (ex.StatusCode == 403)
        {
            o.WriteLine("CpaasApiException " + ex.StatusCode + " " + ex.ExceptionId + " (" + ex.Kind + ")");
            o.WriteLine("  " + ex.Message);
        }

        o.WriteLine();

        // ---- step 8: two-factor authentication (issue 12; DemoTwoFactorStep.cs) ----
        Step(o, 8, "Two-factor authentication: send a code by SMS to " + Friend + ", read it on the handset, verify it");
        await DemoTwoFactorStep.RunAsync(o, client, emulator, Friend, ct).ConfigureAwait(false);
        o.WriteLine();
        // ---- end of step 8 ----

        o.WriteLine("Done in " + clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s: sent, subscribed, received inbound + outbound-sync + cancellation notifications, saw the 403, and verified a two-factor code.");
        if (keepRunning)
        {
            o.WriteLine("The emulator and its inbox page stay up at " + emulator.BaseUrl + " until Ctrl+C.");
            o.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }
        }

        return ExitCodes.Ok;
    }

    private static void Step(System.IO.TextWriter o, int n, string title) => o.WriteLine("── " + n + ". " + title);
}
