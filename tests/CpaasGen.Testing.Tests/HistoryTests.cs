using System.Linq;
using System.Threading.Tasks;
using Cpaas.Testing.Internal;
using Xunit;

namespace Cpaas.Testing.Tests;

/// <summary>
/// The history stubs answer the spec's examples for the user and the numbers of the request (the kit keeps no history:
/// a history that follows the sends is the emulator's job).
/// </summary>
public sealed class HistoryTests
{
    [Fact]
    public async Task The_history_operations_answer_the_spec_examples_for_the_request()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        const string remote = "+16131234567";
        var local = server.DefaultNumber;
        var example = ApiDescription.Embedded.Operation("listSmsThreads").SuccessExample!["smsThreadList"]!["smsThread"]!.AsArray();

        var threads = await client.Conversation.GetThreadsAsync();
        var withRemote = await client.Conversation.GetThreadsWithRemoteAddressAsync(remote);
        var thread = await client.Conversation.GetThreadAsync(remote, local);
        var messages = await client.Conversation.GetMessagesAsync(remote, local);
        var message = await client.Conversation.GetMessageAsync(remote, local, "SM0001");
        var status = await client.Conversation.GetStatusAsync(remote, local, "SM0001");

        Assert.Equal(example.Select(t => (string?)t!["remoteAddress"]), threads.Items.Select(t => t.RemoteAddress));
        Assert.All(threads.Items, t => Assert.StartsWith("/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses/" + t.RemoteAddress + "/localAddresses/", t.ResourceUrl?.OriginalString));
        Assert.All(withRemote.Items, t => Assert.Equal(remote, t.RemoteAddress));
        Assert.Equal((remote, local), (thread.RemoteAddress, thread.LocalAddress));
        Assert.Equal("/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses/" + remote + "/localAddresses/" + local, thread.ResourceUrl?.OriginalString);
        Assert.NotEmpty(messages.Items);
        Assert.Equal("SM0001", message.MessageId);
        Assert.Equal(DeliveryStatus.DeliveredToTerminal, status);
        await client.Conversation.DeleteMessageAsync(remote, local, "SM0001");
        await client.Conversation.DeleteThreadAsync(remote, local);
        Assert.Equal(2, server.WireMockServer.LogEntries.Count(e => e.MappingTitle is "deleteSmsMessage" or "deleteSmsThread"));
    }

    [Fact]
    public async Task A_malformed_max_is_400_and_the_other_paging_parameters_are_accepted_in_any_form()
    {
        using var server = CpaasMockServer.Start();
        using var http = new System.Net.Http.HttpClient();
        var token = await SpecCoverageTests.TokenAsync(server, http);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var threads = server.Root() + "/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses";

        using var malformed = await http.GetAsync(threads + "?max=abc");
        using var kandyClients = await http.GetAsync(threads + "?max=10&next=20&new=5&lastMessageTime=123");

        Assert.Equal(400, (int)malformed.StatusCode);
        Assert.Equal(200, (int)kandyClients.StatusCode);
    }
}
