using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>Failures: one "error:" line on stderr (never a stack trace) and the documented exit code.</summary>
public sealed class ErrorTests
{
    private const string Friend = Emulators.Friend;

    [Fact]
    public async Task A_send_from_an_unowned_number_exits_1_with_one_error_line_naming_the_exception_id()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "send", "--to", Friend, "--from", "+16130000000", "hi"));

        Assert.True(run.ExitCode == ExitCodes.ApiError, run.ToString());
        var line = Cli.AssertOneErrorLine(run);
        Assert.Contains("403", line, StringComparison.Ordinal);
        Assert.Matches("POL[0-9]{4}", line);
    }

    [Fact]
    public async Task A_send_from_an_unowned_number_with_the_embedded_emulator_also_exits_1_without_a_stack_trace()
    {
        var run = await Cli.RunAsync("sms", "send", "--to", Friend, "--from", "+16130000000", "hi");

        Assert.True(run.ExitCode == ExitCodes.ApiError, run.ToString());
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        var error = Assert.Single(run.ErrLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Matches("POL[0-9]{4}", error);
    }

    [Fact]
    public async Task A_wrong_client_secret_exits_3()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync("sms", "send", "--to", Friend, "--from", "default", "hi", "--base-url", Cli.BaseUrl(emulator), "--client-id", emulator.Options.ClientId, "--client-secret", "wrong");

        Assert.True(run.ExitCode == ExitCodes.Authentication, run.ToString());
        Assert.Contains("invalid_client", Cli.AssertOneErrorLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_client_secret_from_the_environment_exits_3()
    {
        await using var emulator = await Emulators.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["CPAAS_BASE_URL"] = Cli.BaseUrl(emulator),
            ["CPAAS_CLIENT_ID"] = emulator.Options.ClientId,
            ["CPAAS_CLIENT_SECRET"] = "wrong",
        };

        var run = await Cli.RunAsync(environment, "sms", "subscriptions");

        Assert.True(run.ExitCode == ExitCodes.Authentication, run.ToString());
        Cli.AssertOneErrorLine(run);
    }

    [Fact]
    public async Task An_unreachable_base_url_exits_4()
    {
        var run = await Cli.RunAsync("sms", "send", "--to", Friend, "--from", "default", "hi", "--base-url", "http://127.0.0.1:" + ClosedPort(), "--client-id", "PRIV-x", "--client-secret", "secret-x");

        // ExitCodes.Unreachable: "The API could not be reached (network failure, timeout)".
        Assert.True(run.ExitCode == ExitCodes.Unreachable, run.ToString());
        Assert.Contains("could not be reached", Cli.AssertOneErrorLine(run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sms", "send", "--from", "default", "hi")] // missing --to
    [InlineData("sms", "send", "--to", "+16131234567", "--from", "default")] // missing message
    [InlineData("sms", "sned", "--to", "+16131234567", "hi")] // unknown command
    [InlineData("bogus")] // unknown command
    [InlineData("sms", "send", "--to", "+16131234567", "--frm", "default", "hi")] // unknown option
    [InlineData("sms", "unsubscribe")] // missing subscription id
    [InlineData("sms", "messages", "--remote", "+16131234567")] // missing --local
    public async Task A_usage_error_exits_2_with_an_error_line_and_no_API_call(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("error: ", run.ErrLines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", run.Err, StringComparison.Ordinal); // rejected before anything started
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "12ab", "--from", "default", "DestinationAddress", "--to")]
    [InlineData("--to", "+16131234567", "--from", "12ab", "SenderAddress", "--from")]
    public async Task An_invalid_address_exits_2_naming_the_field(string toFlag, string to, string fromFlag, string from, string sdkField, string cliFlag)
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "send", toFlag, to, fromFlag, from, "hi"));

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var line = Cli.AssertOneErrorLine(run);
        Assert.Contains("'12ab'", line, StringComparison.Ordinal);
        Assert.True(line.Contains(sdkField, StringComparison.Ordinal) || line.Contains(cliFlag, StringComparison.Ordinal), line);
    }

    [Fact]
    public async Task An_invalid_base_url_exits_2()
    {
        var run = await Cli.RunAsync("sms", "threads", "--base-url", "not a url");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("--base-url", Cli.AssertOneErrorLine(run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/relative")] // on Unix, Uri.TryCreate(…, Absolute) reads this as file:///relative
    [InlineData("ftp://example.com/hook")]
    public async Task A_subscribe_with_a_webhook_that_is_not_http_exits_2_naming_it(string webhook)
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "subscribe", "--webhook", webhook));

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var line = Cli.AssertOneErrorLine(run);
        Assert.True(line.Contains("--webhook", StringComparison.Ordinal) || line.Contains("WebhookUrl", StringComparison.Ordinal), line);
    }

    /// <summary>A port nothing listens on: bound by the OS, then released.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
