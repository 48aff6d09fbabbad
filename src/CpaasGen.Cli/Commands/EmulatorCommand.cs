using System.CommandLine;
using System.Threading.Tasks;
using Cpaas.Emulator;

namespace Cpaas.Cli.Commands;

/// <summary><c>cpaas emulator</c>: run the local Kandy emulator until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliApp app)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 7070 };
        var numbers = new Option<string[]>("--number") { Description = "A number owned by the project; repeat for several (the first is the default SMS number).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("emulator", "Run a local Kandy CPaaS emulator (then: CPAAS_BASE_URL=http://127.0.0.1:7070 cpaas sms send …).") { port, numbers };
        command.SetAction((parse, ct) => app.GuardAsync(async () =>
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

            await CpaasEmulator.RunAsync(options, app.Out, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
