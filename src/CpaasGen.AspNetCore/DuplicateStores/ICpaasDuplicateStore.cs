using System;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.AspNetCore;

/// <summary>
/// Remembers which notification ids were handled, because Kandy delivers webhooks at least once. The endpoint
/// claims an id before calling the handler, completes the claim when the handler succeeds, and releases it when
/// the handler fails, so a failed delivery is handled again on the next attempt.
/// </summary>
/// <remarks>
/// The contract every store keeps (<see cref="InMemoryCpaasDuplicateStore"/> for one instance,
/// <c>RedisCpaasDuplicateStore</c> from CpaasGen.AspNetCore.Redis for several): <see cref="TryClaimAsync"/> is atomic — of any number of
/// concurrent claims of one id, across every instance sharing the store, exactly one gets
/// <see cref="CpaasClaim.Claimed"/>; a claim not completed within its lease expires and may be claimed again;
/// <see cref="CompleteAsync"/> turns the claim into "handled" for the window; <see cref="ReleaseAsync"/> removes a
/// claim in progress and never a completed one. A store without an atomic "add if absent" cannot keep this contract.
/// </remarks>
public interface ICpaasDuplicateStore
{
    /// <summary>Claims <paramref name="notificationId"/> while it is handled (for at most <paramref name="lease"/>).</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="lease">How long the claim lasts if the handler never finishes (a crashed instance).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this call owns the notification, or why not.</returns>
    ValueTask<CpaasClaim> TryClaimAsync(string notificationId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed notification handled, remembered for <paramref name="window"/>.</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="window">How long to remember it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    ValueTask CompleteAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Releases a claim after the handler failed, so the next delivery is handled.</summary>
    /// <param name="notificationId">The notification's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken);
}
