using System;
using System.CommandLine;
using System.Threading.Tasks;

namespace Cpaas.Cli.Commands;

/// <summary><c>cpaas webhook listen</c>: a local receiver that prints every parsed notification (one line, or one JSON object per line).</summary>
internal static class WebhookCommand
{
    public static Command Create(CliApp app)
    {
        var port = CliOptions.Port(5080);
        var path = new Option<string>("--path") { Description = "The webhook path.", DefaultValueFactory = _ => "/webhook" };
        var secret = new Option<string?>("--secret") { Description = "Require this shared secret (16+ characters; ?token=… or X-Cpaas-Webhook-Token). It is never printed." };
        var listen = new Command("listen", "Run a local webhook receiver that prints each notification Kandy (or the emulator) POSTs to it.") { port, path, secret };
        listen.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            var given = parse.GetValue(secret);
            await using var receiver = await WebhookReceiver.StartAsync(parse.GetValue(port), parse.GetValue(path)!, given, ct).ConfigureAwait(false);
            var subscribeWith = given is null ? receiver.Url.ToString() : receiver.Url.GetLeftPart(UriPartial.Path) + "?token=<your --secret>";
            await app.Err.WriteLineAsync("Listening on " + receiver.DisplayUrl + " — subscribe it with: cpaas sms subscribe --webhook '" + subscribeWith + "'  (Ctrl+C to stop)").ConfigureAwait(false);
            if (given is null)
            {
                await app.Err.WriteLineAsync("(no --secret: any program on this machine can post to it; give --secret to require one)").ConfigureAwait(false);
            }

            var json = app.IsJson(parse);
            try
            {
                await foreach (var notification in receiver.Notifications.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    if (json)
                    {
                        Render.JsonLine(app.Out, Render.Notification(notification)); // NDJSON: one object per line
                    }
                    else
                    {
                        Render.NotificationText(app.Out, notification);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Ok;
        }));

        var webhook = new Command("webhook", "Receive webhook notifications locally.");
        webhook.Subcommands.Add(listen);
        return webhook;
    }
}
