using System;
using System.Threading.Tasks;

namespace Cpaas.Tests;

/// <summary>
/// The README's quick-start code, compiled here so it cannot rot (README.md lifts it between the snippet markers;
/// tests/CpaasGen.PublicApi.Tests/ReadmeSnippetTests.cs checks the README still shows exactly this code).
/// Not run: it talks to the real Kandy service.
/// </summary>
internal static class ReadmeExamples
{
    public static async Task QuickstartAsync(string body)
    {
        // begin-snippet: quickstart
        var client = new CpaasClient(new CpaasClientOptions {
            BaseUrl = new Uri("https://oauth-cpaas.att.com"),
            ClientId = "PRIV-…", ClientSecret = "…" });          // or ClientId + Email + Password

        CreateMessageResult sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest {
            DestinationAddress = ["+16131234567"],
            SenderAddress = "default",                           // Kandy picks your default number…
            Message = "hi :)" });
        Console.WriteLine(sent.SenderAddress);                   // …and you get the real one back

        SubscribeResult sub = await client.Conversation.SubscribeAsync(new SubscribeRequest {
            WebhookUrl = new Uri("https://myapp.com/inbound-sms/webhook"),
            DestinationAddress = "+16139998877" });

        // in your webhook:
        CpaasNotification n = Notification.Parse(body);
        if (n is InboundSmsNotification sms) Console.WriteLine($"{sms.SenderAddress}: {sms.Message}");
        // end-snippet
        _ = sub;
    }
}
