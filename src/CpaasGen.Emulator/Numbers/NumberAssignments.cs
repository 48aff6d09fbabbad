using System.Collections.Generic;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Webhooks;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Numbers;

/// <summary>What happens when a number leaves the project.</summary>
internal sealed partial class NumberAssignments(EmulatorState state)
{
    /// <summary>
    /// Unassigns a number: it can no longer send or be subscribed to, and its subscriptions are cancelled with an
    /// smsSubscriptionCancellationNotification each. Returns the cancelled subscription ids, or null when the number
    /// is not assigned.
    /// </summary>
    public IReadOnlyList<string>? Unassign(string number)
    {
        var notifications = new List<OutgoingNotification>();
        var cancelled = new List<string>();
        lock (state.Gate)
        {
            if (!state.Numbers.Unassign(number))
            {
                return null;
            }

            state.Inbox.NumbersChanged(state.Numbers.Snapshot());

            var now = state.NowMs;
            var targets = state.TargetsFor(number);
            foreach (var sub in state.Subscriptions.For(number))
            {
                state.Subscriptions.RemoveSubscription(sub.Id);
                cancelled.Add(sub.Id);
                notifications.Add(Notifications.SubscriptionCancellation(now, state.Paths.Subscription(sub.Id), targets.FindAll(t => t.SubscriptionId == sub.Id)));
            }
        }

        Log.NumberUnassigned(state.Logger, PhoneMasking.MaskAddress(number), cancelled.Count);
        state.Dispatch(notifications);
        return cancelled;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Number {Number} unassigned; {Count} subscription(s) cancelled")]
        public static partial void NumberUnassigned(ILogger logger, string number, int count);
    }
}
