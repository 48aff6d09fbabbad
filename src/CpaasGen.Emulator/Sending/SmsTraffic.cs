using System;
using System.Collections.Generic;
using Cpaas.Emulator.History;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Webhooks;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Sending;

/// <summary>A send the emulator accepted: the resolved sender, the message id and each destination's status.</summary>
internal sealed record SendOutcome(string Sender, string MessageId, IReadOnlyList<SentTo> Destinations);

/// <summary>
/// SMS traffic through the project's numbers: sends (stored as Outbound, notified as outbound sync, looped back as
/// inbound when the destination is a project number) and inbound SMS arriving from the network.
/// </summary>
internal sealed partial class SmsTraffic(EmulatorState state)
{
    /// <summary>Sends one SMS to each destination (already validated) from a project number, <c>default</c> or the user id.</summary>
    public (SendOutcome? Outcome, ApiError? Error) Send(string senderSegment, IReadOnlyList<string> destinations, string text)
    {
        var notifications = new List<OutgoingNotification>();
        var statuses = new SentTo[destinations.Count];
        string sender;
        var messageId = EmulatorState.NewMessageId();
        int evicted;
        lock (state.Gate)
        {
            var resolved = state.Numbers.ResolveSender(senderSegment, state.Options.UserId);
            if (resolved is null || !state.Numbers.Owns(resolved))
            {
                return (null, Errors.SenderNotOwned(resolved ?? senderSegment));
            }

            sender = resolved;
            var now = state.NowMs;
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var stored = new List<string>();
            for (var i = 0; i < destinations.Count; i++)
            {
                var remote = PhoneAddress.Normalize(destinations[i]);
                if (!seen.TryGetValue(remote, out var status))
                {
                    // The same destination twice (possibly in two forms): one message, one status.
                    status = state.IsUndeliverable(remote) ? "DeliveryImpossible" : "DeliveredToNetwork";
                    seen.Add(remote, status);
                    stored.Add(remote);
                }

                statuses[i] = new SentTo(destinations[i], status);
            }

            evicted = 0;
            foreach (var remote in stored)
            {
                evicted += state.History.Store(remote, sender, "Outbound", text, seen[remote], now, messageId, statuses);
                var senderTargets = state.TargetsFor(sender);
                notifications.Add(Notifications.Outbound(now, remote, sender, text, messageId, senderTargets));
                if (state.Options.DeliveryReceipts && senderTargets.Count > 0)
                {
                    notifications.Add(Receipt(now, remote, sender, messageId, seen[remote], senderTargets));
                }

                // A message to another project number arrives there as an inbound SMS.
                if (seen[remote] == "DeliveredToNetwork" && state.Numbers.Owns(remote))
                {
                    var inboundId = EmulatorState.NewMessageId();
                    evicted += state.History.Store(sender, remote, "Inbound", text, "DeliveredToTerminal", now, inboundId);
                    notifications.Add(Notifications.Inbound(now, remote, sender, text, inboundId, state.TargetsFor(remote)));
                }
            }
        }

        LogEvicted(evicted);
        Log.Sent(state.Logger, messageId, PhoneMasking.MaskAddress(sender), destinations.Count);
        state.Dispatch(notifications);
        return (new SendOutcome(sender, messageId, statuses), null);
    }

    /// <summary>
    /// An SMS from <paramref name="from"/> (validated) arrives at the project number <paramref name="to"/> (normalised).
    /// Returns the stored message's id and resourceURL, or null when <paramref name="to"/> is not assigned.
    /// </summary>
    public (string MessageId, string ResourceUrl)? ReceiveInbound(string from, string to, string text)
    {
        var remote = PhoneAddress.Normalize(from);
        var messageId = EmulatorState.NewMessageId();
        OutgoingNotification notification;
        int evicted;
        lock (state.Gate)
        {
            if (!state.Numbers.Owns(to))
            {
                return null;
            }

            var now = state.NowMs;
            evicted = state.History.Store(remote, to, "Inbound", text, "DeliveredToTerminal", now, messageId);
            notification = Notifications.Inbound(now, to, remote, text, messageId, state.TargetsFor(to));
        }

        LogEvicted(evicted);
        Log.Received(state.Logger, messageId, PhoneMasking.MaskAddress(to));
        state.Dispatch([notification]);
        return (messageId, state.Paths.Message(remote, to, messageId));
    }

    /// <summary>
    /// Under the lock: the delivery receipt of one destination of a send (<see cref="CpaasEmulatorOptions.DeliveryReceipts"/>):
    /// what the network reports after the send answered (the handset got it, or it never will), which becomes the stored
    /// message's status.
    /// </summary>
    private OutgoingNotification Receipt(long now, string remote, string sender, string messageId, string sendStatus, IReadOnlyList<WebhookTarget> targets)
    {
        var final = sendStatus == "DeliveredToNetwork" ? "DeliveredToTerminal" : sendStatus;
        if (state.History.Message(remote, sender, messageId) is { } message)
        {
            message.Status = final;
        }

        return Notifications.DeliveryInfo(now, remote, final, messageId, targets);
    }

    private void LogEvicted(int evicted)
    {
        if (evicted > 0)
        {
            Log.Evicted(state.Logger, evicted, state.Options.MessageHistoryCap);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "SMS {MessageId} sent from {Sender} to {Count} destination(s)")]
        public static partial void Sent(ILogger logger, string messageId, string sender, int count);

        [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Inbound SMS {MessageId} received on {Number}")]
        public static partial void Received(ILogger logger, string messageId, string number);

        [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "History cap {Cap} reached: {Count} oldest message(s) removed")]
        public static partial void Evicted(ILogger logger, int count, int cap);
    }
}
