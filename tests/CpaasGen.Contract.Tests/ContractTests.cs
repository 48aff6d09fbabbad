using System;
using System.Threading.Tasks;
using Cpaas.Contract.Tests.Backends;
using Xunit;

namespace Cpaas.Contract.Tests;

/// <summary>What every contract test class has: a fresh backend and a fresh SDK client per test.</summary>
/// <typeparam name="TBackend">The backend fixture.</typeparam>
public abstract class ContractTestBase<TBackend> : IClassFixture<TBackend>, IAsyncLifetime
    where TBackend : BackendFixture
{
    protected const string Remote = ContractAccount.Remote;

    protected ContractTestBase(TBackend backend) => Backend = backend;

    protected TBackend Backend { get; }

    /// <summary>A client with the backend's project credentials, new for each test.</summary>
    protected CpaasClient Client { get; private set; } = null!;

    protected Conversation Sms => Client.Conversation;

    public async Task InitializeAsync()
    {
        await Backend.ResetAsync();
        Client = new CpaasClient(Backend.Options);
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        return Task.CompletedTask;
    }

    protected Task<CreateMessageResult> SendAsync(string sender, string destination, string text)
        => Sms.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = [destination], SenderAddress = sender, Message = text });

    protected static string Unique(string text) => text + " " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A 403 refusal as the spec describes it: a policyException with an id, never an authentication failure.</summary>
    protected static void AssertPolicyRefusal(CpaasApiException refused)
    {
        Assert.IsNotType<CpaasAuthenticationException>(refused);
        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(CpaasErrorKind.PolicyException, refused.Kind);
        Assert.False(string.IsNullOrWhiteSpace(refused.ExceptionId), "A policyException carries a messageId.");
    }
}

/// <summary>
/// The SDK's contract, one test body for both backends: every [Fact] of this class runs once against the WireMock
/// stubs built from the spec's examples (<see cref="MockBackendContractTests"/>) and once against the emulator
/// (<see cref="EmulatorBackendContractTests"/>), so the stubs, the emulator and the spec cannot disagree. Where the
/// backends legitimately differ (error ids, who plays the network), the tests assert only what the spec and the wire
/// reference guarantee. The stubs are stateless (issue 11: one stand-in per job), so what needs a Kandy that remembers
/// is in <see cref="StatefulContractTests"/>, against the emulator.
/// </summary>
/// <typeparam name="TBackend">The backend fixture.</typeparam>
public abstract partial class BackendContractTests<TBackend>(TBackend backend) : ContractTestBase<TBackend>(backend)
    where TBackend : BackendFixture;

/// <summary>
/// The contract of a Kandy that remembers (history that follows the sends, subscriptions gone once deleted or cancelled),
/// against the one stateful stand-in: the emulator.
/// </summary>
public sealed partial class StatefulContractTests(EmulatorBackendFixture backend) : ContractTestBase<EmulatorBackendFixture>(backend);

/// <summary>The contract against the WireMock stubs of CpaasGen.Testing.</summary>
public sealed class MockBackendContractTests(MockBackendFixture backend) : BackendContractTests<MockBackendFixture>(backend);

/// <summary>The contract against the emulator of CpaasGen.Emulator.</summary>
public sealed class EmulatorBackendContractTests(EmulatorBackendFixture backend) : BackendContractTests<EmulatorBackendFixture>(backend);
