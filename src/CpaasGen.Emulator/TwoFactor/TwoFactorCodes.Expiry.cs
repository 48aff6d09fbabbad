using System;
using System.Threading;

namespace Cpaas.Emulator.TwoFactor;

/// <summary>
/// Expiry announcements: while a code is active, a timer on the emulator's clock (<see cref="State.EmulatorState.Time"/>)
/// fires at its expiry and publishes an <c>Expired</c> change to the inbox page, so every open page (and a page that
/// resumes later) shows it expired without a reload, by the same clock that decides verifications, a fake one in tests
/// included. A verification, a resend, a delete or an eviction stops the timer; stopping the emulator stops them all.
/// The public <see cref="CpaasEmulator.TwoFactorCodeChanged"/> event has no expiry kind: an expiry is not an API call.
/// </summary>
internal sealed partial class TwoFactorCodes
{
    private bool _stopped; // under the state's lock

    /// <summary>Stops every expiry timer (the emulator is stopping); no new one starts.</summary>
    public void Stop()
    {
        lock (state.Gate)
        {
            _stopped = true;
            foreach (var resource in state.Codes.Resources)
            {
                resource.CancelExpiry();
            }
        }
    }

    /// <summary>Under the lock: (re)arms the resource's timer for its current code's expiry.</summary>
    private void ArmExpiry(CodeResource resource, DateTimeOffset now)
    {
        resource.CancelExpiry();
        if (!_stopped)
        {
            resource.ExpiryTimer = state.Time.CreateTimer(
                static s => ((ExpiryDue)s!).Fire(), new ExpiryDue(this, resource, resource.Sends), resource.ExpiresAt - now, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnExpiryDue(CodeResource resource, int sends)
    {
        lock (state.Gate)
        {
            // A callback already queued when its timer was stopped, or one of a code a resend has replaced: nothing to do.
            if (resource.ExpiryTimer is not { } timer || resource.Sends != sends || !ReferenceEquals(state.Codes.Find(resource.Id), resource))
            {
                return;
            }

            var now = state.Time.GetUtcNow();
            switch (resource.StatusAt(now))
            {
                case TwoFactorCodeStatus.Expired:
                    resource.CancelExpiry();
                    Publish(nameof(TwoFactorCodeStatus.Expired), resource, resource.ToRecord(now, MaxAttempts), now);
                    break;
                case TwoFactorCodeStatus.Active:
                    // Early by the timer's resolution, or a clock whose time of day is not the timers' time: wait for the rest.
                    timer.Change(resource.ExpiresAt - now, Timeout.InfiniteTimeSpan);
                    return;
                default:
                    resource.CancelExpiry();
                    return;
            }
        }

        Log.Expired(state.Logger, resource.Id);
    }

    /// <summary>A timer's state: which code of which resource it is for.</summary>
    private sealed record ExpiryDue(TwoFactorCodes Codes, CodeResource Resource, int Sends)
    {
        public void Fire() => Codes.OnExpiryDue(Resource, Sends);
    }
}
