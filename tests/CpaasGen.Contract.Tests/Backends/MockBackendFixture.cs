using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Cpaas.Testing;

namespace Cpaas.Contract.Tests.Backends;

/// <summary>
/// The WireMock stubs of CpaasGen.Testing, built from the spec's examples. The stubs are stateless and passive (nothing
/// is POSTed by the server on its own), so the "network" events are played by the fixture from the recorded requests:
/// <see cref="DeliverInboundSmsAsync"/> POSTs an inbound notification to the webhook of each subscription created (and not
/// deleted) for the number, and <see cref="UnassignAsync"/> POSTs a cancellation to each, plus ForbidSender (a later send
/// from the number is refused the way Kandy refuses an unowned sender).
/// </summary>
public sealed class MockBackendFixture : BackendFixture
{
    private CpaasMockServer? _server;
    private string? _lastCode;

    public override string Name => "mock";

    public CpaasMockServer Server => _server ?? throw new InvalidOperationException("The mock server is not started.");

    public override CpaasClientOptions Options => Server.ClientOptions();

    public override CpaasClientOptions AccountOptions => Server.AccountClientOptions();

    public override string UserId => Server.UserId;

    public override async Task DeliverInboundSmsAsync(string from, string to, string text)
    {
        var notification = CpaasNotifications.Inbound(from, to, text);
        foreach (var subscription in LiveSubscriptions().Where(s => s.DestinationAddress == to && s.WebhookUrl is not null))
        {
            await PostAsync(subscription.WebhookUrl!, notification);
        }
    }

    public override async Task<IReadOnlyList<string>> UnassignAsync(string number)
    {
        var cancelled = new List<string>();
        foreach (var subscription in LiveSubscriptions().Where(s => s.DestinationAddress == number))
        {
            var notification = CpaasNotifications.SubscriptionCancellation(subscription.SubscriptionId, Server.UserId);
            cancelled.Add(subscription.SubscriptionId);
            if (subscription.WebhookUrl is not null)
            {
                await PostAsync(subscription.WebhookUrl, notification);
            }
        }

        Server.ForbidSender(number);
        return cancelled;
    }

    /// <summary>Stateless: the spec's subscription example already notifies a websocket channel, whatever the id.</summary>
    public override Task<string> AddOtherClientSubscriptionAsync() => Task.FromResult(Guid.NewGuid().ToString());

    /// <summary>The kit's fault switch, with the id and text the emulator gives an unowned sender.</summary>
    public override Task AnswerErrorsInShapeAsync(string shape)
    {
        Server.RespondWithError(
            "createOutboundSmsMessage",
            System.Net.HttpStatusCode.Forbidden,
            "POL1001",
            "Sender address %1 is not owned by or assigned to the project",
            Enum.Parse<ErrorBodyShape>(shape),
            UnownedNumber);
        return Task.CompletedTask;
    }

    /// <summary>The stubs send no notification by themselves: the fixture POSTs the receipt to each subscribed webhook.</summary>
    public override async Task ReportDeliveryAsync(CreateMessageResult sent, string destination)
    {
        var receipt = CpaasNotifications.DeliveryInfo(destination, "DeliveredToTerminal", sent.MessageId);
        foreach (var subscription in LiveSubscriptions().Where(s => s.DestinationAddress == sent.SenderAddress && s.WebhookUrl is not null))
        {
            await PostAsync(subscription.WebhookUrl!, receipt);
        }
    }

    /// <summary>
    /// The stubs send nothing and generate no code, so the fixture plays the handset: it makes up a code in the format
    /// of the newest send or resend to <paramref name="destination"/> (read back from the request log), tells the stubs
    /// that only this code verifies, and returns the message with it.
    /// </summary>
    public override Task<string> ReceivedCodeMessageAsync(string destination)
    {
        var sent = Server.SentCodes.Last(c => c.DestinationAddress == destination);
        var characters = sent.Type switch
        {
            "alphabetic" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "alphanumeric" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
            _ => "0123456789",
        };
        string code;
        do
        {
            code = System.Security.Cryptography.RandomNumberGenerator.GetString(characters, sent.Length ?? 6);
        }
        while (code == _lastCode);

        _lastCode = code;
        Server.VerifySucceedsOnlyFor(code);
        return Task.FromResult(sent.Message.Replace("{code}", code, StringComparison.Ordinal));
    }

    protected override Task StartBackendAsync()
    {
        _server = CpaasMockServer.Start(new CpaasMockServerOptions
        {
            DefaultNumber = ContractAccount.Numbers[0],
            Numbers = ContractAccount.Numbers.ToList(),
        });
        Configure();
        return Task.CompletedTask;
    }

    protected override Task ResetBackendAsync()
    {
        Server.Reset(); // also resets the behaviours
        Configure();
        return Task.CompletedTask;
    }

    protected override Task StopBackendAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The subscriptions created through the stubs whose DELETE was not recorded since.</summary>
    private List<MockSubscription> LiveSubscriptions()
    {
        var deleted = Server.WireMockServer.LogEntries
            .Where(e => e.MappingTitle == "deleteInboundSubscription")
            .Select(e => e.RequestMessage.Path.TrimEnd('/').Split('/').Last())
            .ToHashSet();
        return Server.CreatedSubscriptions.Where(s => !deleted.Contains(s.SubscriptionId)).ToList();
    }

    private void Configure() => Server.SendFailsWithDeliveryImpossible(ContractAccount.Undeliverable);

    private async Task PostAsync(string webhookUrl, CpaasNotificationPayload notification)
    {
        var status = await Server.PostNotificationAsync(webhookUrl, notification);
        if (status is < HttpStatusCode.OK or >= HttpStatusCode.MultipleChoices)
        {
            throw new InvalidOperationException("The webhook " + webhookUrl + " answered " + (int)status + ".");
        }
    }
}
