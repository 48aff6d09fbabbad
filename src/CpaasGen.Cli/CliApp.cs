using System;
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
    public CliApp(TextWriter output, TextWriter error, Func<string, string?>? environment = null, TextReader? input = null)
    {
        Out = output;
        Err = error;
        In = input ?? Console.In;
        Environment = environment ?? System.Environment.GetEnvironmentVariable;
        BaseUrl = new Option<string?>("--base-url") { Description = "Kandy CPaaS base URL (env CPAAS_BASE_URL); needs credentials. With no base URL and no credentials, an embedded emulator is used.", Recursive = true };
        ClientId = new Option<string?>("--client-id") { Description = "Private project key or account client id (env CPAAS_CLIENT_ID).", Recursive = true };
        ClientSecret = new Option<string?>("--client-secret") { Description = "Private project secret (env CPAAS_CLIENT_SECRET).", Recursive = true };
        Email = new Option<string?>("--email") { Description = "Account email, with --password (env CPAAS_EMAIL).", Recursive = true };
        Password = new Option<string?>("--password") { Description = "Account password (env CPAAS_PASSWORD).", Recursive = true };
        Json = new Option<bool>("--json") { Description = "Print JSON instead of text: one document on stdout (an {\"error\":…} object on failure; webhook listen: one object per line).", Recursive = true };
    }

    public TextWriter Out { get; }

    public TextWriter Err { get; }

    /// <summary>Standard input (<c>2fa verify --code -</c> reads the code from it).</summary>
    public TextReader In { get; }

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
        root.Subcommands.Add(TwoFactorCommands.Create(this));
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

            if (args.Contains("--json", StringComparer.Ordinal))
            {
                WriteJsonError(ExitCodes.Usage, "usage", string.Join(" ", errors), null);
                return ExitCodes.Usage;
            }

            foreach (var error in errors)
            {
                await Err.WriteLineAsync("error: " + TerminalText.Escape(error)).ConfigureAwait(false);
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

    /// <summary>
    /// Runs a command body, mapping failures to an exit code and one report (no stack traces): with <c>--json</c>, one
    /// <c>{"error":{…}}</c> object on stdout (stdout always holds exactly one JSON document, or one per line for
    /// <c>webhook listen</c>); otherwise one <c>error: …</c> line on stderr.
    /// </summary>
    public async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CpaasApiException ex) when (ex.Kind == CpaasErrorKind.Transport)
        {
            // Before the authentication check: an unreachable token endpoint is a network problem, not bad credentials.
            return await FailAsync(parse, ExitCodes.Unreachable, "unreachable", ex.Message, ex).ConfigureAwait(false);
        }
        catch (CpaasAuthenticationException ex)
        {
            return await FailAsync(parse, ExitCodes.Authentication, "authentication", ex.Message, ex as CpaasApiException).ConfigureAwait(false);
        }
        catch (CpaasApiException ex)
        {
            return await FailAsync(parse, ExitCodes.ApiError, "api", ex.Message, ex).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            // "… (Parameter 'x')" is for developers; the CLI names its own flags in the message.
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace(" (Parameter '" + ex.ParamName + "')", string.Empty, StringComparison.Ordinal);
            return await FailAsync(parse, ExitCodes.Usage, "usage", message, null).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            if (IsJson(parse))
            {
                WriteJsonError(ExitCodes.Cancelled, "cancelled", "cancelled", null);
            }
            else
            {
                await Err.WriteLineAsync("cancelled").ConfigureAwait(false);
            }

            return ExitCodes.Cancelled;
        }
        catch (CliException ex)
        {
            return await FailAsync(parse, ex.ExitCode, ex.Kind, ex.Message, null).ConfigureAwait(false);
        }
    }

    /// <summary>Reports a failure (JSON object on stdout, or an escaped line on stderr) and returns its exit code.</summary>
    public async Task<int> FailAsync(ParseResult parse, int exitCode, string kind, string message, CpaasApiException? api)
    {
        if (IsJson(parse))
        {
            WriteJsonError(exitCode, kind, message, api);
        }
        else
        {
            await Err.WriteLineAsync("error: " + TerminalText.Escape(message)).ConfigureAwait(false);
        }

        return exitCode;
    }

    private void WriteJsonError(int exitCode, string kind, string message, CpaasApiException? api)
    {
        var error = new System.Text.Json.Nodes.JsonObject { ["kind"] = kind, ["message"] = message, ["exitCode"] = exitCode };
        if (api is not null)
        {
            error["status"] = api.StatusCode;
            error["exceptionId"] = api.ExceptionId;
            error["errorKind"] = api.Kind.ToString();
        }

        Render.JsonLine(Out, new System.Text.Json.Nodes.JsonObject { ["error"] = error });
    }

    /// <summary>
    /// Resolves where to connect: flags, then environment variables; with neither a base URL nor a client id, starts
    /// the embedded emulator for the command's lifetime. A server the CLI did not start itself gets only the
    /// credentials the user gave: never the emulator's defaults.
    /// </summary>
    public async Task<Connection> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var baseUrl = parse.GetValue(BaseUrl) ?? Environment("CPAAS_BASE_URL");
        var clientId = parse.GetValue(ClientId) ?? Environment("CPAAS_CLIENT_ID");
        var secret = parse.GetValue(ClientSecret) ?? Environment("CPAAS_CLIENT_SECRET");
        var email = parse.GetValue(Email) ?? Environment("CPAAS_EMAIL");
        var password = parse.GetValue(Password) ?? Environment("CPAAS_PASSWORD");

        CpaasEmulator? embedded = null;
        if (string.IsNullOrWhiteSpace(baseUrl) && string.IsNullOrWhiteSpace(clientId) && string.IsNullOrWhiteSpace(secret) && string.IsNullOrWhiteSpace(email))
        {
            embedded = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions(), cancellationToken).ConfigureAwait(false);
            baseUrl = embedded.BaseUrl.ToString();
            clientId = embedded.Options.ClientId;
            secret = embedded.Options.ClientSecret;
            await Err.WriteLineAsync("(no credentials given: using an embedded Kandy emulator at " + embedded.BaseUrl + "; it stops with this command, so nothing is kept — run `cpaas emulator` and set CPAAS_BASE_URL, CPAAS_CLIENT_ID and CPAAS_CLIENT_SECRET to keep state)").ConfigureAwait(false);
        }
        else
        {
            RequireCredentials(baseUrl, clientId, secret, email, password);
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            throw new CliException("--base-url / CPAAS_BASE_URL must be an absolute URL; '" + baseUrl + "' is not.", ExitCodes.Usage);
        }

        var options = new CpaasClientOptions { BaseUrl = uri, ClientId = clientId, ClientSecret = secret, Email = email, Password = password };
        try
        {
            options.Validate();
        }
        catch (CpaasOptionsException ex)
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync().ConfigureAwait(false);
            }

            throw new CliException(FlagNames(ex.Message), ExitCodes.Usage);
        }

        return new Connection(new CpaasClient(options, new HttpClient(), null), embedded);
    }

    public bool IsJson(ParseResult parse) => parse.GetValue(Json);

    /// <summary>Checked before anything is sent, in the CLI's own words: which flags (or variables) are missing.</summary>
    private static void RequireCredentials(string? baseUrl, string? clientId, string? secret, string? email, string? password)
    {
        const string Give = "give --client-id with --client-secret, or --client-id with --email and --password (or CPAAS_CLIENT_ID, CPAAS_CLIENT_SECRET, CPAAS_EMAIL, CPAAS_PASSWORD)";
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new CliException("credentials were given without a server: add --base-url (or CPAAS_BASE_URL), e.g. https://oauth-cpaas.att.com, or http://127.0.0.1:7070 for `cpaas emulator`.", ExitCodes.Usage);
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new CliException("--base-url (or CPAAS_BASE_URL) names a server this command did not start, so it sends no default credentials: " + Give + ". For `cpaas emulator`, use the credentials it prints.", ExitCodes.Usage);
        }

        if (!string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(password))
        {
            throw new CliException("--email needs --password (or CPAAS_PASSWORD).", ExitCodes.Usage);
        }

        if (string.IsNullOrWhiteSpace(secret) && string.IsNullOrWhiteSpace(email))
        {
            throw new CliException("--client-id needs --client-secret, or --email with --password (or CPAAS_CLIENT_SECRET, or CPAAS_EMAIL and CPAAS_PASSWORD).", ExitCodes.Usage);
        }
    }

    /// <summary>The SDK names its options (<c>CpaasClientOptions.ClientSecret</c>); the user typed flags.</summary>
    private static string FlagNames(string message)
        => System.Text.RegularExpressions.Regex.Replace(message, @"CpaasClientOptions\.(\w+)", m => m.Groups[1].Value switch
        {
            "BaseUrl" => "--base-url",
            "ClientId" => "--client-id",
            "ClientSecret" => "--client-secret",
            "Email" => "--email",
            "Password" => "--password",
            var other => "the " + other + " setting",
        });
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

    /// <summary>The <c>kind</c> of the JSON error object.</summary>
    public string Kind => ExitCode switch
    {
        ExitCodes.Usage => "usage",
        ExitCodes.PortUnavailable => "portUnavailable",
        ExitCodes.NotDelivered => "notDelivered",
        ExitCodes.NotVerified => "notVerified",
        _ => "failed",
    };
}
