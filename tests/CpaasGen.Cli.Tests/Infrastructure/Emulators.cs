using System;
using System.Threading.Tasks;
using Cpaas.Emulator;

namespace Cpaas.Cli.Tests;

/// <summary>Emulators started by the tests, for the CLI to be pointed at with --base-url or CPAAS_* variables.</summary>
internal static class Emulators
{
    /// <summary>A project number no default emulator has: seeing it in the CLI's output proves which emulator answered.</summary>
    public const string OwnNumber = "+16135550142";

    public const string Friend = "+16131234567";

    /// <summary>An emulator with the default credentials and <see cref="OwnNumber"/> as its only (default) number, unless <paramref name="configure"/> says otherwise.</summary>
    public static Task<CpaasEmulator> StartAsync(Func<CpaasEmulatorOptions, CpaasEmulatorOptions>? configure = null)
    {
        var options = new CpaasEmulatorOptions { Numbers = [OwnNumber], ShutdownTimeout = TimeSpan.FromMilliseconds(200) };
        return CpaasEmulator.StartAsync(configure is null ? options : configure(options));
    }

    /// <summary>An SDK client on the emulator, to check what the CLI did there.</summary>
    public static CpaasClient Client(CpaasEmulator emulator) => new(new CpaasClientOptions
    {
        BaseUrl = emulator.BaseUrl,
        ClientId = emulator.Options.ClientId,
        ClientSecret = emulator.Options.ClientSecret,
    });
}
