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

    public static async Task WireModelAsync(CpaasClient client, string body)
    {
        // begin-snippet: one-line-and-wire-model
        CreateMessageResult sent = await client.Conversation.SendAsync("default", "+16131234567", "hi :)");
        Cpaas.Api.OutboundSmsMessageResult wire = sent.ApiModel;      // the generated wire model the result reads through,
        Console.WriteLine(wire.AdditionalData.Count);                  // with any field Kandy added after this SDK was built

        if (Notification.Parse(body) is InboundSmsNotification sms)    // times are DateTimeOffset; the raw epoch is in ApiModel
            Console.WriteLine($"{sms.CreatedOn:u} ({sms.ApiModel.InboundSmsMessage.DateTime})");

        // in your own tests: any result or notification, built by the model factory
        InboundSmsNotification fake = CpaasModelFactory.InboundSmsNotification(
            senderAddress: "+16131234567", destinationAddress: "+16139998877", message: "hi");
        // end-snippet
        _ = fake;
    }

    public static async Task<bool?> SendOnceAsync(CpaasClient client, CreateMessageRequest sms)
    {
        // begin-snippet: maybe-sent
        try
        {
            await client.Conversation.CreateMessageAsync(sms);
            return true;                                        // sent
        }
        catch (CpaasApiException ex) when (ex.MayHaveBeenProcessed)
        {
            // The answer was lost after the request left (a timeout, a dropped connection, a 5xx): the SMS may have
            // gone out, and sending it again could deliver it twice. Record "unknown"; check the history before a resend.
            Console.WriteLine($"maybe sent: {ex.Message}");
            return null;
        }
        catch (CpaasApiException ex)
        {
            // Not sent: Kandy refused it (ex.StatusCode, ex.ExceptionId) or never got it (no token, connection refused).
            // Sending again cannot deliver it twice: fix the cause, or wait ex.RetryAfter for a 429/503.
            Console.WriteLine($"not sent: {ex.Message}");
            return false;
        }
        // end-snippet
    }

    /// <summary>The README's two-factor example; run by TwoFactorWireTests against WireMock.</summary>
    public static async Task<bool> SignInWithCodeAsync(CpaasClient client, Func<Task<string>> askTheUser)
    {
        // begin-snippet: two-factor
        SendCodeResult sent = await client.TwoFactor.SendCodeAsync(new SendCodeRequest {
            DestinationAddress = "+16131234567",                   // or an e-mail address, with Method = TwoFactorMethod.Email and a Subject
            Message = "Your code is {code}" });                    // Kandy puts the code there: 6 digits, valid 120 s (both settable)

        string typed = await askTheUser();                         // what your user typed
        VerifyCodeResult result = await client.TwoFactor.VerifyCodeAsync(sent.CodeId, typed);
        if (!result.Verified)
            Console.WriteLine($"not verified: {result.Reason}");   // wrong, expired or used up: an answer, not an exception
        return result.Verified;
        // end-snippet
    }

    public static CpaasClientOptions InsecureTransportOptIn()
    {
        // begin-snippet: insecure-transport
        var options = new CpaasClientOptions {
            BaseUrl = new Uri("http://kandy-gateway.internal:8080"), // plain http to a host that is not loopback…
            AllowInsecureTransport = true,                         // …is refused unless you opt in explicitly
            ClientId = "PRIV-…", ClientSecret = "…" };
        // end-snippet
        return options;
    }
}
