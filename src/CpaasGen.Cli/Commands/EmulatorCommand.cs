using System.CommandLine;
using Cpaas.Emulator;
using Microsoft.Extensions.Logging;

namespace Cpaas.Cli.Commands;

/// <summary><c>cpaas emulator</c>: run the local Kandy emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliApp app)
    {
        var port = CliOptions.Port(7070);
        var numbers = new Option<string[]>("--number") { Description = "A number owned by the project; repeat for several (the first is the default SMS number).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("emulator", "Run a local Kandy CPaaS emulator (then: CPAAS_BASE_URL=http://127.0.0.1:7070 CPAAS_CLIENT_ID=… CPAAS_CLIENT_SECRET=… cpaas sms send …, with the credentials it prints).") { port, numbers };
        command.SetAction((parse, ct) => app.GuardAsync(parse, async () =>
        {
            var options = new CpaasEmulatorOptions { Port = parse.GetValue(port) };
            if (parse.GetValue(numbers) is { Length: > 0 } owned)
            {
                foreach (var n in owned)
                {
                    PhoneAddress.Validate(n, "--number");
                }

                options = options with { Numbers = owned };
            }

            // The emulator's console log, except the host's own start-up failure: the CLI reports that in one line.
            using var logging = LoggerFactory.Create(builder => builder
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss ";
                }));
            try
            {
                await CpaasEmulator.RunAsync(options with { LoggerFactory = logging }, app.Out, ct).ConfigureAwait(false);
            }
            catch (System.Exception ex) when (WebhookReceiver.IsBindFailure(ex))
            {
                throw WebhookReceiver.PortUnavailable(options.Port, ex);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
