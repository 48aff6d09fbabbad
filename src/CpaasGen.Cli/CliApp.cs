using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Cli.Commands;
using Cpaas.Emulator;

namespace Cpaas.Cli;

/// <summary>
/// The command tree and what every command shares: credentials (flags, then CPAAS_* environment variables, else
/// the embedded emulator), output (text or <c>--json</c>), and turning failures into one line and an exit code.
/// </summary>
internal sealed class CliApp
{
    public CliApp(TextWriter output, TextWriter error, Func<string, string?>? environment = null)
    {
        Out = output;
        Err = error;
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
        BaseUrl = new Option<string?>("--base-url") { Description = "Kandy CPaaS base URL (env CPAAS_BASE_URL). Without credentials the embedded emulator is used.", Recursive = true };
        ClientId = new Option<string?>("--client-id") { Description = "Private project key or account client id (env CPAAS_CLIENT_ID).", Recursive = true };
        ClientSecret = new Option<string?>("--client-secret") { Description = "Private project secret (env CPAAS_CLIENT_SECRET).", Recursive = true };
        Email = new Option<string?>("--email") { Description = "Account email, with --password (env CPAAS_EMAIL).", Recursive = true };
        Password = new Option<string?>("--password") { Description = "Account password (env CPAAS_PASSWORD).", Recursive = true };
        Json = new Option<bool>("--json") { Description = "Print JSON instead of text.", Recursive = true };
    }

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    public Func<string, string?> Environment { get; }

    public Option<string?> BaseUrl { get; }

    public Option<string?> ClientId { get; }

    public Option<string?> ClientSecret { get; }

    public Option<string?> Email { get; }

    public Option<string?> Password { get; }

    public Option<bool> Json { get; }

    public Task<int> RunAsync(string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>Runs the tool; stops on <paramref name="cancellationToken"/>, Ctrl+C (SIGINT) or SIGTERM.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var root = new RootCommand("cpaas — Kandy CPaaS SMS from the command line. Without credentials it runs against an embedded local emulator.");
        foreach (var option in new Option[] { BaseUrl, ClientId, ClientSecret, Email, Password, Json })
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(SmsCommands.Create(this));
        root.Subcommands.Add(WebhookCommand.Create(this));
        root.Subcommands.Add(EmulatorCommand.Create(this));
        root.Subcommands.Add(DemoCommand.Create(this));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // "Required command was not provided" only adds noise next to a more specific error (e.g. an unknown command).
            var errors = parse.Errors.Select(e => e.Message).ToList();
            if (errors.Count > 1)
            {
                errors.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
            }

            foreach (var error in errors)
            {
                await Err.WriteLineAsync("error: " + error).ConfigureAwait(false);
            }

            await Err.WriteLineAsync("Run 'cpaas --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(System.Runtime.InteropServices.PosixSignalContext context)
        {
            context.Cancel = true; // stop gracefully (webhook listen, emulator), do not kill the process
            cancel.Cancel();
        }

        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = Out, Error = Err }, cancel.Token).ConfigureAwait(false);
    }

    /// <summary>Runs a command body, mapping failures to one line on stderr and an exit code (no stack traces).</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CpaasApiException ex) when (ex.Kind == CpaasErrorKind.Transport)
        {
            // Before the authentication check: an unreachable token endpoint is a network problem, not bad credentials.
            await Err.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Unreachable;
        }
        catch (CpaasAuthenticationException ex)
        {
            await Err.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Authentication;
        }
        catch (CpaasApiException ex)
        {
            await Err.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.ApiError;
        }
        catch (ArgumentException ex)
        {
            // "… (Parameter 'x')" is for developers; the CLI names its own flags in the message.
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace(" (Parameter '" + ex.ParamName + "')", string.Empty, StringComparison.Ordinal);
            await Err.WriteLineAsync("error: " + message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Err.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (CliException ex)
        {
            await Err.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ex.ExitCode;
        }
    }

    /// <summary>
    /// Resolves where to connect: flags, then environment variables; with neither a base URL nor a client id, starts
    /// the embedded emulator for the command's lifetime.
    /// </summary>
    public async Task<Connection> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var baseUrl = parse.GetValue(BaseUrl) ?? Environment("CPAAS_BASE_URL");
        var clientId = parse.GetValue(ClientId) ?? Environment("CPAAS_CLIENT_ID");
        var secret = parse.GetValue(ClientSecret) ?? Environment("CPAAS_CLIENT_SECRET");
        var email = parse.GetValue(Email) ?? Environment("CPAAS_EMAIL");
        var password = parse.GetValue(Password) ?? Environment("CPAAS_PASSWORD");

        CpaasEmulator? embedded = null;
        if (string.IsNullOrWhiteSpace(baseUrl) && string.IsNullOrWhiteSpace(clientId))
        {
            embedded = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions(), cancellationToken).ConfigureAwait(false);
            baseUrl = embedded.BaseUrl.ToString();
            clientId = embedded.Options.ClientId;
            secret = embedded.Options.ClientSecret;
            await Err.WriteLineAsync("(no credentials given: using an embedded Kandy emulator at " + embedded.BaseUrl + "; it stops with this command, so nothing is kept — run `cpaas emulator` and set CPAAS_BASE_URL to keep state)").ConfigureAwait(false);
        }
        else if (!string.IsNullOrWhiteSpace(baseUrl) && string.IsNullOrWhiteSpace(clientId) && string.IsNullOrWhiteSpace(secret) && string.IsNullOrWhiteSpace(email))
        {
            // Only a base URL: assume an emulator started with `cpaas emulator` and its default credentials.
            var defaults = new CpaasEmulatorOptions();
            clientId = defaults.ClientId;
            secret = defaults.ClientSecret;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            throw new CliException("--base-url / CPAAS_BASE_URL must be an absolute URL; '" + baseUrl + "' is not.", ExitCodes.Usage);
        }

        var options = new CpaasClientOptions { BaseUrl = uri, ClientId = clientId, ClientSecret = secret, Email = email, Password = password };
        var problem = options.Validate();
        if (problem is not null)
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync().ConfigureAwait(false);
            }

            throw new CliException(problem.Replace("CpaasClientOptions.", "--", StringComparison.Ordinal), ExitCodes.Usage);
        }

        return new Connection(new CpaasClient(options, new HttpClient(), null), embedded);
    }

    public bool IsJson(ParseResult parse) => parse.GetValue(Json);
}

/// <summary>A client and, when no credentials were given, the embedded emulator it talks to.</summary>
internal sealed class Connection : IAsyncDisposable
{
    public Connection(CpaasClient client, CpaasEmulator? embedded)
    {
        Client = client;
        Embedded = embedded;
    }

    public CpaasClient Client { get; }

    public CpaasEmulator? Embedded { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Embedded is not null)
        {
            await Embedded.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>A failure of the tool itself, with its exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}
