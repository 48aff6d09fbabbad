using System;
using System.CommandLine;
using System.Threading.Tasks;

namespace Cpaas.Cli.Commands;

/// <summary><c>cpaas webhook listen</c>: a local receiver that prints every parsed notification.</summary>
internal static class WebhookCommand
{
    public static Command Create(CliApp app)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 5080 };
        var path = new Option<string>("--path") { Description = "The webhook path.", DefaultValueFactory = _ => "/webhook" };
        var secret = new Option<string?>("--secret") { Description = "Require this shared secret (?token=… or X-Cpaas-Webhook-Token)." };
        var listen = new Command("listen", "Run a local webhook receiver that prints each notification Kandy (or the emulator) POSTs to it.") { port, path, secret };
        listen.SetAction((parse, ct) => app.GuardAsync(async () =>
        {
            await using var receiver = await WebhookReceiver.StartAsync(parse.GetValue(port), parse.GetValue(path)!, parse.GetValue(secret), ct).ConfigureAwait(false);
            await app.Err.WriteLineAsync("Listening on " + receiver.Url + " — subscribe it with: cpaas sms subscribe --webhook " + receiver.Url + "  (Ctrl+C to stop)").ConfigureAwait(false);
            try
            {
                await foreach (var notification in receiver.Notifications.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    if (app.IsJson(parse))
                    {
                        Render.Json(app.Out, Render.Notification(notification));
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
