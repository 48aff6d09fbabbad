using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests.Backends;

/// <summary>
/// A class fixture owning one backend and the webhook recorder. <see cref="ResetAsync"/> runs before every test, so each
/// test starts from a backend with no subscriptions, no history and every number assigned.
/// </summary>
public abstract class BackendFixture : IKandyBackend, IAsyncLifetime
{
    private WebhookRecorder? _webhook;

    public abstract string Name { get; }

    public abstract CpaasClientOptions Options { get; }

    public abstract CpaasClientOptions AccountOptions { get; }

    public abstract string UserId { get; }

    public string DefaultNumber => ContractAccount.Numbers[0];

    public IReadOnlyList<string> OwnedNumbers => ContractAccount.Numbers;

    public string UnownedNumber => ContractAccount.Unowned;

    public string UndeliverableDestination => ContractAccount.Undeliverable;

    public WebhookRecorder Webhook => _webhook ?? throw new System.InvalidOperationException("The fixture is not started.");

    public abstract Task DeliverInboundSmsAsync(string from, string to, string text);

    public abstract Task<IReadOnlyList<string>> UnassignAsync(string number);

    public abstract Task<string> AddOtherClientSubscriptionAsync();

    public abstract Task AnswerErrorsInShapeAsync(string shape);

    public abstract Task ReportDeliveryAsync(CreateMessageResult sent, string destination);

    public abstract Task<string> ReceivedCodeMessageAsync(string destination);

    /// <summary>Back to a fresh backend (and an empty webhook record).</summary>
    public async Task ResetAsync()
    {
        Webhook.Clear();
        await ResetBackendAsync();
    }

    public async Task InitializeAsync()
    {
        _webhook = await WebhookRecorder.StartAsync();
        await StartBackendAsync();
    }

    public async Task DisposeAsync()
    {
        await StopBackendAsync();
        if (_webhook is not null)
        {
            await _webhook.DisposeAsync();
        }
    }

    public override string ToString() => Name;

    protected abstract Task StartBackendAsync();

    protected abstract Task ResetBackendAsync();

    protected abstract Task StopBackendAsync();
}
