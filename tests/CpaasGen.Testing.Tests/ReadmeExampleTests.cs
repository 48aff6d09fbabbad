using System;
using System.Net;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

/// <summary>The README's example, compiled and run; a second test checks the README still shows exactly this code.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task Readme_example_runs()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookUrl = receiver.Url;

        // README-BEGIN
        // webhookUrl: your app's webhook endpoint (for example a WebApplicationFactory or a Kestrel test host).
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        // Send: "default" resolves to the server's default number.
        var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16131234567"],
            SenderAddress = "default",
            Message = "Your code is 1234",
        });
        Assert.Equal(server.DefaultNumber, sent.SenderAddress);
        Assert.Equal("Your code is 1234", server.SentMessages.Single().Text);

        // Failure modes.
        server.SendFailsWithDeliveryImpossible("+16130000000");
        server.ForbidSender("+16139999999");
        var refused = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(
            new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "+16139999999", Message = "hi" }));
        Assert.Equal(403, refused.StatusCode);

        // Receive: subscribe, then let "Kandy" POST an inbound SMS to your webhook.
        await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = webhookUrl });
        var inbound = CpaasNotifications.Inbound("+16131234567", server.DefaultNumber, "STOP");
        await server.PostNotificationAsync(server.CreatedSubscriptions.Single().WebhookUrl!, inbound);

        // Faults: errors, delays and dropped connections, per operation of the spec.
        server.RespondWithError("createOutboundSmsMessage", HttpStatusCode.ServiceUnavailable);
        var unavailable = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(
            new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "hi" }));
        Assert.Equal(503, unavailable.StatusCode);

        // Two-factor codes: the stubs generate none, so tell them which code your user "received".
        var code = await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = "+16131234567", Message = "Your code is {code}" });
        server.VerifySucceedsOnlyFor("123456");
        Assert.False((await client.TwoFactor.VerifyCodeAsync(code.CodeId, "000000")).Verified);   // the spec's 403
        Assert.True((await client.TwoFactor.VerifyCodeAsync(code.CodeId, "123456")).Verified);
        Assert.Equal("sms", server.SentCodes.Single().Method);
        // README-END

        var received = Assert.IsType<InboundSmsNotification>((await receiver.NextAsync()).Parsed);
        Assert.Equal("STOP", received.Message);
    }

    [Fact]
    public void Readme_shows_the_tested_code()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "README.md"));
        var test = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Readme", "ReadmeExampleTests.cs"));
        var shown = Regex.Match(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var tested = Regex.Match(test, "// README-BEGIN\\n(.*?)\\n *// README-END", RegexOptions.Singleline).Groups[1].Value;

        Assert.Equal(Normalize(shown), Normalize(tested));
    }

    private static string Normalize(string code)
        => string.Join("\n", code.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
