using System;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;

namespace Cpaas.Cli.Commands;

/// <summary><c>cpaas sms send|subscribe|unsubscribe|subscriptions|threads|messages</c>.</summary>
internal static class SmsCommands
{
    public static Command Create(CliApp app)
    {
        var sms = new Command("sms", "Send SMS, manage inbound-SMS subscriptions, read the history.");
        sms.Subcommands.Add(Send(app));
        sms.Subcommands.Add(Subscribe(app));
        sms.Subcommands.Add(Unsubscribe(app));
        sms.Subcommands.Add(Subscriptions(app));
        sms.Subcommands.Add(Threads(app));
        sms.Subcommands.Add(Messages(app));
        return sms;
    }

    private static Command Send(CliApp app)
    {
        // One value per --to (repeat it for several), so the message can follow it: --to +1613… "hello".
        var to = new Option<string[]>("--to") { Description = "Destination (+16131234567, tel:+…, sip:…@domain); repeat --to for several.", Required = true };
        var from = new Option<string>("--from") { Description = "Sender number, or \"default\" for your default SMS number.", DefaultValueFactory = _ => PhoneAddress.DefaultSender };
        var message = new Argument<string>("message") { Description = "The text to send." };
        var command = new Command("send", "Send an SMS.") { to, from, message };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            // Checked before anything starts, with the CLI's own flag names.
            foreach (var destination in parse.GetValue(to)!)
            {
                PhoneAddress.Validate(destination, "--to");
            }

            var sender = parse.GetValue(from)!;
            if (!string.Equals(sender, PhoneAddress.DefaultSender, StringComparison.OrdinalIgnoreCase))
            {
                PhoneAddress.Validate(sender, "--from");
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(message)))
            {
                throw new CliException("the message is empty or only whitespace: nothing would be worth sending.", ExitCodes.Usage);
            }

            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var sent = await connection.Client.Conversation.CreateMessageAsync(new CreateMessageRequest
            {
                DestinationAddress = parse.GetValue(to)!,
                SenderAddress = sender,
                Message = parse.GetValue(message)!,
            }, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, Render.Sent(sent, sender));
            }
            else
            {
                Render.SentText(app.Out, sent, sender);
            }

            var impossible = sent.DeliveryInfo.Where(d => d.DeliveryStatus == DeliveryStatus.DeliveryImpossible).Select(d => d.DestinationAddress).ToList();
            if (impossible.Count == 0)
            {
                return ExitCodes.Ok;
            }

            // The result is printed (stdout keeps its one document); the exit code and, in text mode, a line say it failed.
            if (!app.IsJson(parse))
            {
                await app.Err.WriteLineAsync("error: Kandy accepted the send but reported DeliveryImpossible for " + TerminalText.Escape(string.Join(", ", impossible)) + ".").ConfigureAwait(false);
            }

            return ExitCodes.NotDelivered;
        }));
        return command;
    }

    private static Command Subscribe(CliApp app)
    {
        var webhook = new Option<string>("--webhook") { Description = "Your public webhook URL (http or https).", Required = true };
        var number = new Option<string?>("--number") { Description = "The number to receive SMS for (default: your default number)." };
        var command = new Command("subscribe", "Subscribe a webhook to inbound SMS.") { webhook, number };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            if (!Uri.TryCreate(parse.GetValue(webhook), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException("--webhook must be an absolute http or https URL.");
            }

            if (parse.GetValue(number) is { } subscribed)
            {
                PhoneAddress.Validate(subscribed, "--number");
            }

            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var sub = await connection.Client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = url, DestinationAddress = parse.GetValue(number) }, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, Render.Subscribed(sub));
            }
            else
            {
                Render.SubscribedText(app.Out, sub);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Unsubscribe(CliApp app)
    {
        var id = new Argument<string>("subscription-id") { Description = "The subscription to remove." };
        var command = new Command("unsubscribe", "Remove an inbound-SMS subscription (and its webhook channel).") { id };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var result = await connection.Client.Conversation.UnsubscribeAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, new System.Text.Json.Nodes.JsonObject { ["subscriptionId"] = result.SubscriptionId, ["channelId"] = result.ChannelId, ["channelDeleted"] = result.ChannelDeleted });
            }
            else
            {
                app.Out.WriteLine("Unsubscribed " + TerminalText.Escape(result.SubscriptionId) + (result.ChannelDeleted ? " (webhook channel " + TerminalText.Escape(result.ChannelId) + " deleted)" : string.Empty));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Subscriptions(CliApp app)
    {
        var command = new Command("subscriptions", "List inbound-SMS subscriptions.");
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var list = await connection.Client.Conversation.GetSubscriptionsAsync(ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, Render.Array(list.Select(Render.Subscription)));
            }
            else if (list.Count == 0)
            {
                app.Out.WriteLine("No subscriptions.");
            }
            else
            {
                foreach (var s in list)
                {
                    app.Out.WriteLine(TerminalText.Escape(s.SubscriptionId) + "  " + TerminalText.Escape(s.DestinationAddress) + "  → " + TerminalText.Escape(s.ChannelId));
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Threads(CliApp app)
    {
        var remote = new Option<string?>("--remote") { Description = "Only threads with this remote number." };
        var max = CliOptions.PageSize();
        var next = new Option<string?>("--next") { Description = "Page pointer from a previous page." };
        var command = new Command("threads", "List conversation threads.") { remote, max, next };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var query = new HistoryQuery { Max = parse.GetValue(max), Next = parse.GetValue(next) };
            var page = parse.GetValue(remote) is { } r
                ? await connection.Client.Conversation.GetThreadsWithRemoteAddressAsync(r, query, ct).ConfigureAwait(false)
                : await connection.Client.Conversation.GetThreadsAsync(query, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, new System.Text.Json.Nodes.JsonObject { ["threads"] = Render.Array(page.Items.Select(Render.Thread)), ["next"] = page.Next });
            }
            else
            {
                if (page.Items.Count == 0)
                {
                    app.Out.WriteLine("No threads.");
                }

                foreach (var t in page.Items)
                {
                    app.Out.WriteLine(TerminalText.Escape(t.LocalAddress) + " ↔ " + TerminalText.Escape(t.RemoteAddress) + "  " + t.Length + " message(s), " + t.NewMessageCount + " new  last: \"" + TerminalText.Escape(t.LastText) + "\"");
                }

                if (page.Next is not null)
                {
                    app.Out.WriteLine("more: --next " + TerminalText.Escape(page.Next));
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Messages(CliApp app)
    {
        var remote = new Option<string>("--remote") { Description = "The other party's number.", Required = true };
        var local = new Option<string>("--local") { Description = "Your number.", Required = true };
        var max = CliOptions.PageSize();
        var next = new Option<string?>("--next") { Description = "Page pointer from a previous page." };
        var all = new Option<bool>("--all") { Description = "Follow the pages to the end." };
        var command = new Command("messages", "List the messages of a thread.") { remote, local, max, next, all };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var query = new HistoryQuery { Max = parse.GetValue(max), Next = parse.GetValue(next) };
            var conversation = connection.Client.Conversation;
            var messages = new System.Collections.Generic.List<SmsMessage>();
            string? nextPointer = null;
            if (parse.GetValue(all))
            {
                await foreach (var m in conversation.GetAllMessagesAsync(parse.GetValue(remote)!, parse.GetValue(local)!, query, ct).ConfigureAwait(false))
                {
                    messages.Add(m);
                }
            }
            else
            {
                var page = await conversation.GetMessagesAsync(parse.GetValue(remote)!, parse.GetValue(local)!, query, ct).ConfigureAwait(false);
                messages.AddRange(page.Items);
                nextPointer = page.Next;
            }

            if (app.IsJson(parse))
            {
                Render.Json(app.Out, new System.Text.Json.Nodes.JsonObject { ["messages"] = Render.Array(messages.Select(Render.Message)), ["next"] = nextPointer });
            }
            else
            {
                if (messages.Count == 0)
                {
                    app.Out.WriteLine("No messages.");
                }

                foreach (var m in messages)
                {
                    app.Out.WriteLine((m.CreatedOn?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "?") + "  " + TerminalText.Escape(m.Direction.Value).PadRight(8) + " " + TerminalText.Escape(m.Status?.Value).PadRight(20) + " \"" + TerminalText.Escape(m.Message) + "\"  " + TerminalText.Escape(m.MessageId));
                }

                if (nextPointer is not null)
                {
                    app.Out.WriteLine("more: --next " + TerminalText.Escape(nextPointer));
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
