using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

/// <summary>
/// What independent Kandy clients (written elsewhere, unmodified) did to the emulator and did not get served (issue 11,
/// "What real clients did to the emulator"). Each test failed on the emulator before its fix.
/// </summary>
public sealed class RealClientTests
{
    [Fact]
    public async Task A_token_issued_before_a_restart_is_still_valid_after_it()
    {
        string token;
        await using (var before = await CpaasEmulator.StartAsync())
        {
            using var api = await ApiClient.ConnectAsync(before);
            token = api.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        // Most clients refresh only at half-life (4 h of an 8 h token): they keep the token across the restart.
        await using var after = await CpaasEmulator.StartAsync();
        using var client = new ApiClient(after);
        var response = await client.SendAsync(HttpMethod.Get, $"{client.Sms}/inbound/subscriptions", bearer: token);

        Assert.True(response.Status == HttpStatusCode.OK, response.Body);
    }

    [Fact]
    public async Task A_token_for_other_credentials_is_refused_after_a_restart()
    {
        string token;
        await using (var before = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { ClientSecret = "an-older-secret" }))
        {
            using var api = await ApiClient.ConnectAsync(before);
            token = api.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        await using var after = await CpaasEmulator.StartAsync();
        using var client = new ApiClient(after);
        var response = await client.SendAsync(HttpMethod.Get, $"{client.Sms}/inbound/subscriptions", bearer: token);

        response.AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002");
    }

    [Fact]
    public async Task A_sender_equal_to_the_user_id_is_the_default_sender()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        // The vendor's SDK docs: the sender "can either have default or the same value as the userId".
        var response = await api.PostAsync($"{api.Sms}/outbound/{api.UserId}/requests", ApiClient.SmsBody("hi", "+16139998877"));

        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
        Assert.Equal("+16135550100", (string?)response.Json["outboundSMSMessageRequest"]!["senderAddress"]);
    }

