using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>Threads and message lists: paths, the paging query, and the fixture mapping.</summary>
public sealed class HistoryTests : IClassFixture<KandyServer>
{
    internal const string Remote = "+12013000103";
    internal const string Local = "+12282202950";
    internal const string ThreadPath = KandyServer.UserBase + "/remoteAddresses/" + Remote + "/localAddresses/" + Local;
    internal const string MessagesPath = ThreadPath + "/messages";

    private readonly KandyServer _kandy;

    public HistoryTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    [Fact]
    public async Task GetThreadsMapsEveryFieldOfTheFixture()
    {
        _kandy.Stub("GET", KandyServer.UserBase + "/remoteAddresses", 200, Fixture.Read("thread-list.json"));
        using var client = _kandy.Client();

        var page = await client.Conversation.GetThreadsAsync();

        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "GET", KandyServer.UserBase + "/remoteAddresses");
        Assert.Equal(string.Empty, KandyServer.QueryOf(call));
        Assert.Null(page.Next);
        Assert.Equal("/cpaas/smsmessaging/v1/92ef716d-42c7-4706-a123-b36cac9a2f97/remoteAddresses", page.ResourceUrl?.OriginalString);
        Assert.Collection(
            page.Items,
            t =>
            {
                Assert.Equal("+905335512127", t.RemoteAddress);
                Assert.Equal(Local, t.LocalAddress);
                Assert.Equal(1545913604543, t.ApiModel.ThreadDetails?.FirstMessageTime);
                Assert.Equal(1545913604543, t.ApiModel.ThreadDetails?.LastMessageTime);
                Assert.Equal(1545979332265, t.ApiModel.ThreadDetails?.LastPullTime);
                Assert.Equal("sample text message", t.LastText);
                Assert.Equal(1, t.Length);
                Assert.Equal(0, t.NewMessageCount);
                Assert.Equal("/cpaas/smsmessaging/v1/92ef716d-42c7-4706-a123-b36cac9a2f97/remoteAddresses/+905335512127/localAddresses/+12282202950", t.ResourceUrl?.OriginalString);
            },
            t =>
            {
                Assert.Equal(Remote, t.RemoteAddress);
                Assert.Equal(Local, t.LocalAddress);
                Assert.Equal(1545913541188, t.ApiModel.ThreadDetails?.FirstMessageTime);
                Assert.Equal(1545913541188, t.ApiModel.ThreadDetails?.LastMessageTime);
                Assert.Equal(1545979332265, t.ApiModel.ThreadDetails?.LastPullTime);
                Assert.Equal("another text message", t.LastText);
                Assert.Equal(10, t.Length);
                Assert.Equal(1, t.NewMessageCount);
            });
        Assert.DoesNotContain("text message", page.Items[0].ToString());
        Assert.DoesNotContain("905335512127", page.Items[0].ToString());
    }

    [Fact]
    public async Task GetThreadsWithARemoteAddressUsesItsPath()
    {
        _kandy.Stub("GET", KandyServer.UserBase + "/remoteAddresses/" + Remote, 200, Fixture.Read("thread-list.json"));
        using var client = _kandy.Client();

        var page = await client.Conversation.GetThreadsWithRemoteAddressAsync(Remote);

        Wire.AssertApiCall(Assert.Single(_kandy.ApiCalls), "GET", KandyServer.UserBase + "/remoteAddresses/" + Remote);
        Assert.Equal(2, page.Items.Count);
    }

    [Fact]
    public async Task GetThreadsSendsTheFourQueryParameters()
    {
        _kandy.Stub("GET", KandyServer.UserBase + "/remoteAddresses", 200, Fixture.Read("thread-list.json"));
        using var client = _kandy.Client();

        await client.Conversation.GetThreadsAsync(new HistoryQuery { Max = 10, Next = "20", New = "5", LastMessageAfter = DateTimeOffset.FromUnixTimeMilliseconds(123) });

        AssertQuery("max=10&next=20&new=5&lastMessageTime=123", Assert.Single(_kandy.ApiCalls));
    }

    [Fact]
    public async Task GetThreadReadsOneThread()
    {
        var thread = JsonNode.Parse(Fixture.Read("thread-list.json"))!["smsThreadList"]!["smsThread"]![1]!.DeepClone();
        _kandy.Stub("GET", ThreadPath, 200, new JsonObject { ["smsThread"] = thread }.ToJsonString());
        using var client = _kandy.Client();

        var result = await client.Conversation.GetThreadAsync(Remote, Local);

        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "GET", ThreadPath);
        Assert.Equal(string.Empty, KandyServer.QueryOf(call));
        Assert.Equal(Remote, result.RemoteAddress);
        Assert.Equal(10, result.Length);
        Assert.Equal(1, result.NewMessageCount);
        Assert.Equal("another text message", result.LastText);
    }

    [Fact]
    public async Task GetMessagesSendsExactlyTheFourQueryPairs()
    {
        _kandy.Stub("GET", MessagesPath, 200, Fixture.Read("message-list.json"));
        using var client = _kandy.Client();

        await client.Conversation.GetMessagesAsync(Remote, Local, new HistoryQuery { Max = 10, Next = "20", New = "5", LastMessageAfter = DateTimeOffset.FromUnixTimeMilliseconds(123) });

        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "GET", MessagesPath);
        AssertQuery("max=10&next=20&new=5&lastMessageTime=123", call);
    }

    [Fact]
    public async Task GetMessagesMapsTheFixture()
    {
        _kandy.Stub("GET", MessagesPath, 200, Fixture.Read("message-list.json"));
        using var client = _kandy.Client();

        var page = await client.Conversation.GetMessagesAsync(Remote, Local);

        Assert.Equal(string.Empty, KandyServer.QueryOf(Assert.Single(_kandy.ApiCalls)));
        Assert.Null(page.Next);
        Assert.Equal("/cpaas/smsmessaging/v1/92ef716d-42c7-4706-a123-b36cac9a2f97/remoteAddresses/+12013000103/localAddresses/+12282202950/messages", page.ResourceUrl?.OriginalString);
        Assert.Collection(
            page.Items,
            m =>
            {
                Assert.Equal("SM5C24C4C400010208211000EC4E0EA1", m.MessageId);
                Assert.Equal("Outbound", m.Direction.Value);
                Assert.Equal(SmsMessageDirection.Outbound, m.Direction);
                Assert.Equal("test message", m.Message);
                Assert.Equal(DeliveryStatus.DeliveredToNetwork, m.Status);
                Assert.Equal(1545913541, m.ApiModel.DateTime); // epoch seconds, as sent
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1545913541), m.CreatedOn);
                Assert.EndsWith("/messages/SM5C24C4C400010208211000EC4E0EA1", m.ResourceUrl?.OriginalString);
            },
            m =>
            {
                Assert.Equal(SmsMessageDirection.Inbound, m.Direction);
                Assert.Equal(DeliveryStatus.DeliveredToTerminal, m.Status);
                Assert.Equal(15459135467, m.ApiModel.DateTime); // as sent; below 10^11, so read as seconds (EpochTime rule)
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(15459135467), m.CreatedOn);
                Assert.Equal("…/messages/SM5C24C4C400010208211000EC4E0EA1", m.ResourceUrl?.OriginalString);
            });
        Assert.DoesNotContain("test message", page.Items[0].ToString());
    }

    [Fact]
    public async Task MillisecondTimestampsGetAMillisecondDateTimeOffset()
    {
        const string body = """{"smsMessageList":{"smsMessage":[{"type":"Inbound","messageId":"SM1-1568889114-1020821-00-66406cba","message":"hi :)","status":"DeliveredToTerminal","dateTime":1568889113850}]}}""";
        _kandy.Stub("GET", MessagesPath, 200, body);
        using var client = _kandy.Client();

        var message = Assert.Single((await client.Conversation.GetMessagesAsync(Remote, Local)).Items);

        Assert.Equal(1568889113850, message.ApiModel.DateTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1568889113850), message.CreatedOn);
        Assert.Null(message.ResourceUrl);
    }

    [Fact]
    public async Task AnUnknownDirectionIsKeptAsTyped()
    {
        const string body = """{"smsMessageList":{"smsMessage":[{"type":"Sideways","messageId":"m1","status":"Queued"}]}}""";
        _kandy.Stub("GET", MessagesPath, 200, body);
        using var client = _kandy.Client();

        var message = Assert.Single((await client.Conversation.GetMessagesAsync(Remote, Local)).Items);

        Assert.False(message.Direction.IsKnown);
        Assert.NotEqual(SmsMessageDirection.Inbound, message.Direction);
        Assert.Equal("Sideways", message.Direction.Value);
        Assert.Equal("Queued", message.Status!.Value.Value);
        Assert.False(message.Status.Value.IsKnown);
        Assert.Null(message.ApiModel.DateTime);
        Assert.Null(message.CreatedOn);
    }

    [Fact]
    public async Task AMessageWithoutMessageIdTakesItsIdFromTheResourceUrl()
    {
        var body = "{\"smsMessageList\":{\"smsMessage\":[{\"type\":\"Inbound\",\"message\":\"hi\",\"status\":\"DeliveredToTerminal\",\"dateTime\":1568889113850,"
                   + "\"resourceURL\":\"" + MessagesPath + "/SM5C24C4C400010208211000EC4E0EA1\"},"
                   + "{\"type\":\"Outbound\",\"messageId\":\"m2\",\"status\":\"DeliveredToNetwork\"}]}}";
        _kandy.Stub("GET", MessagesPath, 200, body);
        _kandy.Stub("GET", MessagesPath + "/SM5C24C4C400010208211000EC4E0EA1", 200, "{\"smsMessage\":{\"type\":\"Inbound\",\"resourceURL\":\"" + MessagesPath + "/SM5C24C4C400010208211000EC4E0EA1\"}}");
        using var client = _kandy.Client();

        var page = await client.Conversation.GetMessagesAsync(Remote, Local);
        var one = await client.Conversation.GetMessageAsync(Remote, Local, "SM5C24C4C400010208211000EC4E0EA1");

        Assert.Equal(new[] { "SM5C24C4C400010208211000EC4E0EA1", "m2" }, page.Items.Select(m => m.MessageId));
        Assert.Null(page.Items[1].Message);
        Assert.Equal("SM5C24C4C400010208211000EC4E0EA1", one.MessageId);
        Assert.Null(one.Message);
    }

    [Fact]
    public async Task AnEmptyMessageListIsEmptyNotNull()
    {
        _kandy.Stub("GET", MessagesPath, 200, """{"smsMessageList":{"resourceURL":"x"}}""");
        using var client = _kandy.Client();

        var page = await client.Conversation.GetMessagesAsync(Remote, Local);

        Assert.NotNull(page.Items);
        Assert.Empty(page.Items);
    }

    internal static void AssertQuery(string expected, WireMock.Logging.ILogEntry call)
    {
        var actual = Wire.Query(call).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var wanted = Wire.Form(expected).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(wanted, actual);
    }
}
