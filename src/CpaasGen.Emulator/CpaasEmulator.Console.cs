using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator;

/// <summary>The emulator as a console process (<c>cpaas emulator</c>): run until cancelled, with a banner.</summary>
public sealed partial class CpaasEmulator
{
    /// <summary>
    /// Starts an emulator, prints its base URL, credentials and numbers to the console, and runs until
    /// <paramref name="cancellationToken"/> is cancelled; then stops it. When <see cref="CpaasEmulatorOptions.LoggerFactory"/>
    /// is null, logs (every API operation and webhook delivery attempt) go to the console.
    /// </summary>
    /// <param name="options">The settings; null means all defaults.</param>
    /// <param name="cancellationToken">Stops the emulator (for example on Ctrl+C).</param>
    /// <returns>A task that completes when the emulator has stopped. Cancellation is the normal way to stop and does not throw.</returns>
    public static Task RunAsync(CpaasEmulatorOptions? options, CancellationToken cancellationToken) =>
        RunAsync(options, Console.Out, cancellationToken);

    /// <summary>
    /// Like <see cref="RunAsync(CpaasEmulatorOptions?, CancellationToken)"/>, printing the banner to
    /// <paramref name="output"/> instead of the console.
    /// </summary>
    /// <param name="options">The settings; null means all defaults.</param>
    /// <param name="output">Where to print the base URL, credentials and numbers.</param>
    /// <param name="cancellationToken">Stops the emulator.</param>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public static async Task RunAsync(CpaasEmulatorOptions? options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new CpaasEmulatorOptions();
        ILoggerFactory? ownedLoggerFactory = null;
        if (options.LoggerFactory is null)
        {
            ownedLoggerFactory = LoggerFactory.Create(logging => logging
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss ";
                }));
            options = options with { LoggerFactory = ownedLoggerFactory };
        }

        try
        {
            CpaasEmulator emulator;
            try
            {
                emulator = await StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            await using (emulator.ConfigureAwait(false))
            {
                await output.WriteLineAsync(emulator.DescribeForConsole()).ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
                await output.WriteLineAsync("Stopping the Kandy CPaaS emulator.").ConfigureAwait(false);
            }
        }
        finally
        {
            ownedLoggerFactory?.Dispose();
        }
    }

    private string DescribeForConsole()
    {
        var o = Options;
        var numbers = AssignedNumbers;
        var baseUrl = BaseUrl.GetLeftPart(UriPartial.Authority);
        return string.Join(Environment.NewLine,
            $"Kandy CPaaS emulator listening on {baseUrl}",
            $"  Base URL             {baseUrl}",
            $"  Inbox page           {baseUrl}/   (numbers, threads, webhook deliveries and two-factor codes, live; a handset to text a number)",
            $"  Project credentials  client_id={o.ClientId}  client_secret={o.ClientSecret}",
            $"  Account credentials  client_id={o.ClientId}  username={o.Email}  password={o.Password}",
            $"  User id              {o.UserId}",
            $"  Numbers              {(numbers.Count == 0 ? "(none)" : string.Join(", ", numbers.Select((n, i) => i == 0 ? n + " (default)" : n)))}",
            $"  Undeliverable        {(o.UndeliverableDestinations.Count == 0 ? "(none)" : string.Join(", ", o.UndeliverableDestinations))}",
            $"  Admin                GET {baseUrl}/emulator",
            $"                       POST {baseUrl}/emulator/inbound  {{\"from\":\"+16135550123\",\"to\":\"{(numbers.Count > 0 ? numbers[0] : "+16135550100")}\",\"message\":\"hi\"}}",
            $"                       POST {baseUrl}/emulator/numbers/{{number}}/unassign",
            $"                       GET {baseUrl}/emulator/deliveries",
            $"                       POST {baseUrl}/emulator/subscriptions  {{\"channelType\":\"Websockets\"}}   (another client's channel)",
            $"                       PUT {baseUrl}/emulator/error-body-shape  {{\"shape\":\"PlainMessage\"}}",
            $"                       GET {baseUrl}/emulator/codes   GET {baseUrl}/emulator/emails  (two-factor codes, e-mails sent)",
            "Running until cancelled (Ctrl+C).");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kandy CPaaS emulator listening on http://127.0.0.1:{Port} (user {UserId})")]
    private static partial void LogListening(ILogger logger, int port, string userId);
}
