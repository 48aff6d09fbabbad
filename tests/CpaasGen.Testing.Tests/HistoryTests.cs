using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

public sealed class HistoryTests
{
    [Fact]
    public async Task Sent_and_received_messages_show_up_in_threads_and_can_be_deleted()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        const string remote = "+16131234567";
        var local = server.DefaultNumber;

        var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = [remote], SenderAddress = "default", Message = "ping" });
        server.AddInboundSms(remote, local, "pong");

        var threads = await client.Conversation.GetThreadsAsync();
        var thread = Assert.Single(threads.Items);
        Assert.Equal((remote, local), (thread.RemoteAddress, thread.LocalAddress));
        Assert.Equal(2, thread.Length);
        Assert.Equal(1, thread.NewMessageCount);
        Assert.Equal("pong", thread.LastText);
        Assert.Equal("/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses/" + remote + "/localAddresses/" + local, thread.ResourceUrl);
        Assert.Null(threads.Next);
        Assert.Single((await client.Conversation.GetThreadsAsync(remote)).Items);
        Assert.Empty((await client.Conversation.GetThreadsAsync("+19999999999")).Items);

        var one = await client.Conversation.GetThreadAsync(remote, local);
        Assert.Equal(2, one.Length);

        var messages = await client.Conversation.GetMessagesAsync(remote, local);
        Assert.Equal(["ping", "pong"], messages.Items.Select(m => m.Message));
        Assert.Equal([SmsMessageDirection.Outbound, SmsMessageDirection.Inbound], messages.Items.Select(m => m.Direction));
        Assert.Equal(sent.MessageId, messages.Items[0].MessageId);
        Assert.Equal(0, (await client.Conversation.GetThreadAsync(remote, local)).NewMessageCount); // listed = read

        var message = await client.Conversation.GetMessageAsync(remote, local, sent.MessageId!);
        Assert.Equal("ping", message.Message);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, await client.Conversation.GetStatusAsync(remote, local, sent.MessageId!));
        Assert.Equal(DeliveryStatus.DeliveredToTerminal, await client.Conversation.GetStatusAsync(remote, local, messages.Items[1].MessageId!));

        await client.Conversation.DeleteMessageAsync(remote, local, sent.MessageId!);
        var missing = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetMessageAsync(remote, local, sent.MessageId!));
        Assert.Equal(404, missing.StatusCode);
        Assert.Single((await client.Conversation.GetMessagesAsync(remote, local)).Items);

        await client.Conversation.DeleteThreadAsync(remote, local);
        var noThread = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetThreadAsync(remote, local));
        Assert.Equal(404, noThread.StatusCode);
        Assert.Empty((await client.Conversation.GetThreadsAsync()).Items);
    }

    [Fact]
    public async Task Pages_follow_max_and_next()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        foreach (var remote in new[] { "+16131110001", "+16131110002", "+16131110003" })
        {
            server.AddInboundSms(remote, server.DefaultNumber, "hi from " + remote);
        }

        var first = await client.Conversation.GetThreadsAsync(new HistoryQuery { Max = 2 });
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Next);

        var all = new List<SmsThread>();
        await foreach (var thread in client.Conversation.GetAllThreadsAsync(new HistoryQuery { Max = 1 }))
        {
            all.Add(thread);
        }

        Assert.Equal(3, all.Select(t => t.RemoteAddress).Distinct().Count());
    }
}
