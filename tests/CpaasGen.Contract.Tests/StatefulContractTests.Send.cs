using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public sealed partial class StatefulContractTests
{
    [Fact]
    public async Task A_refused_send_is_not_stored_in_the_history()
    {
        await Assert.ThrowsAsync<CpaasApiException>(() => SendAsync(Backend.UnownedNumber, Remote, "not ours"));

        var threads = await Sms.GetThreadsAsync();
        Assert.DoesNotContain(threads.Items, t => t.LocalAddress == Backend.UnownedNumber);
    }
}
