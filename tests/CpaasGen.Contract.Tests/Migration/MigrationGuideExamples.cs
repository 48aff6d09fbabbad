using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.Contract.Tests.Migration;

/// <summary>
/// The CpaasGen side of docs/migration-from-cpaas-sdk.md, compiled here and run against the emulator by
/// <see cref="MigrationGuideTests"/>; tests/CpaasGen.PublicApi.Tests/ReadmeSnippetTests.cs checks the guide shows exactly
/// the code between the snippet markers.
/// </summary>
internal static class MigrationGuideExamples
{
    public static CpaasClient CreateWithClientCredentials(Uri baseUrl, string clientId, string clientSecret)
    {
        // begin-snippet: migrate-client-credentials
        var client = new CpaasClient(new CpaasClientOptions {
            BaseUrl = baseUrl,                 // e.g. new Uri("https://oauth-cpaas.att.com")
            ClientId = clientId,
            ClientSecret = clientSecret });    // no network I/O here: the token is fetched on the first call
        // end-snippet
        return client;
    }

    public static CpaasClient CreateWithPassword(Uri baseUrl, string clientId, string email, string password)
    {
        // begin-snippet: migrate-password
        var client = new CpaasClient(new CpaasClientOptions {
            BaseUrl = baseUrl,
            ClientId = clientId,
            Email = email,
            Password = password });            // a secret AND a password is a CpaasOptionsException, not "secret wins"
        // end-snippet
        return client;
    }

    public static async Task<CreateMessageResult> SendAsync(CpaasClient client, CancellationToken cancellationToken)
    {
        // begin-snippet: migrate-send
        CreateMessageResult sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest {
            DestinationAddress = ["+16131234567"],
            SenderAddress = "default",         // or one of your numbers
            Message = "hi" }, cancellationToken);
        Console.WriteLine($"{sent.SenderAddress} → {sent.DeliveryInfo[0].DeliveryStatus}");   // the real sender, not the destinations

        // the one-line form
        await client.Conversation.SendAsync("default", "+16131234567", "hi", cancellationToken);
        // end-snippet
        return sent;
    }

    public static async Task<string?> SendHandlingErrorsAsync(CpaasClient client, string from, CancellationToken cancellationToken)
    {
        // begin-snippet: migrate-errors
        try
        {
            await client.Conversation.SendAsync(from, "+16131234567", "hi", cancellationToken);
            return null;
        }
        catch (CpaasApiException ex)           // every failure is an exception: API errors, no answer, timeouts
        {
            // ex.StatusCode (0 = no answer), ex.Kind (ServiceException, PolicyException, OAuth, Transport…),
            // ex.ExceptionId ("POL1001"), ex.Text (variables substituted), ex.MayHaveBeenProcessed
            Console.WriteLine($"{ex.StatusCode} {ex.Kind} {ex.ExceptionId}: {ex.Text}");
            return ex.ExceptionId;
        }
        // end-snippet
    }

    public static async Task<SubscribeResult> SubscribeAsync(CpaasClient client, Uri webhookUrl, CancellationToken cancellationToken)
    {
        // begin-snippet: migrate-subscribe
        SubscribeResult sub = await client.Conversation.SubscribeAsync(new SubscribeRequest {
            WebhookUrl = webhookUrl,           // e.g. new Uri("https://app.example.com/webhook")
            DestinationAddress = "+16135550100" }, cancellationToken);   // omit it for your default number

        foreach (Subscription s in await client.Conversation.GetSubscriptionsAsync(cancellationToken))
            Console.WriteLine($"{s.SubscriptionId} on {s.DestinationAddress} via channel {s.ChannelId}");

        Subscription one = await client.Conversation.GetSubscriptionAsync(sub.SubscriptionId, cancellationToken);
        UnsubscribeResult gone = await client.Conversation.UnsubscribeAsync(one.SubscriptionId, cancellationToken);  // and its webhook channel
        // end-snippet
        _ = gone;
        return sub;
    }

    public static async Task<int> HistoryAsync(CpaasClient client, string remote, string local, CancellationToken cancellationToken)
    {
        // begin-snippet: migrate-history
        CpaasPage<SmsThread> threads = await client.Conversation.GetThreadsAsync(new HistoryQuery { Max = 50 }, cancellationToken);
        foreach (SmsThread t in threads.Items)
            Console.WriteLine($"{t.RemoteAddress} ↔ {t.LocalAddress}: {t.LastText} ({t.LastMessageOn:u})");

        var count = 0;
        await foreach (SmsMessage m in client.Conversation.GetAllMessagesAsync(remote, local, cancellationToken: cancellationToken))
        {
            count++;                           // every page, following "next" for you
            DeliveryStatus status = await client.Conversation.GetStatusAsync(remote, local, m.MessageId!, cancellationToken);
            Console.WriteLine($"{m.Direction} {m.CreatedOn:u} {status}");
        }

        await client.Conversation.DeleteThreadAsync(remote, local, cancellationToken);
        // end-snippet
        return count;
    }

    public static string? Notifications(string body)
    {
        // begin-snippet: migrate-notifications
        CpaasNotification n = Notification.Parse(body);   // a typed CpaasNotificationParseException on a bad body
        switch (n)
        {
            case InboundSmsNotification sms:
                return $"{sms.SenderAddress} → {sms.DestinationAddress}: {sms.Message} at {sms.CreatedOn:u}";
            case SmsEventNotification ev:
                return $"event {ev.EventType} for message {ev.MessageId}";                  // the message id where it belongs
            case SmsSubscriptionCancellationNotification cancelled:
                return $"subscription {cancelled.SubscriptionId} cancelled";
            case UnknownNotification other:
                return $"{other.Kind}: {other.RawJson}";   // a kind this SDK does not know yet: nothing is lost
            default:
                return n.Kind.ToString();                  // outbound copies, delivery receipts
        }
        // end-snippet
    }

    public static async Task<bool> TwoFactorAsync(CpaasClient client, Func<string, Task<string>> askTheUser, CancellationToken cancellationToken)
    {
        // begin-snippet: migrate-two-factor
        SendCodeResult code = await client.TwoFactor.SendCodeAsync(new SendCodeRequest {
            DestinationAddress = "+16131234567",
            Message = "Your code is {code}" }, cancellationToken);   // length 6, numeric, 120 s: the defaults are sent

        VerifyCodeResult check = await client.TwoFactor.VerifyCodeAsync(code.CodeId, await askTheUser(code.CodeId), cancellationToken);
        if (!check.Verified)                   // a wrong or expired code is a result; 401/5xx are exceptions
        {
            code = await client.TwoFactor.ResendCodeAsync(code.CodeId, new SendCodeRequest {
                DestinationAddress = "+16131234567",
                Message = "Your new code is {code}" }, cancellationToken);
        }

        await client.TwoFactor.DeleteCodeAsync(code.CodeId, cancellationToken);   // errors are reported, not swallowed
        // end-snippet
        return check.Verified;
    }
}
