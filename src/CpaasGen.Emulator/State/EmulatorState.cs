using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using Cpaas.Emulator.History;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Numbers;
using Cpaas.Emulator.Subscriptions;
using Cpaas.Emulator.TwoFactor;
using Cpaas.Emulator.Webhooks;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.State;

/// <summary>
/// All mutable state of one emulator: the numbers, the channels and subscriptions, the SMS history, the two-factor
/// codes. Every operation
/// of every section holds <see cref="Gate"/> while it reads or changes them (one lock: a send touches numbers, history
/// and subscriptions at once); the notifications it produces are handed to the dispatcher after the lock is released.
/// </summary>
internal sealed class EmulatorState
{
    private readonly WebhookDispatcher _dispatcher;
    private readonly HashSet<string> _undeliverable;

    public EmulatorState(CpaasEmulatorOptions options, TimeProvider time, WebhookDispatcher dispatcher, Inbox.InboxEvents inbox, ILoggerFactory loggers)
    {
        Inbox = inbox;
        Options = options;
        Time = time;
        _dispatcher = dispatcher;
        Logger = loggers.CreateLogger("Cpaas.Emulator");
        Numbers = new NumberRegistry(options.Numbers);
        History = new HistoryStore(options.MessageHistoryCap, inbox);
        _undeliverable = new HashSet<string>(options.UndeliverableDestinations.Select(PhoneAddress.Normalize), StringComparer.Ordinal);
        Paths = new Paths(options.UserId);
    }

    public Lock Gate { get; } = new();

    /// <summary>The inbox page's live events (published under <see cref="Gate"/> by the stores).</summary>
    public Inbox.InboxEvents Inbox { get; }

    public CpaasEmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public Paths Paths { get; }

    public NumberRegistry Numbers { get; }

    public SubscriptionStore Subscriptions { get; } = new();

    public HistoryStore History { get; }

    /// <summary>The two-factor code resources and the e-mails that carried codes.</summary>
    public CodeStore Codes { get; } = new();

    public long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    public static string NewMessageId() => "SM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public bool IsUndeliverable(string normalizedDestination) => _undeliverable.Contains(normalizedDestination);

    /// <summary>
    /// Under the lock: the live webhooks subscribed to a project number (at most one subscription per number). Another
    /// client's websocket or push channel is no webhook: the emulator serves no websocket and pushes to no phone.
    /// </summary>
    public List<WebhookTarget> TargetsFor(string localNumber)
    {
        var now = Time.GetUtcNow();
        var targets = new List<WebhookTarget>();
        foreach (var sub in Subscriptions.For(localNumber))
        {
            if (Subscriptions.Channel(sub.ChannelId, now) is { WebhookUrl: { } url } channel)
            {
                targets.Add(new WebhookTarget(channel.Id, sub.Id, url, channel.Authorization));
            }
        }

        return targets;
    }

    /// <summary>Outside the lock: hands notifications that have somewhere to go to the dispatcher.</summary>
    public void Dispatch(IEnumerable<OutgoingNotification> notifications)
    {
        foreach (var n in notifications)
        {
            if (n.Targets.Count > 0)
            {
                _dispatcher.Enqueue(n);
            }
        }
    }
}