    [Theory]
    [InlineData("//cpaas/auth/v1/token")]
    [InlineData("/cpaas//auth/v1/token")]
    public async Task A_doubled_slash_is_normalised(string path)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var http = new HttpClient();
        // What a client that concatenates a base URL ending in '/' with '/cpaas/…' sends.
        var url = emulator.BaseUrl.GetLeftPart(UriPartial.Authority) + path;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = emulator.Options.ClientId,
            ["client_secret"] = emulator.Options.ClientSecret,
            ["scope"] = "openid",
        });

        using var response = await http.PostAsync(new Uri(url), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_doubled_slash_in_an_authenticated_path_is_normalised()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var url = emulator.BaseUrl.GetLeftPart(UriPartial.Authority) + $"/{api.Sms}//outbound/+16135550100/requests";
        var response = await api.SendAsync(HttpMethod.Post, url, ApiClient.SmsBody("hi", "+16139998877").ToJsonString());

        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
    }

    [Theory]
    [InlineData("max=10&next=20&new=5&lastMessageTime=123")] // the Node SDK's own test URL
    [InlineData("max=10&new=test")]
    [InlineData("next=not-a-pointer")]
    [InlineData("next=bTox")] // a message pointer ("m:1") on the thread list
    [InlineData("new=maybe")]
    public async Task History_queries_of_Kandy_clients_are_answered_not_refused(string query)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SendSmsAsync("+16135550100", "+16139998877", "hi");

        var threads = await api.GetAsync($"{api.Sms}/remoteAddresses?{query}");
        var messages = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages?{query}");

        Assert.True(threads.Status == HttpStatusCode.OK, threads.Body);
        Assert.True(messages.Status == HttpStatusCode.OK, messages.Body);
    }

    [Fact]
    public async Task A_numeric_next_is_an_offset_and_an_unknown_pointer_is_the_first_page()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        for (var i = 0; i < 5; i++)
        {
            await api.SendSmsAsync("+16135550100", "+16139998877", $"m{i}");
        }
        var path = $"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages";

        static IEnumerable<string> Texts(ApiResponse r) => r.Json["smsMessageList"]!["smsMessage"]!.AsArray().Select(m => (string)m!["message"]!);
        var offset = await api.GetAsync(path + "?max=2&next=2");
        var beyond = await api.GetAsync(path + "?max=2&next=20");
        var unknown = await api.GetAsync(path + "?max=2&next=zzz");

        Assert.Equal(["m2", "m1"], Texts(offset));
        Assert.Empty(Texts(beyond));
        Assert.Equal(["m4", "m3"], Texts(unknown));
    }

    [Fact]
    public async Task Put_channel_lifetime_refreshes_the_channel()
    {
        var clock = new ManualClock();
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TimeProvider = clock });
        using var api = await ApiClient.ConnectAsync(emulator);
        var channel = await api.CreateChannelAsync("https://app.example/hook");

        var put = await api.SendAsync(HttpMethod.Put, $"{api.Channels}/{channel}", """{"notificationChannelLifetime":{"channelLifetime":3600}}""");

        Assert.True(put.Status == HttpStatusCode.OK, put.Body);
        Assert.Equal(3600, (int)put.Json["notificationChannelLifetime"]!["channelLifetime"]!);
        var got = await api.GetAsync($"{api.Channels}/{channel}");
        Assert.Equal(3600, (int)got.Json["notificationChannel"]!["channelLifetime"]!);

        clock.Advance(TimeSpan.FromSeconds(3000));
        var refreshed = await api.SendAsync(HttpMethod.Put, $"{api.Channels}/{channel}", """{"notificationChannelLifetime":{"channelLifetime":3600}}""");
        clock.Advance(TimeSpan.FromSeconds(3000));
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{api.Channels}/{channel}")).Status);

        clock.Advance(TimeSpan.FromSeconds(601));
        (await api.GetAsync($"{api.Channels}/{channel}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
    }

    [Theory]
    [InlineData("""{"notificationChannelLifetime":{}}""", "channelLifetime")]
    [InlineData("""{"notificationChannelLifetime":{"channelLifetime":0}}""", "channelLifetime")]
    [InlineData("""{"notificationChannelLifetime":{"channelLifetime":"soon"}}""", "channelLifetime")]
    [InlineData("""{"lifetime":3600}""", "notificationChannelLifetime")]
    public async Task An_invalid_channel_lifetime_is_400_naming_the_part(string json, string part)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var channel = await api.CreateChannelAsync("https://app.example/hook");

        var put = await api.SendAsync(HttpMethod.Put, $"{api.Channels}/{channel}", json);

        Assert.Equal(part, (string?)put.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", "SVC0002")["variables"]![0]);
    }

    [Fact]
    public async Task Every_url_a_send_hands_out_resolves()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var response = await api.PostAsync($"{api.Sms}/outbound/default/requests", ApiClient.SmsBody("hi", "+16139998877", "+16135550199"));
        var sent = response.Json["outboundSMSMessageRequest"]!;
        var messageId = ((string)sent["resourceURL"]!).Split('/').Last();

        var message = await api.GetAsync((string)sent["resourceURL"]!);
        var deliveryInfos = await api.GetAsync((string)sent["deliveryInfoList"]!["resourceURL"]!);
        var location = await api.GetAsync(response.Headers.Location!.OriginalString);

        Assert.True(message.Status == HttpStatusCode.OK, message.Body);
        Assert.Equal(messageId, (string?)message.Json["smsMessage"]!["messageId"]);
        Assert.Equal("hi", (string?)message.Json["smsMessage"]!["message"]);
        Assert.True(deliveryInfos.Status == HttpStatusCode.OK, deliveryInfos.Body);
        Assert.Equal(
            [("+16139998877", "DeliveredToNetwork"), ("+16135550199", "DeliveryImpossible")],
            deliveryInfos.Json["deliveryInfoList"]!["deliveryInfo"]!.AsArray().Select(d => ((string)d!["address"]!, (string)d["deliveryStatus"]!)));
        Assert.Equal(HttpStatusCode.OK, location.Status);
    }

    [Fact]
    public async Task Every_resource_url_in_the_answers_resolves()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SubscribeWebhookAsync("https://app.example/hook", "+16135550100");
        await api.SendSmsAsync("+16135550100", "+16139998877", "hi");
        await emulator.SimulateInboundSmsAsync("+16139998877", "+16135550100", "back");

        var answers = new List<JsonNode>();
        foreach (var path in new[]
        {
            api.Channels, $"{api.Sms}/inbound/subscriptions", $"{api.Sms}/remoteAddresses", $"{api.Sms}/remoteAddresses/+16139998877",
            $"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages",
        })
        {
            answers.Add((await api.GetAsync(path)).Json);
        }

        var urls = answers.SelectMany(ResourceUrls).Distinct().ToList();
        Assert.True(urls.Count >= 8, string.Join(", ", urls));
        foreach (var url in urls)
        {
            var got = await api.GetAsync(url);
            Assert.True(got.Status == HttpStatusCode.OK, url + " -> " + (int)got.Status + " " + got.Body);
        }
    }

    private static IEnumerable<string> ResourceUrls(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "resourceURL" && p.Value is JsonValue v ? [(string)v!] : ResourceUrls(p.Value)),
        JsonArray a => a.SelectMany(ResourceUrls),
        _ => [],
    };
}
