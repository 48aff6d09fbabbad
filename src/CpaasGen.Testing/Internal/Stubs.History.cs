using System.Globalization;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>
/// The SMS history stubs: the spec's examples with the user id, and the path's remote and local numbers and message id,
/// put into them. A history that follows your sends is the emulator's job (CpaasGen.Emulator), not the kit's.
/// </summary>
internal sealed partial class Stubs
{
    private Reply ListThreads(Call call) => ThreadList(call, remote: null);

    private Reply ListThreadsWithRemote(Call call) => ThreadList(call, call["remoteAddress"]);

    private Reply ThreadList(Call call, string? remote)
    {
        CheckMax(call);
        var body = call.Example();
        var list = Templates.ObjectAt(body, "smsThreadList", call.Operation.OperationId);
        foreach (var item in Templates.ArrayAt(body, "smsThreadList.smsThread", call.Operation.OperationId))
        {
            if (item is JsonObject thread)
            {
                if (remote is not null)
                {
                    thread["remoteAddress"] = remote;
                }

                thread["resourceURL"] = Url(Templates.Text(thread, "resourceURL"), ("remoteAddresses", Templates.Text(thread, "remoteAddress") ?? string.Empty));
            }
        }

        list["resourceURL"] = call.RawPath;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetThread(Call call)
    {
        var (remote, local) = (call["remoteAddress"], call["localAddress"]);
        var body = call.Example();
        var thread = Templates.ObjectAt(body, "smsThread", "getSmsThread");
        thread["remoteAddress"] = remote;
        thread["localAddress"] = local;
        thread["resourceURL"] = Url(Templates.Text(thread, "resourceURL"), ("remoteAddresses", remote), ("localAddresses", local));
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply ListMessages(Call call)
    {
        CheckMax(call);
        var (remote, local) = (call["remoteAddress"], call["localAddress"]);
        var body = call.Example();
        var list = Templates.ObjectAt(body, "smsMessageList", "listSmsMessages");
        foreach (var item in Templates.ArrayAt(body, "smsMessageList.smsMessage", "listSmsMessages"))
        {
            if (item is JsonObject message)
            {
                var id = Templates.Text(message, "messageId") ?? string.Empty;
                message["resourceURL"] = ThreadPath(remote, local) + "/messages/" + id;
            }
        }

        list["resourceURL"] = call.RawPath;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private Reply GetMessage(Call call)
    {
        var (remote, local, id) = (call["remoteAddress"], call["localAddress"], call["messageId"]);
        var body = call.Example();
        var message = Templates.ObjectAt(body, "smsMessage", "getSmsMessage");
        message["messageId"] = id;
        message["resourceURL"] = ThreadPath(remote, local) + "/messages/" + id;
        return new Reply(call.Operation.SuccessStatus, body);
    }

    private static Reply GetStatus(Call call) => new(call.Operation.SuccessStatus, call.Example());

    private static Reply DeleteThread(Call call) => new(call.Operation.SuccessStatus, null);

    private static Reply DeleteMessage(Call call) => new(call.Operation.SuccessStatus, null);

    /// <summary>A malformed <c>max</c> is refused; <c>next</c> and <c>new</c> are accepted in any form, as the emulator does.</summary>
    private void CheckMax(Call call)
    {
        if (call.Query.TryGetValue("max", out var max) && max.Length > 0
            && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1))
        {
            throw Invalid("max");
        }
    }

    private string ThreadPath(string remote, string local)
        => "/cpaas/smsmessaging/v1/" + _options.UserId + "/remoteAddresses/" + remote + "/localAddresses/" + local;
}
