using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

public sealed class HistoryTests
{
    [Fact]
    public async Task Threads_have_the_fixture_shape_and_track_new_messages()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SendSmsAsync("+16135550100", "+16139998877", "first");
        await emulator.SimulateInboundSmsAsync("+16139998877", "+16135550100", "reply");
        await api.SendSmsAsync("+16135550101", "+12013000103", "other thread");

        var list = await api.GetAsync($"{api.Sms}/remoteAddresses");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        JsonAssertions.AssertKeys(list.Json, "smsThreadList");
        var threadList = list.Json["smsThreadList"]!.AsObject();
        JsonAssertions.AssertKeys(threadList, "smsThread", "resourceURL");
        Assert.Equal("/cpaas/smsmessaging/v1/emulator-user/remoteAddresses", (string?)threadList["resourceURL"]);
        var threads = threadList["smsThread"]!.AsArray();
        Assert.Equal(["+12013000103", "+16139998877"], threads.Select(t => (string)t!["remoteAddress"]!)); // most recent first
        var thread = threads[1]!.AsObject();
        JsonAssertions.AssertKeys(thread, "remoteAddress", "localAddress", "threadDetails", "resourceURL");
        Assert.Equal("+16135550100", (string?)thread["localAddress"]);
        Assert.Equal("/cpaas/smsmessaging/v1/emulator-user/remoteAddresses/+16139998877/localAddresses/+16135550100", (string?)thread["resourceURL"]);
        var details = thread["threadDetails"]!.AsObject();
        JsonAssertions.AssertKeys(details, "firstMessageTime", "lastMessageTime", "lastPullTime", "lastText", "length", "new");
        Assert.Equal(2, (int)details["length"]!);
        Assert.Equal(1, (int)details["new"]!);
        Assert.Equal("reply", (string?)details["lastText"]);
        Assert.Equal(0, (long)details["lastPullTime"]!);
        Assert.True((long)details["firstMessageTime"]! <= (long)details["lastMessageTime"]!);

        // Only threads with unread messages.
        var onlyNew = await api.GetAsync($"{api.Sms}/remoteAddresses?new=true");
        Assert.Equal(["+16139998877"], onlyNew.Json["smsThreadList"]!["smsThread"]!.AsArray().Select(t => (string)t!["remoteAddress"]!));

        // Reading the messages pulls them.
        var messages = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages");
        Assert.Equal(HttpStatusCode.OK, messages.Status);
        JsonAssertions.AssertKeys(messages.Json, "smsMessageList");
        JsonAssertions.AssertKeys(messages.Json["smsMessageList"], "smsMessage", "resourceURL");
        Assert.Equal("/cpaas/smsmessaging/v1/emulator-user/remoteAddresses/+16139998877/localAddresses/+16135550100/messages",
            (string?)messages.Json["smsMessageList"]!["resourceURL"]);
        Assert.Equal(["Inbound", "Outbound"], messages.Json["smsMessageList"]!["smsMessage"]!.AsArray().Select(m => (string)m!["type"]!));

        var one = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        JsonAssertions.AssertKeys(one.Json, "smsThread");
        Assert.Equal(0, (int)one.Json["smsThread"]!["threadDetails"]!["new"]!);
        Assert.True((long)one.Json["smsThread"]!["threadDetails"]!["lastPullTime"]! > 0);

