using System;
using System.CommandLine;
using System.Linq;
using System.Threading;
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
        command.SetAction((parse, ct) => app.GuardAsync(async () =>
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

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Subscribe(CliApp app)
    {
        var webhook = new Option<string>("--webhook") { Description = "Your public webhook URL (http or https).", Required = true };
        var number = new Option<string?>("--number") { Description = "The number to receive SMS for (default: your default number)." };
        var command = new Command("subscribe", "Subscribe a webhook to inbound SMS.") { webhook, number };
        command.SetAction((parse, ct) => app.GuardAsync(async () =>
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
        command.SetAction((parse, ct) => app.GuardAsync(async () =>
        {
            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var result = await connection.Client.Conversation.UnsubscribeAsync(parse.GetValue(id)!, ct).ConfigureAwait(false);
            if (app.IsJson(parse))
            {
                Render.Json(app.Out, new System.Text.Json.Nodes.JsonObject { ["subscriptionId"] = result.SubscriptionId, ["channelId"] = result.ChannelId, ["channelDeleted"] = result.ChannelDeleted });
            }
            else
            {
                app.Out.WriteLine("Unsubscribed " + result.SubscriptionId + (result.ChannelDeleted ? " (webhook channel " + result.ChannelId + " deleted)" : string.Empty));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Subscriptions(CliApp app)
    {
        var command = new Command("subscriptions", "List inbound-SMS subscriptions.");
        command.SetAction((parse, ct) => app.GuardAsync(async () =>
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
                    app.Out.WriteLine(s.SubscriptionId + "  " + s.DestinationAddress + "  → " + s.NotifyUrl);
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Threads(CliApp app)
    {
        var remote = new Option<string?>("--remote") { Description = "Only threads with this remote number." };
        var max = new Option<int?>("--max") { Description = "Page size (1 or more)." };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--max must be 1 or more.");
            }
        });
        var next = new Option<string?>("--next") { Description = "Page pointer from a previous page." };
        var command = new Command("threads", "List conversation threads.") { remote, max, next };
        command.SetAction((parse, ct) => app.GuardAsync(async () =>
        {
            await using var connection = await app.ConnectAsync(parse, ct).ConfigureAwait(false);
            var query = new HistoryQuery { Max = parse.GetValue(max), Next = parse.GetValue(next) };
            var page = parse.GetValue(remote) is { } r
                ? await connection.Client.Conversation.GetThreadsAsync(r, query, ct).ConfigureAwait(false)
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
                    app.Out.WriteLine(t.LocalAddress + " ↔ " + t.RemoteAddress + "  " + t.Length + " message(s), " + t.NewMessageCount + " new  last: \"" + t.LastText + "\"");
                }

                if (page.Next is not null)
                {
                    app.Out.WriteLine("more: --next " + page.Next);
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
        var max = new Option<int?>("--max") { Description = "Page size (1 or more)." };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--max must be 1 or more.");
            }
        });
        var next = new Option<string?>("--next") { Description = "Page pointer from a previous page." };
        var all = new Option<bool>("--all") { Description = "Follow the pages to the end." };
        var command = new Command("messages", "List the messages of a thread.") { remote, local, max, next, all };
        command.SetAction((parse, ct) => app.GuardAsync(async () =>
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
                    app.Out.WriteLine((m.DateTimeOffset?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "?") + "  " + (m.Type ?? "?").PadRight(8) + " " + (m.Status?.Value ?? string.Empty).PadRight(20) + " \"" + m.Message + "\"  " + m.MessageId);
                }

                if (nextPointer is not null)
                {
                    app.Out.WriteLine("more: --next " + nextPointer);
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
