using System;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

public sealed class SendTests
{
    [Fact]
    public async Task Explicit_sender_is_delivered_and_recorded()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());

        var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16131234567"],
            SenderAddress = "+16139998877",
            Message = "hello from a test ✓",
        });

        Assert.Equal("+16139998877", sent.SenderAddress);
        Assert.Equal("hello from a test ✓", sent.Message);
        var delivery = Assert.Single(sent.DeliveryInfo);
        Assert.Equal("+16131234567", delivery.DestinationAddress);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, delivery.DeliveryStatus);
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        Assert.Equal(CpaasMockServerOptions.DefaultClientId + "-csharp", sent.ClientCorrelator);
        Assert.StartsWith("/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses/+16139998877/messages/", sent.ResourceUrl?.OriginalString, StringComparison.Ordinal);

        var recorded = Assert.Single(server.SentMessages);
        Assert.Equal("+16139998877", recorded.SenderPathSegment); // matched on the raw path: '+' not decoded
        Assert.Equal("+16139998877", recorded.Sender);
        Assert.Equal(["+16131234567"], recorded.Destinations);
        Assert.Equal("hello from a test ✓", recorded.Text);
        Assert.Equal(CpaasMockServerOptions.DefaultClientId + "-csharp", recorded.ClientCorrelator);
        Assert.Equal(sent.MessageId, recorded.MessageId);
        Assert.InRange(recorded.Time, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Default_sender_resolves_to_the_default_number()
    {
        using var server = CpaasMockServer.Start(new CpaasMockServerOptions { DefaultNumber = "+15145550100" });
        using var client = new CpaasClient(server.ClientOptions());

        var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16131234567"],
            SenderAddress = "default",
            Message = "hi",
            ClientCorrelator = "my-correlator",
        });

        Assert.Equal("+15145550100", server.DefaultNumber);
        Assert.Equal("+15145550100", sent.SenderAddress);
        Assert.Equal("my-correlator", sent.ClientCorrelator);
        var recorded = Assert.Single(server.SentMessages);
        Assert.Equal("default", recorded.SenderPathSegment);
        Assert.Equal("+15145550100", recorded.Sender);
        Assert.Equal("my-correlator", recorded.ClientCorrelator);
    }

    [Fact]
    public async Task Delivery_impossible_for_the_chosen_destination_only_until_SendDelivers()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.SendFailsWithDeliveryImpossible("+16131234567");

        var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16131234567", "+16137654321"],
            SenderAddress = "default",
            Message = "hi",
        });

        Assert.Equal(2, sent.DeliveryInfo.Count);
        Assert.Equal(("+16131234567", DeliveryStatus.DeliveryImpossible), (sent.DeliveryInfo[0].DestinationAddress, sent.DeliveryInfo[0].DeliveryStatus));
        Assert.Equal(("+16137654321", DeliveryStatus.DeliveredToNetwork), (sent.DeliveryInfo[1].DestinationAddress, sent.DeliveryInfo[1].DeliveryStatus));

        server.SendDelivers();
        var again = await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "hi" });
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, Assert.Single(again.DeliveryInfo).DeliveryStatus);
    }

    [Fact]
    public async Task Delivery_impossible_for_every_destination_without_arguments()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.SendFailsWithDeliveryImpossible();

        var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16130001111"], SenderAddress = "default", Message = "hi" });

        Assert.Equal(DeliveryStatus.DeliveryImpossible, Assert.Single(sent.DeliveryInfo).DeliveryStatus);
    }

    [Fact]
    public async Task Forbidden_sender_gets_403_with_a_policy_exception_and_is_not_recorded()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.ForbidSender("+16130000000");

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16131234567"],
            SenderAddress = "+16130000000",
            Message = "hi",
        }));

        Assert.IsNotType<CpaasAuthenticationException>(error);
        Assert.Equal(403, error.StatusCode);
        Assert.Equal(CpaasErrorKind.PolicyException, error.Kind);
        Assert.Equal("POL0001", error.ExceptionId);
        Assert.Empty(server.SentMessages);

        // Other senders still work.
        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "+16130000001", Message = "hi" });
        Assert.Equal("+16130000001", Assert.Single(server.SentMessages).Sender);
    }

    [Fact]
    public async Task With_assigned_numbers_other_senders_are_forbidden()
    {
        using var server = CpaasMockServer.Start(new CpaasMockServerOptions { Numbers = ["+16130000001"] });
        using var client = new CpaasClient(server.ClientOptions());

        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "+16130000001", Message = "ok" });
        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "ok" });
        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.CreateMessageAsync(new CreateMessageRequest
        {
            DestinationAddress = ["+16131234567"],
            SenderAddress = "+16130000002",
            Message = "not ours",
        }));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(2, server.SentMessages.Count);
    }

    [Fact]
    public async Task Reset_forgets_everything_but_keeps_issued_tokens_valid()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.ForbidSender("+16130000000");
        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "one" });
        await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://example.com/hook") });

        server.Reset();

        Assert.Empty(server.SentMessages);
        Assert.Empty(server.CreatedSubscriptions);
        Assert.Empty(server.CreatedNotificationChannels);
        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "+16130000000", Message = "two" });
        Assert.Equal("two", Assert.Single(server.SentMessages).Text);
        Assert.Equal(1, client.TokenRequestCount);
    }
}
