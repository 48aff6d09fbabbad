using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>Following <c>next</c> across pages, and the single-message operations (get, status, delete).</summary>
public sealed class HistoryPagingTests : IClassFixture<KandyServer>
{
    private const string Remote = HistoryTests.Remote;
    private const string Local = HistoryTests.Local;
    private const string MessagesPath = HistoryTests.MessagesPath;
    private const string MessageId = "SM5C24C4C400010208211000EC4E0EA1";
    private const string MessagePath = MessagesPath + "/" + MessageId;

    private readonly KandyServer _kandy;

    public HistoryPagingTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
    }

    private static string Page(string? next, params string[] ids)
        => "{\"smsMessageList\":{\"smsMessage\":[" + string.Join(",", ids.Select(id => "{\"type\":\"Inbound\",\"messageId\":\"" + id + "\",\"message\":\"m\",\"status\":\"DeliveredToTerminal\",\"dateTime\":1545913541}"))
            + "],\"resourceURL\":\"" + MessagesPath + "\"" + (next is null ? string.Empty : ",\"next\":\"" + next + "\"") + "}}";

    private static bool HasNext(string query, string? value)
    {
        var next = Wire.Form(query).Where(p => p.Key == "next").Select(p => p.Value).ToList();
        return value is null ? next.Count == 0 : next.SequenceEqual(new[] { value });
    }

    [Fact]
    public async Task GetAllMessagesFollowsNextAcrossThreePagesAndStops()
    {
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, null), 200, Page("p2", "a", "b"));
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, "p2"), 200, Page("p3", "c", "d"));
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, "p3"), 200, Page(null, "e"));
        using var client = _kandy.Client();

        var ids = new List<string?>();
        await foreach (var message in client.Conversation.GetAllMessagesAsync(Remote, Local, new HistoryQuery { Max = 2 }))
        {
            ids.Add(message.MessageId);
        }

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, ids);
        var calls = _kandy.ApiCalls;
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Wire.AssertApiCall(c, "GET", MessagesPath));
        HistoryTests.AssertQuery("max=2", calls[0]);
        HistoryTests.AssertQuery("max=2&next=p2", calls[1]);
        HistoryTests.AssertQuery("max=2&next=p3", calls[2]);
    }

    [Fact]
    public async Task GetMessagesExposesTheNextPointer()
    {
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, null), 200, Page("p2", "a"));
        using var client = _kandy.Client();

        var page = await client.Conversation.GetMessagesAsync(Remote, Local);

        Assert.Equal("p2", page.Next);
    }

    [Fact]
    public async Task AServerRepeatingTheSameNextPointerCausesAnErrorNotAnEndlessLoop()
    {
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, null), 200, Page("p2", "a"));
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, "p2"), 200, Page("p2", "b"));
        using var client = _kandy.Client();

        var ids = new List<string?>();
        var error = await Assert.ThrowsAsync<CpaasApiException>(async () =>
        {
            await foreach (var message in client.Conversation.GetAllMessagesAsync(Remote, Local))
            {
                ids.Add(message.MessageId);
                Assert.True(ids.Count < 100, "endless loop");
            }
        });

        Assert.Equal(new[] { "a", "b" }, ids);
        Assert.Equal(2, _kandy.ApiCalls.Count);
        Assert.Contains("next", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetAllThreadsFollowsNext()
    {
        const string page1 = """{"smsThreadList":{"smsThread":[{"remoteAddress":"+12013000103","localAddress":"+12282202950"}],"next":"t2"}}""";
        const string page2 = """{"smsThreadList":{"smsThread":[{"remoteAddress":"+905335512127","localAddress":"+12282202950"}]}}""";
        _kandy.StubQuery("GET", KandyServer.UserBase + "/remoteAddresses", q => HasNext(q, null), 200, page1);
        _kandy.StubQuery("GET", KandyServer.UserBase + "/remoteAddresses", q => HasNext(q, "t2"), 200, page2);
        using var client = _kandy.Client();

        var remotes = new List<string?>();
        await foreach (var thread in client.Conversation.GetAllThreadsAsync())
        {
            remotes.Add(thread.RemoteAddress);
        }

        Assert.Equal(new[] { "+12013000103", "+905335512127" }, remotes);
        Assert.Equal(2, _kandy.ApiCalls.Count);
    }

    [Fact]
    public async Task GetMessageReadsOneMessage()
    {
        const string body = """{"smsMessage":{"type":"Outbound","messageId":"SM5C24C4C400010208211000EC4E0EA1","message":"test message","status":"DeliveredToNetwork","dateTime":1545913541,"resourceURL":"/x/messages/SM5C24C4C400010208211000EC4E0EA1"}}""";
        _kandy.Stub("GET", MessagePath, 200, body);
        using var client = _kandy.Client();

        var message = await client.Conversation.GetMessageAsync(Remote, Local, MessageId);

        Wire.AssertApiCall(Assert.Single(_kandy.ApiCalls), "GET", MessagePath);
        Assert.Equal(MessageId, message.MessageId);
        Assert.Equal(SmsMessageDirection.Outbound, message.Direction);
        Assert.Equal("test message", message.Message);
        Assert.Equal(DeliveryStatus.DeliveredToNetwork, message.Status);
        Assert.Equal(1545913541, message.ApiModel.DateTime);
    }

    [Fact]
    public async Task GetStatusReadsTheDeliveryStatus()
    {
        _kandy.Stub("GET", MessagePath + "/status", 200, """{"status":"DeliveredToTerminal"}""");
        using var client = _kandy.Client();

        var status = await client.Conversation.GetStatusAsync(Remote, Local, MessageId);

        Wire.AssertApiCall(Assert.Single(_kandy.ApiCalls), "GET", MessagePath + "/status");
        Assert.Equal(DeliveryStatus.DeliveredToTerminal, status);
        Assert.Equal("DeliveredToTerminal", status.Value);
    }

    [Fact]
    public async Task DeleteMessageSendsDeleteToTheMessagePath()
    {
        _kandy.Stub("DELETE", MessagePath, 204);
        using var client = _kandy.Client();

        await client.Conversation.DeleteMessageAsync(Remote, Local, MessageId);

        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "DELETE", MessagePath, expectsJson: false);
        Assert.Equal(string.Empty, KandyServer.QueryOf(call));
    }

    [Fact]
    public async Task DeleteThreadSendsDeleteToTheThreadPath()
    {
        _kandy.Stub("DELETE", HistoryTests.ThreadPath, 204);
        using var client = _kandy.Client();

        await client.Conversation.DeleteThreadAsync(Remote, Local);

        var call = Assert.Single(_kandy.ApiCalls);
        Wire.AssertApiCall(call, "DELETE", HistoryTests.ThreadPath, expectsJson: false);
        Assert.Equal(string.Empty, KandyServer.QueryOf(call));
    }

    [Fact]
    public async Task DeletingAMissingMessageThrows404()
    {
        _kandy.Stub("DELETE", MessagePath, 404, """{"requestError":{"serviceException":{"messageId":"SVC0004","text":"No such message","variables":[]}}}""");
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.DeleteMessageAsync(Remote, Local, MessageId));

        Assert.Equal(404, error.StatusCode);
    }

    public static TheoryData<string, string, string, string> EmptyIds => new()
    {
        { "remoteAddress", "", Local, MessageId },
        { "localAddress", Remote, " ", MessageId },
        { "messageId", Remote, Local, "" },
    };

    [Theory]
    [MemberData(nameof(EmptyIds))]
    public async Task EmptyIdsAreRejectedBeforeAnyCall(string field, string remote, string local, string id)
    {
        using var client = _kandy.Client();

        var calls = new Func<Task>[]
        {
            () => client.Conversation.GetMessageAsync(remote, local, id),
            () => client.Conversation.GetStatusAsync(remote, local, id),
            () => client.Conversation.DeleteMessageAsync(remote, local, id),
        };
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal(field, error.ParamName);
        }

        if (field != "messageId")
        {
            Assert.Equal(field, (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.DeleteThreadAsync(remote, local))).ParamName);
            Assert.Equal(field, (await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Conversation.GetMessagesAsync(remote, local))).ParamName);
        }

        Assert.Empty(_kandy.Server.LogEntries);
    }

    [Theory]
    [InlineData("a b&c=d+e/é?#")]
    [InlineData("eyJvZmZzZXQiOjIwfQ==")]
    public async Task ANextPointerWithReservedCharactersRoundTripsThroughTheQuery(string next)
    {
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, null), 200, Page(next.Replace("\\", "\\\\").Replace("\"", "\\\""), "a"));
        _kandy.StubQuery("GET", MessagesPath, q => HasNext(q, next), 200, Page(null, "b"));
        using var client = _kandy.Client();

        var ids = new List<string?>();
        await foreach (var message in client.Conversation.GetAllMessagesAsync(Remote, Local))
        {
            ids.Add(message.MessageId);
        }

        Assert.Equal(new[] { "a", "b" }, ids);
        Assert.Equal(next, Assert.Single(Wire.Query(_kandy.ApiCalls[1]), p => p.Key == "next").Value);
    }

    [Theory]
    [InlineData("id/with/slashes", "id%2Fwith%2Fslashes")]
    [InlineData("q?x=1#frag", "q%3Fx=1%23frag")]
    [InlineData("50%", "50%25")]
    public async Task IdsAreEncodedAsOnePathSegment(string id, string encoded)
    {
        _kandy.Stub("DELETE", MessagesPath + "/" + encoded, 204);
        using var client = _kandy.Client();

        await client.Conversation.DeleteMessageAsync(Remote, Local, id);

        Assert.Equal(MessagesPath + "/" + encoded, KandyServer.PathOf(Assert.Single(_kandy.ApiCalls)));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task ADotSegmentIdCannotEscapeItsResource(string id)
    {
        // "." and ".." are removed from URL paths (RFC 3986 §5.2.4): sent raw, DELETE …/messages/.. would hit the thread.
        _kandy.Stub("DELETE", HistoryTests.ThreadPath, 204);
        _kandy.Stub("DELETE", HistoryTests.ThreadPath + "/", 204);
        _kandy.Stub("DELETE", MessagesPath, 204);
        _kandy.Stub("DELETE", MessagesPath + "/", 204);
        using var client = _kandy.Client();

        var error = await Record.ExceptionAsync(() => client.Conversation.DeleteMessageAsync(Remote, Local, id));

        if (error is null)
        {
            var path = KandyServer.PathOf(Assert.Single(_kandy.ApiCalls));
            Assert.True(path.StartsWith(MessagesPath + "/", StringComparison.Ordinal) && path != MessagesPath + "/", "DeleteMessageAsync(\"" + id + "\") sent DELETE " + path);
        }
        else
        {
            Assert.Equal("messageId", Assert.IsAssignableFrom<ArgumentException>(error).ParamName);
            Assert.Empty(_kandy.ApiCalls);
        }
    }
}
