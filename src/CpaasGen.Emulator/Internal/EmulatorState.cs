using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Internal;

/// <summary>The outcome of an API operation: a status with a JSON body, or an error.</summary>
internal readonly record struct ApiResult(int Status, byte[]? Body, ApiError? Error = null, string? Location = null)
{
    public static implicit operator ApiResult(ApiError error) => new(error.Status, null, error);
}

/// <summary>Paging and filter parameters of the history lists.</summary>
internal readonly record struct ListQuery(int Max, long? Before, bool OnlyNew, long? LastMessageTime);

internal sealed class ChannelState(string id, string webhookUrl, string? authorization, string? clientCorrelatorJson)
{
    public string Id { get; } = id;
    public string WebhookUrl { get; } = webhookUrl;
    public string? Authorization { get; } = authorization;
    public string? ClientCorrelatorJson { get; } = clientCorrelatorJson;
}

internal sealed class SubscriptionState(string id, string channelId, string destinationAddress, string? clientCorrelatorJson)
{
    public string Id { get; } = id;
    public string ChannelId { get; } = channelId;
    public string DestinationAddress { get; } = destinationAddress;
    public string? ClientCorrelatorJson { get; } = clientCorrelatorJson;
}

internal sealed class StoredMessage
{
    public required string MessageId { get; init; }
    public required string Remote { get; init; }
    public required string Local { get; init; }
    /// <summary>"Inbound" or "Outbound".</summary>
    public required string Direction { get; init; }
    public required string Text { get; init; }
    public required string Status { get; init; }
    public required long DateTime { get; init; }
    /// <summary>Insertion order over the whole history; also the paging cursor.</summary>
    public required long Sequence { get; init; }
    public bool Pulled { get; set; }
    public LinkedListNode<StoredMessage>? HistoryNode { get; set; }
    public bool IsNew => !Pulled && Direction == "Inbound";
}

internal sealed class ThreadState(string remote, string local)
{
    public string Remote { get; } = remote;
    public string Local { get; } = local;
    /// <summary>Oldest first.</summary>
    public List<StoredMessage> Messages { get; } = [];
    public Dictionary<string, StoredMessage> ById { get; } = new(StringComparer.Ordinal);
    public long LastPullTime { get; set; }
    public StoredMessage Last => Messages[^1];
}

