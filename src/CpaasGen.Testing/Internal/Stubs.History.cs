using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>The SMS history stubs: threads and messages, kept per (remote, local) pair.</summary>
internal sealed partial class Stubs
{
    // ---- SMS history -------------------------------------------------------------------------------------------

    private Reply ListThreads(Call call) => ThreadList(call, remote: null);

    private Reply ListThreadsWithRemote(Call call) => ThreadList(call, call.Path["remoteAddress"]);

    private Reply ThreadList(Call call, string? remote)
    {
        var body = call.Example();
        var list = Templates.ObjectAt(body, "smsThreadList", call.Operation.OperationId);
        var template = Templates.CopyAt(body, "smsThreadList.smsThread[0]", call.Operation.OperationId);
        var items = new JsonArray();
        string? next;
        lock (_state.Gate)
        {
            var threads = _state.Threads
                .Where(t => remote is null || string.Equals(t.Remote, remote, StringComparison.Ordinal))
                .OrderByDescending(t => t.LastMessageTime)
                .ToList();
            foreach (var thread in Page(call, threads, out next))
            {
                var item = (JsonObject)template.DeepClone();
                FillThread(item, thread);
                items.Add(item);
            }
        }

        list["smsThread"] = items;
        list["resourceURL"] = call.RawPath;
        Templates.Set(list, "next", next is null ? null : JsonValue.Create(next));
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetThread(Call call)
    {
        var body = call.Example();
        lock (_state.Gate)
        {
            FillThread(Templates.ObjectAt(body, "smsThread", "getSmsThread"), FindThread(call));
        }

        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply DeleteThread(Call call)
    {
        lock (_state.Gate)
        {
            _state.Threads.Remove(FindThread(call));
        }

        return new Reply(call.Operation.SuccessStatus, null);
    }

    private Reply ListMessages(Call call)
    {
        var body = call.Example();
        var list = Templates.ObjectAt(body, "smsMessageList", "listSmsMessages");
        var template = Templates.CopyAt(body, "smsMessageList.smsMessage[0]", "listSmsMessages");
        var items = new JsonArray();
        string? next;
        lock (_state.Gate)
        {
            // A thread nobody has written to yet is an empty list, not an error.
            var thread = _state.FindThread(call.Path["remoteAddress"], call.Path["localAddress"]);
            var messages = thread?.Messages.OrderBy(m => m.DateTime).ToList() ?? new List<MessageRecord>();
            foreach (var message in Page(call, messages, out next))
            {
                var item = (JsonObject)template.DeepClone();
                FillMessage(item, thread!, message);
                items.Add(item);
            }

            if (thread is not null)
            {
                thread.LastPullTime = CpaasNotifications.Now();
            }
        }

        list["smsMessage"] = items;
        list["resourceURL"] = call.RawPath;
        Templates.Set(list, "next", next is null ? null : JsonValue.Create(next));
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetMessage(Call call)
    {
        var body = call.Example();
        lock (_state.Gate)
        {
            var (thread, message) = FindMessage(call);
            FillMessage(Templates.ObjectAt(body, "smsMessage", "getSmsMessage"), thread, message);
        }

        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetStatus(Call call)
    {
        var body = (JsonObject)call.Example();
        lock (_state.Gate)
        {
            body["status"] = FindMessage(call).Message.Status;
        }

        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply DeleteMessage(Call call)
    {
        lock (_state.Gate)
        {
            var (thread, message) = FindMessage(call);
            thread.Messages.Remove(message);
            if (thread.Messages.Count == 0)
            {
                _state.Threads.Remove(thread);
            }
        }

        return new Reply(call.Operation.SuccessStatus, null);
    }

    private ThreadRecord FindThread(Call call)
    {
        var remote = call.Path["remoteAddress"];
        var local = call.Path["localAddress"];
        return _state.FindThread(remote, local) ?? throw NotFound("thread " + remote + " / " + local);
    }

    private (ThreadRecord Thread, MessageRecord Message) FindMessage(Call call)
    {
        var thread = FindThread(call);
        var id = call.Path["messageId"];
        var message = thread.Messages.FirstOrDefault(m => m.Id == id) ?? throw NotFound("messageId " + id);
        return (thread, message);
    }

    /// <summary>Applies <c>max</c> and <c>next</c> (an offset this server hands out); sets <paramref name="next"/> when more remain.</summary>
    private List<T> Page<T>(Call call, List<T> items, out string? next)
    {
        var offset = 0;
        if (call.Query.TryGetValue("next", out var pointer) && pointer.Length > 0
            && (!int.TryParse(pointer, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > items.Count))
        {
            throw Invalid("next");
        }

        var max = items.Count;
        if (call.Query.TryGetValue("max", out var maxText) && maxText.Length > 0
            && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1))
        {
            throw Invalid("max");
        }

        var page = items.Skip(offset).Take(max).ToList();
        next = offset + page.Count < items.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return page;
    }

    private void FillThread(JsonObject item, ThreadRecord thread)
    {
        item["remoteAddress"] = thread.Remote;
        item["localAddress"] = thread.Local;
        var details = Templates.ObjectAt(item, "threadDetails", "smsThread");
        details["firstMessageTime"] = thread.FirstMessageTime;
        details["lastMessageTime"] = thread.LastMessageTime;
        Templates.Set(details, "lastPullTime", thread.LastPullTime is { } pulled ? JsonValue.Create(pulled) : null);
        details["lastText"] = thread.Messages.OrderBy(m => m.DateTime).LastOrDefault()?.Text ?? string.Empty;
        details["length"] = thread.Messages.Count;
        details["new"] = thread.NewCount;
        item["resourceURL"] = AdaptOrBuild(Templates.Text(item, "resourceURL"), ThreadPath(thread), ("remoteAddresses", thread.Remote), ("localAddresses", thread.Local));
    }

    private void FillMessage(JsonObject item, ThreadRecord thread, MessageRecord message)
    {
        item["type"] = message.Direction;
        item["messageId"] = message.Id;
        item["message"] = message.Text;
        item["status"] = message.Status;
        item["dateTime"] = message.DateTime;
        item["resourceURL"] = AdaptOrBuild(
            Templates.Text(item, "resourceURL"),
            ThreadPath(thread) + "/messages/" + message.Id,
            ("remoteAddresses", thread.Remote),
            ("localAddresses", thread.Local),
            ("messages", message.Id));
    }

    /// <summary>The example's resource URL adapted to these values; the plain path when the example has none to adapt.</summary>
    private string AdaptOrBuild(string? templateUrl, string path, params (string After, string Value)[] replacements)
        => templateUrl is not null && templateUrl.StartsWith("/cpaas/", StringComparison.Ordinal)
            ? Templates.AdaptUrl(templateUrl, _options.UserId, replacements)
            : path;

    private string ThreadPath(ThreadRecord thread)
        => "/cpaas/smsmessaging/v1/" + _options.UserId + "/remoteAddresses/" + thread.Remote + "/localAddresses/" + thread.Local;
}
