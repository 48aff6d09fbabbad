using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public abstract partial class BackendContractTests<TBackend>
{
    [Fact]
    public async Task GetStatus_returns_a_documented_delivery_status()
    {
        var sent = await SendAsync(Backend.DefaultNumber, Remote, Unique("contract: status"));

        var status = await Sms.GetStatusAsync(Remote, Backend.DefaultNumber, sent.MessageId!);

        Assert.True(status.IsKnown, "Status '" + status.Value + "' is not one of the documented values.");
    }

    [Fact]
    public async Task The_history_lists_and_items_parse_with_documented_values()
    {
        var local = Backend.DefaultNumber;
        var sent = await SendAsync(local, Remote, "for the history");

        var threads = await Sms.GetThreadsAsync(new HistoryQuery { Max = 10 });
        var withRemote = await Sms.GetThreadsWithRemoteAddressAsync(Remote);
        var thread = await Sms.GetThreadAsync(Remote, local);
        var messages = await Sms.GetMessagesAsync(Remote, local, new HistoryQuery { Max = 10 });
        var message = await Sms.GetMessageAsync(Remote, local, sent.MessageId!);

        Assert.NotEmpty(threads.Items);
        Assert.All(withRemote.Items, t => Assert.Equal(Remote, t.RemoteAddress));
        Assert.Equal((Remote, local), (thread.RemoteAddress, thread.LocalAddress));
        Assert.NotEmpty(messages.Items);
        Assert.All(messages.Items, m => Assert.False(string.IsNullOrEmpty(m.MessageId)));
        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.True(message.Status?.IsKnown, "A stored message's status is one of the documented values.");
    }
}