        // Threads with one remote party.
        var withRemote = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139998877");
        Assert.Equal("/cpaas/smsmessaging/v1/emulator-user/remoteAddresses/+16139998877", (string?)withRemote.Json["smsThreadList"]!["resourceURL"]);
        Assert.Single(withRemote.Json["smsThreadList"]!["smsThread"]!.AsArray());
    }

    [Fact]
    public async Task Messages_page_with_max_and_next()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        for (var i = 0; i < 7; i++)
        {
            await api.SendSmsAsync("+16135550100", "+16139998877", $"m{i}");
        }
        var path = $"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages";

        var texts = new List<string>();
        var pageSizes = new List<int>();
        string? next = null;
        do
        {
            var page = await api.GetAsync(path + "?max=3" + (next is null ? "" : "&next=" + Uri.EscapeDataString(next)));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var list = page.Json["smsMessageList"]!;
            var items = list["smsMessage"]!.AsArray();
            pageSizes.Add(items.Count);
            texts.AddRange(items.Select(m => (string)m!["message"]!));
            next = (string?)list["next"];
        }
        while (next is not null);

        Assert.Equal([3, 3, 1], pageSizes);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"m{i}"), texts); // newest first, no gaps, no repeats

        var defaultPage = await api.GetAsync(path);
        Assert.Equal(7, defaultPage.Json["smsMessageList"]!["smsMessage"]!.AsArray().Count);
        Assert.Null(defaultPage.Json["smsMessageList"]!["next"]);
    }

    [Fact]
    public async Task Threads_page_with_max_and_next_and_filter_by_lastMessageTime()
    {
        var clock = new ManualClock();
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TimeProvider = clock });
        using var api = await ApiClient.ConnectAsync(emulator);
        for (var i = 0; i < 5; i++)
        {
            await api.SendSmsAsync("+16135550100", $"+1613999000{i}", "hi");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await api.GetAsync($"{api.Sms}/remoteAddresses?max=2");
        var next = (string)first.Json["smsThreadList"]!["next"]!;
        var second = await api.GetAsync($"{api.Sms}/remoteAddresses?max=2&next={Uri.EscapeDataString(next)}");
        var cutoff = (long)first.Json["smsThreadList"]!["smsThread"]![1]!["threadDetails"]!["lastMessageTime"]!;
        var newer = await api.GetAsync($"{api.Sms}/remoteAddresses?lastMessageTime={cutoff}");

        Assert.Equal(["+16139990004", "+16139990003"], first.Json["smsThreadList"]!["smsThread"]!.AsArray().Select(t => (string)t!["remoteAddress"]!));
        Assert.Equal(["+16139990002", "+16139990001"], second.Json["smsThreadList"]!["smsThread"]!.AsArray().Select(t => (string)t!["remoteAddress"]!));
        Assert.Equal(["+16139990004"], newer.Json["smsThreadList"]!["smsThread"]!.AsArray().Select(t => (string)t!["remoteAddress"]!));
    }

    [Theory]
    [InlineData("max=0", "max")]
    [InlineData("max=abc", "max")]
    // Unknown next pointers and new flags are no longer 400 (issue 11: Kandy's own clients send them); see
    // RealClientTests.History_queries_of_Kandy_clients_are_answered_not_refused.
    [InlineData("lastMessageTime=yesterday", "lastMessageTime")]
    public async Task Invalid_list_parameters_are_400(string query, string part)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var response = await api.GetAsync($"{api.Sms}/remoteAddresses?{query}");

        Assert.Equal(part, (string?)response.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", "SVC0002")["variables"]![0]);
    }

    [Fact]
    public async Task Deleting_a_thread_removes_its_messages()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SendSmsAsync("+16135550100", "+16139998877", "bye");
        var thread = $"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100";

        var deleted = await api.DeleteAsync(thread);

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        (await api.GetAsync(thread)).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await api.GetAsync(thread + "/messages")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        Assert.Empty((await api.GetAsync($"{api.Sms}/remoteAddresses")).Json["smsThreadList"]!["smsThread"]!.AsArray());
    }

    [Fact]
    public async Task The_trial_cap_keeps_the_newest_1000_messages()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var ids = new string[1005];
        for (var i = 0; i < ids.Length; i++)
        {
            var result = await api.SendSmsAsync("+16135550100", "+16139998877", $"m{i}");
            ids[i] = ((string)result["resourceURL"]!).Split('/').Last();
        }
        var path = $"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100/messages";

        var all = await api.GetAsync(path + "?max=2000");
        var thread = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139998877/localAddresses/+16135550100");

        var stored = all.Json["smsMessageList"]!["smsMessage"]!.AsArray().Select(m => (string)m!["messageId"]!).ToHashSet();
        Assert.Equal(1000, stored.Count);
        Assert.Equal(1000, (int)thread.Json["smsThread"]!["threadDetails"]!["length"]!);
        Assert.Equal(ids.Skip(5).ToHashSet(), stored);
        foreach (var id in ids.Take(5))
        {
            (await api.GetAsync($"{path}/{id}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        }
    }

    [Fact]
    public async Task The_cap_removes_the_oldest_in_insertion_order()
    {
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { MessageHistoryCap = 3 });
        using var api = await ApiClient.ConnectAsync(emulator);
        for (var i = 0; i < 5; i++)
        {
            await api.SendSmsAsync("+16135550100", i % 2 == 0 ? "+16139990000" : "+16139990001", $"m{i}");
        }

        var even = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139990000/localAddresses/+16135550100/messages");
        var odd = await api.GetAsync($"{api.Sms}/remoteAddresses/+16139990001/localAddresses/+16135550100/messages");

        Assert.Equal(["m4", "m2"], even.Json["smsMessageList"]!["smsMessage"]!.AsArray().Select(m => (string)m!["message"]!));
        Assert.Equal(["m3"], odd.Json["smsMessageList"]!["smsMessage"]!.AsArray().Select(m => (string)m!["message"]!));
    }
}
