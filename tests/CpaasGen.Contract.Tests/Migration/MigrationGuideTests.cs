using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Emulator;
using Xunit;

namespace Cpaas.Contract.Tests.Migration;

/// <summary>
/// Runs every CpaasGen snippet of docs/migration-from-cpaas-sdk.md against the emulator on 127.0.0.1, so the guide's
/// code is not only compiled but does what the guide says.
/// </summary>
public sealed class MigrationGuideTests : IAsyncLifetime
{
    private CpaasEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await CpaasEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static CancellationToken Ct => CancellationToken.None;

    private CpaasClient Client()
        => MigrationGuideExamples.CreateWithClientCredentials(_emulator.BaseUrl, _emulator.Options.ClientId, _emulator.Options.ClientSecret);

    [Fact]
    public async Task Both_grants_authenticate()
    {
        using var secret = Client();
        using var password = MigrationGuideExamples.CreateWithPassword(_emulator.BaseUrl, _emulator.Options.ClientId, _emulator.Options.Email, _emulator.Options.Password);

        Assert.Equal(_emulator.Options.UserId, await secret.GetUserIdAsync(Ct));
        Assert.Equal(_emulator.Options.UserId, await password.GetUserIdAsync(Ct));
    }

    [Fact]
    public async Task Send_reports_the_real_sender()
    {
        using var client = Client();

        var sent = await MigrationGuideExamples.SendAsync(client, Ct);

        Assert.Equal(_emulator.Options.Numbers[0], sent.SenderAddress);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, sent.DeliveryInfo.Single().DeliveryStatus);
    }

    [Fact]
    public async Task An_unowned_sender_is_a_typed_policy_error()
    {
        using var client = Client();

        Assert.Null(await MigrationGuideExamples.SendHandlingErrorsAsync(client, "default", Ct));
        Assert.Equal("POL1001", await MigrationGuideExamples.SendHandlingErrorsAsync(client, "+16139990000", Ct));
    }

    [Fact]
    public async Task Subscribe_list_get_unsubscribe()
    {
        using var client = Client();

        var sub = await MigrationGuideExamples.SubscribeAsync(client, new Uri("http://127.0.0.1:9/webhook"), Ct);

        Assert.False(string.IsNullOrEmpty(sub.SubscriptionId));
        Assert.Empty(await client.Conversation.GetSubscriptionsAsync(Ct));
    }

    [Fact]
    public async Task History_walks_every_message_then_deletes_the_thread()
    {
        using var client = Client();
        var local = _emulator.Options.Numbers[0];
        for (var i = 0; i < 3; i++)
        {
            await client.Conversation.SendAsync(local, "+16131234567", "m" + i, Ct);
        }

        Assert.Equal(3, await MigrationGuideExamples.HistoryAsync(client, "+16131234567", local, Ct));
        Assert.Empty((await client.Conversation.GetThreadsAsync(null, Ct)).Items);
    }

    [Fact]
    public void Notifications_are_typed()
    {
        const string Inbound = """
            {"inboundSMSMessageNotification":{"inboundSMSMessage":{"dateTime":1525895987,"destinationAddress":"+16139998877",
            "message":"hi","messageId":"m1","senderAddress":"+16131234567"},"dateTime":1525895987,"id":"n1"}}
            """;
        const string Unknown = """{"somethingNewNotification":{"id":"n2"}}""";

        Assert.StartsWith("+16131234567 → +16139998877: hi at 2018-05-09", MigrationGuideExamples.Notifications(Inbound), StringComparison.Ordinal);
        Assert.StartsWith("somethingNewNotification: ", MigrationGuideExamples.Notifications(Unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_factor_send_verify_resend_delete()
    {
        using var client = Client();

        var wrong = await MigrationGuideExamples.TwoFactorAsync(client, id => Task.FromResult(_emulator.TwoFactorCodes.Last(c => c.CodeId == id).Code == "000000" ? "111111" : "000000"), Ct);
        var right = await MigrationGuideExamples.TwoFactorAsync(client, id => Task.FromResult(_emulator.TwoFactorCodes.Last(c => c.CodeId == id).Code), Ct);

        Assert.False(wrong);
        Assert.True(right);
    }
}
