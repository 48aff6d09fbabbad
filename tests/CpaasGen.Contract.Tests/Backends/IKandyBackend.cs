using System.Collections.Generic;
using System.Threading.Tasks;

namespace Cpaas.Contract.Tests.Backends;

/// <summary>
/// What the contract tests need from a Kandy CPaaS backend: where to point the SDK, the account it serves, and the two
/// things only "the network" can do (deliver an inbound SMS, unassign a number). Implemented by the WireMock stubs
/// (<see cref="MockBackendFixture"/>) and the emulator (<see cref="EmulatorBackendFixture"/>), configured to agree on
/// every value below (<see cref="ContractAccount"/>).
/// </summary>
public interface IKandyBackend
{
    /// <summary>A short name for messages ("mock", "emulator").</summary>
    string Name { get; }

    /// <summary>Client options with the backend's project credentials (client_credentials grant); a new copy per read.</summary>
    CpaasClientOptions Options { get; }

    /// <summary>Client options with the backend's account credentials (password grant); a new copy per read.</summary>
    CpaasClientOptions AccountOptions { get; }

    /// <summary>The user id of every resource path (the id_token's preferred_username).</summary>
    string UserId { get; }

    /// <summary>The user's default SMS number: what the sender "default" and a subscription without a number resolve to.</summary>
    string DefaultNumber { get; }

    /// <summary>The numbers the project owns, the default first. Index 2 is reserved for the unassign test.</summary>
    IReadOnlyList<string> OwnedNumbers { get; }

    /// <summary>A number the project does not own: sending from it or subscribing to it is 403.</summary>
    string UnownedNumber { get; }

    /// <summary>A destination every send to which reports DeliveryImpossible.</summary>
    string UndeliverableDestination { get; }

    /// <summary>The test's webhook (Kestrel + MapCpaasWebhook) that records every notification it receives.</summary>
    WebhookRecorder Webhook { get; }

    /// <summary>
    /// An SMS from <paramref name="from"/> arrives at the project number <paramref name="to"/>: it is stored in the history
    /// and, when <paramref name="to"/> has a subscription, its notification is delivered to the subscribed webhook. The
    /// task completes once that delivery has been made (or finally failed), so tests do not depend on a backend's timing.
    /// </summary>
    Task DeliverInboundSmsAsync(string from, string to, string text);

    /// <summary>
    /// The number is unassigned from the project: its subscriptions are cancelled (each webhook gets an
    /// smsSubscriptionCancellationNotification, delivered before the task completes) and sends from it are refused (403).
    /// </summary>
    /// <returns>The ids of the cancelled subscriptions.</returns>
    Task<IReadOnlyList<string>> UnassignAsync(string number);

    /// <summary>
    /// Another client of the same user (the vendor's browser SDK) has subscribed to inbound SMS through its own websocket
    /// channel, without naming a number (issue 11: what the real server lists beside the webhook channels).
    /// </summary>
    /// <returns>That subscription's id.</returns>
    Task<string> AddOtherClientSubscriptionAsync();

    /// <summary>
    /// From now on the backend answers a send from <see cref="UnownedNumber"/> (403) with an error body in
    /// <paramref name="shape"/>, one of the other shapes the spec describes: <c>FlattenedRequestError</c>,
    /// <c>TopLevelException</c> or <c>PlainMessage</c> (the kit's and the emulator's <c>ErrorBodyShape</c> names).
    /// </summary>
    Task AnswerErrorsInShapeAsync(string shape);

    /// <summary>
    /// The network reports the delivery of <paramref name="sent"/> to <paramref name="destination"/>: a
    /// deliveryInfoNotification reaches the webhooks subscribed to the sender number before the task completes.
    /// </summary>
    Task ReportDeliveryAsync(CreateMessageResult sent, string destination);

    /// The newest two-factor message <paramref name="destination"/> received, as its user reads it: the text with the
    /// code in place of <c>{code}</c> (an SMS for a phone number, an e-mail body for an e-mail address). From then on,
    /// that code is the one the backend verifies for the destination's code resource.
    /// </summary>
    Task<string> ReceivedCodeMessageAsync(string destination);
}