/// <summary>
/// All mutable state of one emulator (numbers, channels, subscriptions, SMS history) and the operations on it.
/// Every operation runs under one lock; the notifications it produces are handed to the dispatcher after the lock
/// is released.
/// </summary>
internal sealed partial class EmulatorState
{
    private readonly Lock _gate = new();
    private readonly CpaasEmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly WebhookDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly HashSet<string> _undeliverable;
    private readonly List<string> _numbers;
    private readonly OrderedDictionary<string, ChannelState> _channels = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, SubscriptionState> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Remote, string Local), ThreadState> _threads = [];
    private readonly LinkedList<StoredMessage> _history = new();
    private long _sequence;

    public EmulatorState(CpaasEmulatorOptions options, TimeProvider time, WebhookDispatcher dispatcher, ILogger logger)
    {
        _options = options;
        _time = time;
        _dispatcher = dispatcher;
        _logger = logger;
        _numbers = [.. options.Numbers];
        _undeliverable = new HashSet<string>(options.UndeliverableDestinations.Select(Addresses.Normalize), StringComparer.Ordinal);
        Paths = new Paths(options.UserId);
    }

    public Paths Paths { get; }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public IReadOnlyList<string> Numbers
    {
        get
        {
            lock (_gate)
            {
                return [.. _numbers];
            }
        }
    }

    public int MessageCount
    {
        get
        {
            lock (_gate)
            {
                return _history.Count;
            }
        }
    }

    private void Dispatch(List<OutgoingNotification> notifications)
    {
        foreach (var n in notifications)
        {
            if (n.Targets.Count > 0)
            {
                _dispatcher.Enqueue(n);
            }
        }
    }

    private static string NewMessageId() => "SM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The webhooks subscribed to a project number (at most one subscription per number).</summary>
    private List<WebhookTarget> TargetsFor(string localNumber)
    {
        var targets = new List<WebhookTarget>();
        foreach (var sub in _subscriptions.Values)
        {
            if (sub.DestinationAddress == localNumber && _channels.TryGetValue(sub.ChannelId, out var channel))
            {
                targets.Add(new WebhookTarget(channel.Id, sub.Id, channel.WebhookUrl, channel.Authorization));
            }
        }
        return targets;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Notification channels
    // ------------------------------------------------------------------------------------------------------------

    public ApiResult CreateChannel(string webhookUrl, string? authorization, string? clientCorrelatorJson)
    {
        var channel = new ChannelState("wh-" + Guid.NewGuid(), webhookUrl, authorization, clientCorrelatorJson);
        lock (_gate)
        {
            _channels.Add(channel.Id, channel);
        }
        Log.ChannelCreated(_logger, channel.Id, webhookUrl);
        return new ApiResult(201, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("notificationChannel");
            WriteChannel(w, channel);
            w.WriteEndObject();
        }), Location: Paths.Channel(channel.Id));
    }

    public ApiResult ListChannels()
    {
        lock (_gate)
        {
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("notificationChannelList");
                w.WriteStartArray("notificationChannel");
                foreach (var c in _channels.Values)
                {
                    WriteChannel(w, c);
                }
                w.WriteEndArray();
                w.WriteString("resourceURL", Paths.Channels);
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult GetChannel(string channelId, string path)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(channelId, out var channel))
            {
                return Errors.NotFound(path);
            }
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("notificationChannel");
                WriteChannel(w, channel);
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult DeleteChannel(string channelId, string path)
    {
        lock (_gate)
        {
            if (!_channels.ContainsKey(channelId))
            {
                return Errors.NotFound(path);
            }
            var user = _subscriptions.Values.FirstOrDefault(s => s.ChannelId == channelId);
            if (user is not null)
            {
                return Errors.ChannelInUse(channelId, user.Id);
            }
            _channels.Remove(channelId);
        }
        Log.ChannelDeleted(_logger, channelId);
        return new ApiResult(204, null);
    }

    private void WriteChannel(Utf8JsonWriter w, ChannelState c)
    {
        w.WriteStartObject();
        w.WriteString("callbackURL", c.Id);
        w.WriteStartObject("channelData");
        w.WriteString("x-webhookURL", c.WebhookUrl);
        w.WriteStringIfPresent("x-authorization", c.Authorization);
        w.WriteEndObject();
        w.WriteString("channelType", "Webhooks");
        w.WriteRawIfPresent("clientCorrelator", c.ClientCorrelatorJson);
        w.WriteString("resourceURL", Paths.Channel(c.Id));
        w.WriteEndObject();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Inbound subscriptions
    // ------------------------------------------------------------------------------------------------------------

    public ApiResult CreateSubscription(string notifyUrl, string? destinationAddress, string? clientCorrelatorJson)
    {
        SubscriptionState subscription;
        lock (_gate)
        {
            if (!_channels.ContainsKey(notifyUrl))
            {
                return Errors.InvalidInput("notifyURL");
            }
            string destination;
            if (destinationAddress is null)
            {
                if (_numbers.Count == 0)
                {
                    return Errors.DestinationNotOwned("default");
                }
                destination = _numbers[0];
            }
            else
            {
                destination = destinationAddress;
                if (!_numbers.Contains(destination))
                {
                    return Errors.DestinationNotOwned(destination);
                }
            }
            if (_subscriptions.Values.Any(s => s.DestinationAddress == destination))
            {
                return Errors.OverlappingSubscription(destination);
            }
            subscription = new SubscriptionState(Guid.NewGuid().ToString(), notifyUrl, destination, clientCorrelatorJson);
            _subscriptions.Add(subscription.Id, subscription);
        }
        Log.SubscriptionCreated(_logger, subscription.Id, subscription.DestinationAddress, subscription.ChannelId);
        return new ApiResult(201, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("subscription");
            WriteSubscription(w, subscription);
            w.WriteEndObject();
        }), Location: Paths.Subscription(subscription.Id));
    }

    public ApiResult ListSubscriptions()
    {
        lock (_gate)
        {
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("subscriptionList");
                w.WriteString("resourceURL", Paths.Subscriptions);
                w.WriteStartArray("subscription");
                foreach (var s in _subscriptions.Values)
                {
                    WriteSubscription(w, s);
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult GetSubscription(string subscriptionId, string path)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(subscriptionId, out var s))
            {
                return Errors.NotFound(path);
            }
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("subscription");
                WriteSubscription(w, s);
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult DeleteSubscription(string subscriptionId, string path)
    {
        lock (_gate)
        {
            if (!_subscriptions.Remove(subscriptionId))
            {
                return Errors.NotFound(path);
            }
        }
        Log.SubscriptionDeleted(_logger, subscriptionId);
        return new ApiResult(204, null);
    }

    private void WriteSubscription(Utf8JsonWriter w, SubscriptionState s)
    {
        w.WriteStartObject();
        w.WriteStartObject("callbackReference");
        w.WriteString("notifyURL", s.ChannelId);
        w.WriteEndObject();
        w.WriteRawIfPresent("clientCorrelator", s.ClientCorrelatorJson);
        w.WriteString("destinationAddress", s.DestinationAddress);
        w.WriteString("resourceURL", Paths.Subscription(s.Id));
        w.WriteEndObject();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Numbers
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Unassigns a number: it can no longer send or be subscribed to, and its subscriptions are cancelled with an
    /// smsSubscriptionCancellationNotification. Returns the cancelled subscription ids, or null when the number is
    /// not assigned.
    /// </summary>
    public IReadOnlyList<string>? UnassignNumber(string number)
    {
        var notifications = new List<OutgoingNotification>();
        var cancelled = new List<string>();
        lock (_gate)
        {
            if (!_numbers.Remove(number))
            {
                return null;
            }
            var now = NowMs;
            foreach (var sub in _subscriptions.Values.Where(s => s.DestinationAddress == number).ToList())
            {
                var targets = TargetsFor(number).Where(t => t.SubscriptionId == sub.Id).ToList();
                _subscriptions.Remove(sub.Id);
                cancelled.Add(sub.Id);
                var id = Guid.NewGuid().ToString();
                var href = Paths.Subscription(sub.Id);
                notifications.Add(new OutgoingNotification("smsSubscriptionCancellationNotification", id, Json.Build(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartObject("smsSubscriptionCancellationNotification");
                    w.WriteStartArray("link");
                    w.WriteStartObject();
                    w.WriteString("href", href);
                    w.WriteString("rel", "Subscription");
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteNumber("dateTime", now);
                    w.WriteString("id", id);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }), targets));
            }
        }
        Log.NumberUnassigned(_logger, number, cancelled.Count);
        Dispatch(notifications);
        return cancelled;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sending and receiving
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>Sends one SMS to each destination (already validated) from a project number or "default".</summary>
    public ApiResult Send(string senderPath, IReadOnlyList<string> addresses, string text, string? clientCorrelatorJson)
    {
        var notifications = new List<OutgoingNotification>();
        string sender;
        string messageId;
        var statuses = new string[addresses.Count];
        lock (_gate)
        {
            if (senderPath == "default")
            {
                if (_numbers.Count == 0)
                {
                    return Errors.SenderNotOwned("default");
                }
                sender = _numbers[0];
            }
            else
            {
                sender = senderPath;
                if (!_numbers.Contains(sender))
                {
                    return Errors.SenderNotOwned(sender);
                }
            }

            messageId = NewMessageId();
            var now = NowMs;
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < addresses.Count; i++)
            {
                var remote = Addresses.Normalize(addresses[i]);
                if (seen.TryGetValue(remote, out var earlier))
                {
                    // The same destination twice (possibly in two forms): one message, one status.
                    statuses[i] = earlier;
                    continue;
                }
                var status = _undeliverable.Contains(remote) ? "DeliveryImpossible" : "DeliveredToNetwork";
                statuses[i] = status;
                seen.Add(remote, status);
                Store(remote, sender, "Outbound", text, status, now, messageId);
                notifications.Add(MessageNotification("outboundSMSMessageNotification", "outboundSMSMessage",
                    now, destination: remote, sender: sender, text, messageId, TargetsFor(sender)));

                // A message to another project number arrives there as an inbound SMS.
                if (status == "DeliveredToNetwork" && _numbers.Contains(remote))
                {
                    var inboundId = NewMessageId();
                    Store(sender, remote, "Inbound", text, "DeliveredToTerminal", now, inboundId);
                    notifications.Add(MessageNotification("inboundSMSMessageNotification", "inboundSMSMessage",
                        now, destination: remote, sender: sender, text, inboundId, TargetsFor(remote)));
                }
            }
        }

        Log.Sent(_logger, messageId, sender, addresses.Count);
        Dispatch(notifications);
        var firstRemote = Addresses.Normalize(addresses[0]);
        return new ApiResult(201, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("outboundSMSMessageRequest");
            w.WriteStartArray("address");
            foreach (var a in addresses)
            {
                w.WriteStringValue(a);
            }
            w.WriteEndArray();
            w.WriteRawIfPresent("clientCorrelator", clientCorrelatorJson);
            w.WriteStartObject("deliveryInfoList");
            w.WriteStartArray("deliveryInfo");
            for (var i = 0; i < addresses.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("address", addresses[i]);
                w.WriteString("deliveryStatus", statuses[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("resourceURL", Paths.DeliveryInfos(firstRemote, messageId));
            w.WriteEndObject();
            w.WriteStartObject("outboundSMSTextMessage");
            w.WriteString("message", text);
            w.WriteEndObject();
            w.WriteString("resourceURL", Paths.SentMessage(sender, messageId));
            w.WriteString("senderAddress", sender);
            w.WriteEndObject();
            w.WriteEndObject();
        }), Location: Paths.Message(firstRemote, sender, messageId));
    }

    /// <summary>
    /// An SMS from <paramref name="from"/> (validated) arrives at the project number <paramref name="to"/>. Returns
    /// the stored message's id and resourceURL, or an error when <paramref name="to"/> is not assigned.
    /// </summary>
    public (string MessageId, string ResourceUrl)? ReceiveInbound(string from, string to, string text)
    {
        var notifications = new List<OutgoingNotification>();
        var remote = Addresses.Normalize(from);
        var messageId = NewMessageId();
        lock (_gate)
        {
            if (!_numbers.Contains(to))
            {
                return null;
            }
            var now = NowMs;
            Store(remote, to, "Inbound", text, "DeliveredToTerminal", now, messageId);
            notifications.Add(MessageNotification("inboundSMSMessageNotification", "inboundSMSMessage",
                now, destination: to, sender: remote, text, messageId, TargetsFor(to)));
        }
        Log.Received(_logger, messageId, to);
        Dispatch(notifications);
        return (messageId, Paths.Message(remote, to, messageId));
    }

    private static OutgoingNotification MessageNotification(string type, string messageKey, long now, string destination,
        string sender, string text, string messageId, List<WebhookTarget> targets)
    {
        var id = Guid.NewGuid().ToString();
        return new OutgoingNotification(type, id, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(type);
            w.WriteStartObject(messageKey);
            w.WriteNumber("dateTime", now);
            w.WriteString("destinationAddress", destination);
            w.WriteString("message", text);
            w.WriteString("messageId", messageId);
            w.WriteString("senderAddress", sender);
            w.WriteEndObject();
            w.WriteNumber("dateTime", now);
            w.WriteString("id", id);
            w.WriteEndObject();
            w.WriteEndObject();
        }), targets);
    }

    /// <summary>Stores a message (under the lock) and enforces the history cap by removing the oldest messages.</summary>
    private void Store(string remote, string local, string direction, string text, string status, long now, string messageId)
    {
        if (!_threads.TryGetValue((remote, local), out var thread))
        {
            thread = new ThreadState(remote, local);
            _threads.Add((remote, local), thread);
        }
        var message = new StoredMessage
        {
            MessageId = messageId,
            Remote = remote,
            Local = local,
            Direction = direction,
            Text = text,
            Status = status,
            DateTime = now,
            Sequence = ++_sequence,
        };
        thread.Messages.Add(message);
        thread.ById[messageId] = message;
        message.HistoryNode = _history.AddLast(message);

        var evicted = 0;
        while (_history.Count > _options.MessageHistoryCap)
        {
            var oldest = _history.First!.Value;
            RemoveMessage(oldest);
            evicted++;
        }
        if (evicted > 0)
        {
            Log.Evicted(_logger, evicted, _options.MessageHistoryCap);
        }
    }

    private void RemoveMessage(StoredMessage message)
    {
        if (message.HistoryNode is not null)
        {
            _history.Remove(message.HistoryNode);
            message.HistoryNode = null;
        }
        var key = (message.Remote, message.Local);
        if (_threads.TryGetValue(key, out var thread))
        {
            thread.Messages.Remove(message);
            thread.ById.Remove(message.MessageId);
            if (thread.Messages.Count == 0)
            {
                _threads.Remove(key);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // History
    // ------------------------------------------------------------------------------------------------------------

    public ApiResult ListThreads(string? remote, ListQuery query)
    {
        lock (_gate)
        {
            var threads = _threads.Values
                .Where(t => remote is null || t.Remote == remote)
                .Where(t => !query.OnlyNew || t.Messages.Any(m => m.IsNew))
                .Where(t => query.LastMessageTime is null || t.Last.DateTime > query.LastMessageTime)
                .Where(t => query.Before is null || t.Last.Sequence < query.Before)
                .OrderByDescending(t => t.Last.Sequence)
                .Take(query.Max + 1)
                .ToList();
            var more = threads.Count > query.Max;
            if (more)
            {
                threads.RemoveAt(threads.Count - 1);
            }
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("smsThreadList");
                w.WriteStartArray("smsThread");
                foreach (var t in threads)
                {
                    WriteThread(w, t);
                }
                w.WriteEndArray();
                w.WriteString("resourceURL", remote is null ? Paths.Threads : Paths.ThreadsWith(remote));
                if (more)
                {
                    w.WriteString("next", Cursor.Encode(Cursor.Threads, threads[^1].Last.Sequence));
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult GetThread(string remote, string local, string path)
    {
        lock (_gate)
        {
            if (!_threads.TryGetValue((remote, local), out var thread))
            {
                return Errors.NotFound(path);
            }
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("smsThread");
                WriteThread(w, thread);
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult DeleteThread(string remote, string local, string path)
    {
        int count;
        lock (_gate)
        {
            if (!_threads.TryGetValue((remote, local), out var thread))
            {
                return Errors.NotFound(path);
            }
            count = thread.Messages.Count;
            foreach (var m in thread.Messages.ToList())
            {
                RemoveMessage(m);
            }
        }
        Log.ThreadDeleted(_logger, remote, local, count);
        return new ApiResult(204, null);
    }

    public ApiResult ListMessages(string remote, string local, ListQuery query, string path)
    {
        lock (_gate)
        {
            if (!_threads.TryGetValue((remote, local), out var thread))
            {
                return Errors.NotFound(path);
            }
            var page = new List<StoredMessage>(Math.Min(query.Max + 1, thread.Messages.Count));
            for (var i = thread.Messages.Count - 1; i >= 0 && page.Count <= query.Max; i--)
            {
                var m = thread.Messages[i];
                if ((query.Before is null || m.Sequence < query.Before)
                    && (!query.OnlyNew || m.IsNew)
                    && (query.LastMessageTime is null || m.DateTime > query.LastMessageTime))
                {
                    page.Add(m);
                }
            }
            var more = page.Count > query.Max;
            if (more)
            {
                page.RemoveAt(page.Count - 1);
            }
            foreach (var m in page)
            {
                m.Pulled = true;
            }
            thread.LastPullTime = NowMs;
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("smsMessageList");
                w.WriteStartArray("smsMessage");
                foreach (var m in page)
                {
                    WriteMessage(w, m);
                }
                w.WriteEndArray();
                w.WriteString("resourceURL", Paths.Messages(remote, local));
                if (more)
                {
                    w.WriteString("next", Cursor.Encode(Cursor.Messages, page[^1].Sequence));
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult GetMessage(string remote, string local, string messageId, bool statusOnly, string path)
    {
        lock (_gate)
        {
            if (!_threads.TryGetValue((remote, local), out var thread) || !thread.ById.TryGetValue(messageId, out var m))
            {
                return Errors.NotFound(path);
            }
            if (statusOnly)
            {
                return new ApiResult(200, Json.Build(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("status", m.Status);
                    w.WriteEndObject();
                }));
            }
            m.Pulled = true;
            thread.LastPullTime = NowMs;
            return new ApiResult(200, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("smsMessage");
                WriteMessage(w, m);
                w.WriteEndObject();
            }));
        }
    }

    public ApiResult DeleteMessage(string remote, string local, string messageId, string path)
    {
        var notifications = new List<OutgoingNotification>();
        lock (_gate)
        {
            if (!_threads.TryGetValue((remote, local), out var thread) || !thread.ById.TryGetValue(messageId, out var m))
            {
                return Errors.NotFound(path);
            }
            RemoveMessage(m);
            var id = Guid.NewGuid().ToString();
            var now = NowMs;
            var href = Paths.Message(remote, local, messageId);
            notifications.Add(new OutgoingNotification("smsEventNotification", id, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("smsEventNotification");
                w.WriteString("eventDescription", "A message has been deleted.");
                w.WriteString("eventType", "MessageDeleted");
                w.WriteStartArray("link");
                w.WriteStartObject();
                w.WriteString("href", href);
                w.WriteString("rel", "smsMessage");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("id", id);
                w.WriteNumber("dateTime", now);
                w.WriteEndObject();
                w.WriteEndObject();
            }), TargetsFor(local)));
        }
        Log.MessageDeleted(_logger, messageId);
        Dispatch(notifications);
        return new ApiResult(204, null);
    }

    private void WriteThread(Utf8JsonWriter w, ThreadState t)
    {
        w.WriteStartObject();
        w.WriteString("remoteAddress", t.Remote);
        w.WriteString("localAddress", t.Local);
        w.WriteStartObject("threadDetails");
        w.WriteNumber("firstMessageTime", t.Messages[0].DateTime);
        w.WriteNumber("lastMessageTime", t.Last.DateTime);
        w.WriteNumber("lastPullTime", t.LastPullTime);
        w.WriteString("lastText", t.Last.Text);
        w.WriteNumber("length", t.Messages.Count);
        w.WriteNumber("new", t.Messages.Count(m => m.IsNew));
        w.WriteEndObject();
        w.WriteString("resourceURL", Paths.Thread(t.Remote, t.Local));
        w.WriteEndObject();
    }

    private void WriteMessage(Utf8JsonWriter w, StoredMessage m)
    {
        w.WriteStartObject();
        w.WriteString("type", m.Direction);
        w.WriteString("messageId", m.MessageId);
        w.WriteString("message", m.Text);
        w.WriteString("status", m.Status);
        w.WriteNumber("dateTime", m.DateTime);
        w.WriteString("resourceURL", Paths.Message(m.Remote, m.Local, m.MessageId));
        w.WriteEndObject();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Notification channel {ChannelId} created for webhook {WebhookUrl}")]
        public static partial void ChannelCreated(ILogger logger, string channelId, string webhookUrl);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Notification channel {ChannelId} deleted")]
        public static partial void ChannelDeleted(ILogger logger, string channelId);

        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Inbound SMS subscription {SubscriptionId} created for {Number} on channel {ChannelId}")]
        public static partial void SubscriptionCreated(ILogger logger, string subscriptionId, string number, string channelId);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Inbound SMS subscription {SubscriptionId} deleted")]
        public static partial void SubscriptionDeleted(ILogger logger, string subscriptionId);

        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Number {Number} unassigned; {Count} subscription(s) cancelled")]
        public static partial void NumberUnassigned(ILogger logger, string number, int count);

        [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "SMS {MessageId} sent from {Sender} to {Count} destination(s)")]
        public static partial void Sent(ILogger logger, string messageId, string sender, int count);

        [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Inbound SMS {MessageId} received on {Number}")]
        public static partial void Received(ILogger logger, string messageId, string number);

        [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "SMS message {MessageId} deleted")]
        public static partial void MessageDeleted(ILogger logger, string messageId);

        [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "SMS thread {Remote}/{Local} deleted ({Count} message(s))")]
        public static partial void ThreadDeleted(ILogger logger, string remote, string local, int count);

        [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "History cap {Cap} reached: {Count} oldest message(s) removed")]
        public static partial void Evicted(ILogger logger, int count, int cap);
    }
}

/// <summary>The opaque <c>next</c> pointer of the history lists: base64url of "kind:sequence".</summary>
internal static class Cursor
{
    public const char Threads = 't';
    public const char Messages = 'm';

    public static string Encode(char kind, long sequence) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(kind + ":" + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string value, char kind, out long sequence)
    {
        sequence = 0;
        if (value.Length is 0 or > 64)
        {
            return false;
        }
        string text;
        try
        {
            text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value));
        }
        catch (FormatException)
        {
            return false;
        }
        return text.Length > 2 && text[0] == kind && text[1] == ':'
            && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence > 0;
    }
}
