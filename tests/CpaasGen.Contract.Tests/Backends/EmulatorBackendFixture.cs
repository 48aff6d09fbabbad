using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cpaas.Emulator;
using Xunit;

namespace Cpaas.Contract.Tests.Backends;

/// <summary>
/// The emulator (CpaasGen.Emulator), with the contract account's numbers. It plays the network itself
/// (SimulateInboundSmsAsync, UnassignNumberAsync) and delivers webhooks in the background; the fixture waits for those
/// deliveries so both backends complete the "network" events at the same point. The emulator has no reset, so a reset
/// is a new emulator (a new port: <see cref="Options"/> follows it).
/// </summary>
public sealed class EmulatorBackendFixture : BackendFixture
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    private CpaasEmulator? _emulator;

    public override string Name => "emulator";

    public CpaasEmulator Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not started.");

    public override CpaasClientOptions Options => new()
    {
        BaseUrl = Emulator.BaseUrl,
        ClientId = Emulator.Options.ClientId,
        ClientSecret = Emulator.Options.ClientSecret,
        Timeout = TimeSpan.FromSeconds(10),
    };

    public override CpaasClientOptions AccountOptions => new()
    {
        BaseUrl = Emulator.BaseUrl,
        ClientId = Emulator.Options.ClientId,
        Email = Emulator.Options.Email,
        Password = Emulator.Options.Password,
        Timeout = TimeSpan.FromSeconds(10),
    };

    public override string UserId => Emulator.Options.UserId;

    public override async Task DeliverInboundSmsAsync(string from, string to, string text)
    {
        await Emulator.SimulateInboundSmsAsync(from, to, text);
        await Emulator.WaitForDeliveriesAsync(DeliveryTimeout);
    }

    public override async Task<IReadOnlyList<string>> UnassignAsync(string number)
    {
        var cancelled = await Emulator.UnassignNumberAsync(number);
        await Emulator.WaitForDeliveriesAsync(DeliveryTimeout);
        return cancelled;
    }

    public override async Task<string> AddOtherClientSubscriptionAsync()
        => (await Emulator.SimulateOtherClientSubscriptionAsync(NotificationChannelKind.WebSocket)).SubscriptionId;

    /// <summary>The emulator's fault switch: every API error in that shape (an unowned sender is POL1001).</summary>
    public override Task AnswerErrorsInShapeAsync(string shape)
    {
        Emulator.ErrorBodyShape = Enum.Parse<ErrorBodyShape>(shape);
        return Task.CompletedTask;
    }

    /// <summary>The emulator sends the receipt itself (DeliveryReceipts is on): waits for its delivery.</summary>
    public override Task ReportDeliveryAsync(CreateMessageResult sent, string destination) => Emulator.WaitForDeliveriesAsync(DeliveryTimeout);

    /// <summary>
    /// Read the way the user would: a phone reads the newest SMS from the project's default number (the message history,
    /// through the SDK), an inbox the newest e-mail the emulator recorded for the address.
    /// </summary>
    public override async Task<string> ReceivedCodeMessageAsync(string destination)
    {
        if (destination.Contains('@', StringComparison.Ordinal))
        {
            return Emulator.SentEmails.Last(e => e.To == destination).Body;
        }

        using var phone = new CpaasClient(Options);
        var page = await phone.Conversation.GetMessagesAsync(destination, DefaultNumber, new HistoryQuery { Max = 1 });
        var newest = Assert.Single(page.Items);
        Assert.Equal("Outbound", newest.Direction.Value);
        return newest.Message!;
    }

    protected override async Task StartBackendAsync()
    {
        _emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions
        {
            DeliveryReceipts = true,
            Numbers = ContractAccount.Numbers,
            UndeliverableDestinations = [ContractAccount.Undeliverable],
            WebhookRetryDelay = TimeSpan.FromMilliseconds(50),
            ShutdownTimeout = TimeSpan.FromMilliseconds(200),
        });
    }

    protected override async Task ResetBackendAsync()
    {
        await StopBackendAsync();
        await StartBackendAsync();
    }

    protected override async Task StopBackendAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
            _emulator = null;
        }
    }
}
