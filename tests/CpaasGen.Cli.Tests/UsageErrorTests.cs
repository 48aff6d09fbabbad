using System;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>Issue 13: bad values are usage errors (exit 2) before any call; JSON mode reports errors as JSON.</summary>
public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("sms", "threads", "--max", "abc")]
    [InlineData("sms", "messages", "--remote", "+16131234567", "--local", "+16135550100", "--max", "abc")]
    [InlineData("sms", "threads", "--max", "0")]
    [InlineData("sms", "threads", "--max", "99999999999")]
    [InlineData("webhook", "listen", "--port", "abc")]
    [InlineData("emulator", "--port", "70000")]
    public async Task A_bad_number_is_a_usage_error(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("error: ", run.ErrLines[0], StringComparison.Ordinal);
        Assert.Contains(args[^2], run.Err, StringComparison.Ordinal); // names the flag
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", run.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData("\t\n")]
    public async Task A_blank_message_is_rejected_before_anything_starts(string message)
    {
        var run = await Cli.RunAsync("sms", "send", "--to", Emulators.Friend, message);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("message", Cli.AssertOneErrorLine(run), StringComparison.Ordinal);
        Assert.DoesNotContain("embedded", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_send_with_a_DeliveryImpossible_destination_has_its_own_exit_code_and_still_prints_the_result()
    {
        var text = await Cli.RunAsync("sms", "send", "--to", "+16135550199", "hi");
        var json = await Cli.RunAsync("sms", "send", "--to", "+16135550199", "--json", "hi");

        Assert.True(text.ExitCode == ExitCodes.NotDelivered, text.ToString());
        Assert.Contains("DeliveryImpossible", text.Out, StringComparison.Ordinal);
        Assert.Contains(text.ErrLines, l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains("DeliveryImpossible", StringComparison.Ordinal));
        Assert.True(json.ExitCode == ExitCodes.NotDelivered, json.ToString());
        Assert.Equal("DeliveryImpossible", json.Json().GetProperty("deliveryInfo")[0].GetProperty("deliveryStatus").GetString());
    }

    [Fact]
    public async Task With_json_an_API_error_is_one_JSON_object_on_stdout()
    {
        var run = await Cli.RunAsync("sms", "send", "--to", Emulators.Friend, "--from", "+16130000000", "--json", "hi");

        Assert.True(run.ExitCode == ExitCodes.ApiError, run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Equal(ExitCodes.ApiError, error.GetProperty("exitCode").GetInt32());
        Assert.Equal(403, error.GetProperty("status").GetInt32());
        Assert.Matches("POL[0-9]{4}", error.GetProperty("exceptionId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.DoesNotContain("error:", run.Err, StringComparison.Ordinal); // stderr: only the embedded-emulator note
    }

    [Theory]
    [InlineData("sms", "threads", "--max", "abc", "--json")]
    [InlineData("bogus", "--json")]
    [InlineData("sms", "send", "--to", "12ab", "--json", "hi")]
    public async Task With_json_a_usage_error_is_one_JSON_object_on_stdout(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var error = run.Json().GetProperty("error");
        Assert.Equal(ExitCodes.Usage, error.GetProperty("exitCode").GetInt32());
        Assert.Equal("usage", error.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        Assert.Equal(string.Empty, run.Err);
    }

    [Fact]
    public async Task With_json_an_unreachable_server_is_one_JSON_object_on_stdout()
    {
        var run = await Cli.RunAsync("sms", "threads", "--json", "--base-url", "http://127.0.0.1:" + ErrorTests.ClosedPort(), "--client-id", "PRIV-x", "--client-secret", "secret-x");

        Assert.True(run.ExitCode == ExitCodes.Unreachable, run.ToString());
        Assert.Equal(ExitCodes.Unreachable, run.Json().GetProperty("error").GetProperty("exitCode").GetInt32());
    }
}
