using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary><c>cpaas sms send</c>: the embedded emulator, an emulator given by --base-url, and one given by CPAAS_* variables.</summary>
public sealed class SendTests
{
    private const string Friend = Emulators.Friend;

    [Fact]
    public async Task Send_without_credentials_uses_the_embedded_emulator_and_prints_the_resolved_sender()
    {
        var run = await Cli.RunAsync("sms", "send", "--to", Friend, "--from", "default", "hi :)");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("embedded", Assert.Single(run.ErrLines), System.StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sent from +16135550100", run.Out, System.StringComparison.Ordinal); // the embedded emulator's default number
        Assert.DoesNotContain("Sent from default", run.Out, System.StringComparison.Ordinal);
        Assert.Contains("to " + Friend + "  DeliveredToNetwork", run.Out, System.StringComparison.Ordinal);
        Assert.Matches("message id  SM[0-9A-F]{32}", run.Out);
    }

    [Fact]
    public async Task Send_with_json_prints_only_a_JSON_document_with_senderAddress_and_deliveryInfo()
    {
        var run = await Cli.RunAsync("sms", "send", "--to", Friend, "--from", "default", "--json", "hi :)");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var json = run.Json();
        Assert.Equal("+16135550100", json.GetProperty("senderAddress").GetString());
        Assert.Equal("default", json.GetProperty("requestedSender").GetString());
        Assert.Equal("hi :)", json.GetProperty("message").GetString());
        Assert.StartsWith("SM", json.GetProperty("messageId").GetString(), System.StringComparison.Ordinal);
        var info = Assert.Single(json.GetProperty("deliveryInfo").EnumerateArray());
        Assert.Equal(Friend, info.GetProperty("destinationAddress").GetString());
        Assert.Equal("DeliveredToNetwork", info.GetProperty("deliveryStatus").GetString());
    }

    [Fact]
    public async Task Send_to_an_emulator_given_by_base_url_and_credentials_talks_to_it()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "send", "--to", Friend, "--from", "default", "via base url"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(string.Empty, run.Err); // no "embedded emulator" note: it talked to ours
        Assert.Contains("Sent from " + Emulators.OwnNumber, run.Out, System.StringComparison.Ordinal);
        using var client = Emulators.Client(emulator);
        var stored = await client.Conversation.GetMessagesAsync(Friend, Emulators.OwnNumber);
        Assert.Equal("via base url", Assert.Single(stored.Items).Message);
    }

    [Fact]
    public async Task Send_to_an_emulator_given_by_CPAAS_environment_variables_uses_those_credentials()
    {
        await using var emulator = await Emulators.StartAsync(o => o with { ClientId = "PRIV-cli-tests", ClientSecret = "cli-tests-secret" });
        var environment = new Dictionary<string, string>
        {
            ["CPAAS_BASE_URL"] = Cli.BaseUrl(emulator),
            ["CPAAS_CLIENT_ID"] = "PRIV-cli-tests",
            ["CPAAS_CLIENT_SECRET"] = "cli-tests-secret",
        };

        var run = await Cli.RunAsync(environment, "sms", "send", "--to", Friend, "--json", "via env");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(string.Empty, run.Err);
        Assert.Equal(Emulators.OwnNumber, run.Json().GetProperty("senderAddress").GetString()); // --from defaults to "default"
    }

    [Fact]
    public async Task Flags_win_over_CPAAS_environment_variables()
    {
        await using var emulator = await Emulators.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["CPAAS_BASE_URL"] = "http://127.0.0.1:1",
            ["CPAAS_CLIENT_ID"] = "PRIV-wrong",
            ["CPAAS_CLIENT_SECRET"] = "wrong",
        };

        var run = await Cli.RunAsync(environment, "sms", "send", "--to", Friend, "--from", "default", "hi",
            "--base-url", Cli.BaseUrl(emulator), "--client-id", emulator.Options.ClientId, "--client-secret", emulator.Options.ClientSecret);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
    }

    [Fact]
    public async Task Send_to_several_destinations_reports_each()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "send", "--to", Friend, "--to", "+16135550199", "--json", "--from", "default", "two"));

        Assert.True(run.ExitCode == ExitCodes.NotDelivered, run.ToString()); // issue 13: one destination is DeliveryImpossible
        var statuses = run.Json().GetProperty("deliveryInfo").EnumerateArray()
            .ToDictionary(i => i.GetProperty("destinationAddress").GetString()!, i => i.GetProperty("deliveryStatus").GetString());
        Assert.Equal("DeliveredToNetwork", statuses[Friend]);
        Assert.Equal("DeliveryImpossible", statuses["+16135550199"]);
    }
}
