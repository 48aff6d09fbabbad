using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary><c>cpaas sms subscribe | subscriptions | unsubscribe</c>, all against one emulator given by --base-url.</summary>
public sealed class SubscriptionTests
{
    private const string Webhook = "http://127.0.0.1:9/inbound-sms/webhook";

    [Fact]
    public async Task Subscribe_then_subscriptions_lists_it_and_unsubscribe_removes_it()
    {
        await using var emulator = await Emulators.StartAsync();

        var subscribed = await Cli.RunAsync(Cli.At(emulator, "sms", "subscribe", "--webhook", Webhook, "--json"));
        Assert.True(subscribed.ExitCode == ExitCodes.Ok, subscribed.ToString());
        var created = subscribed.Json();
        var id = created.GetProperty("subscriptionId").GetString()!;
        Assert.Equal(Emulators.OwnNumber, created.GetProperty("destinationAddress").GetString()); // the default number, echoed
        Assert.Equal(Webhook, created.GetProperty("webhookUrl").GetString());
        var channel = created.GetProperty("channelId").GetString()!;

        var listed = await Cli.RunAsync(Cli.At(emulator, "sms", "subscriptions"));
        Assert.True(listed.ExitCode == ExitCodes.Ok, listed.ToString());
        var line = Assert.Single(listed.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(id, line, StringComparison.Ordinal);
        Assert.Contains(Emulators.OwnNumber, line, StringComparison.Ordinal);
        Assert.Contains(channel, line, StringComparison.Ordinal);

        var listedJson = await Cli.RunAsync(Cli.At(emulator, "sms", "subscriptions", "--json"));
        Assert.Equal(id, Assert.Single(listedJson.Json().EnumerateArray()).GetProperty("subscriptionId").GetString());

        var removed = await Cli.RunAsync(Cli.At(emulator, "sms", "unsubscribe", id));
        Assert.True(removed.ExitCode == ExitCodes.Ok, removed.ToString());
        Assert.Contains("Unsubscribed " + id, removed.Out, StringComparison.Ordinal);
        Assert.Contains(channel + " deleted", removed.Out, StringComparison.Ordinal);

        var after = await Cli.RunAsync(Cli.At(emulator, "sms", "subscriptions"));
        Assert.True(after.ExitCode == ExitCodes.Ok, after.ToString());
        Assert.Equal("No subscriptions.", after.Out.Trim());
        Assert.Empty((await Cli.RunAsync(Cli.At(emulator, "sms", "subscriptions", "--json"))).Json().EnumerateArray());
    }

    [Fact]
    public async Task Subscribe_with_a_number_subscribes_that_number()
    {
        await using var emulator = await Emulators.StartAsync(o => o with { Numbers = [Emulators.OwnNumber, "+16135550143"] });

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "subscribe", "--webhook", Webhook, "--number", "+16135550143"));

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Subscribed +16135550143", run.Out, StringComparison.Ordinal);
        using var client = Emulators.Client(emulator);
        Assert.Equal("+16135550143", Assert.Single(await client.Conversation.GetSubscriptionsAsync()).DestinationAddress);
    }

    [Fact]
    public async Task Subscribe_for_an_unowned_number_exits_1()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "subscribe", "--webhook", Webhook, "--number", "+16130000000"));

        Assert.True(run.ExitCode == ExitCodes.ApiError, run.ToString());
        Assert.Matches("POL[0-9]{4}", Cli.AssertOneErrorLine(run));
    }

    [Fact]
    public async Task Unsubscribe_of_an_unknown_id_exits_1_with_the_404()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await Cli.RunAsync(Cli.At(emulator, "sms", "unsubscribe", Guid.NewGuid().ToString()));

        Assert.True(run.ExitCode == ExitCodes.ApiError, run.ToString());
        Assert.Contains("404", Cli.AssertOneErrorLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_never_prints_the_webhook_token()
    {
        await using var emulator = await Emulators.StartAsync(o => o with { Numbers = [Emulators.OwnNumber, "+16135550143"] });
        const string Url = "http://127.0.0.1:9/inbound-sms/webhook?token=subscribe-s3cret-0123456789";

        var text = await Cli.RunAsync(Cli.At(emulator, "sms", "subscribe", "--webhook", Url));
        var json = await Cli.RunAsync(Cli.At(emulator, "sms", "subscribe", "--webhook", Url, "--number", "+16135550143", "--json"));

        Assert.True(text.ExitCode == ExitCodes.Ok, text.ToString());
        Assert.Contains("http://127.0.0.1:9/inbound-sms/webhook?token=***", text.Out, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:9/inbound-sms/webhook?token=***", json.Json().GetProperty("webhookUrl").GetString());
        Assert.DoesNotContain("subscribe-s3cret", text.Out + text.Err + json.Out + json.Err, StringComparison.Ordinal);
    }
}
