using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Contract.Tests;

public abstract partial class BackendContractTests<TBackend>
{
    [Fact]
    public async Task Send_from_an_owned_number_reports_that_sender_and_DeliveredToNetwork()
    {
        var sender = Backend.OwnedNumbers[1];
        var text = Unique("contract: owned sender");

        var sent = await SendAsync(sender, Remote, text);

        Assert.Equal(sender, sent.SenderAddress);
        Assert.Equal(text, sent.Message);
        Assert.False(string.IsNullOrEmpty(sent.MessageId), "The message id is the last segment of the resourceURL.");
        var info = Assert.Single(sent.DeliveryInfo);
        Assert.Equal(Remote, info.DestinationAddress);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, info.DeliveryStatus);
        Assert.Equal(Backend.Options.ClientId + "-csharp", sent.ClientCorrelator); // echoed as sent
    }

    [Fact]
    public async Task Send_from_default_reports_the_real_default_number_never_the_word_default()
    {
        var sent = await SendAsync(PhoneAddress.DefaultSender, Remote, Unique("contract: default sender"));

        Assert.Equal(Backend.DefaultNumber, sent.SenderAddress);
        Assert.NotEqual(PhoneAddress.DefaultSender, sent.SenderAddress, System.StringComparer.OrdinalIgnoreCase);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, Assert.Single(sent.DeliveryInfo).DeliveryStatus);
    }

    [Fact]
    public async Task Send_to_an_undeliverable_destination_reports_DeliveryImpossible()
    {
        var sent = await SendAsync(Backend.DefaultNumber, Backend.UndeliverableDestination, Unique("contract: undeliverable"));

        var info = Assert.Single(sent.DeliveryInfo);
        Assert.Equal(Backend.UndeliverableDestination, info.DestinationAddress);
        Assert.Equal(DeliveryStatus.DeliveryImpossible, info.DeliveryStatus);
        Assert.Equal(Backend.DefaultNumber, sent.SenderAddress);
    }

    [Fact]
    public async Task Send_from_an_unowned_number_is_a_403_policyException_with_an_exception_id()
    {
        var refused = await Assert.ThrowsAsync<CpaasApiException>(() => SendAsync(Backend.UnownedNumber, Remote, "not ours"));

        AssertPolicyRefusal(refused);
        Assert.NotNull(refused.Hint); // the SDK explains the 403 for a named sender
    }
}
