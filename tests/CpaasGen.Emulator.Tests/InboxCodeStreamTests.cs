using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Cpaas.Emulator.Tests;

/// <summary>
/// Two-factor codes on the inbox page's stream (<c>GET /emulator/events</c>): the snapshot holds the current code
/// resources, every change is a <c>code</c> event in the order of the changes (published under the same locks as the
/// messages, so a snapshot never misses or repeats one), a reconnecting page gets exactly what it missed, and a code
/// that runs out on the emulator's clock is announced as expired.
/// </summary>
public sealed class InboxCodeStreamTests
{
    private const string Phone = "+16131234567";

    private static JsonObject Order(string address = Phone, string method = "sms", int length = 6, string type = "numeric", int expiry = 120, string message = "Your code is {code}", string? subject = null)
    {
        var code = new JsonObject
        {
            ["address"] = new JsonArray(address),
            ["method"] = method,
            ["format"] = new JsonObject { ["length"] = length, ["type"] = type },
            ["expiry"] = expiry,
            ["message"] = message,
        };
        if (subject is not null)
        {
            code["subject"] = subject;
        }

        return new JsonObject { ["code"] = code };
    }

    private static string Codes(ApiClient api) => $"/cpaas/auth/v1/{api.UserId}/codes";

    private static async Task<string> SendAsync(ApiClient api, JsonObject? order = null)
    {
        var response = await api.PostAsync(Codes(api), order ?? Order());
        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
        return ((string)response.Json["code"]!["resourceURL"]!).Split('/').Last();
    }

    private static async Task ResendAsync(ApiClient api, string codeId, JsonObject? order = null)
        => Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(HttpMethod.Put, $"{Codes(api)}/{codeId}", (order ?? Order()).ToJsonString())).Status);

    private static async Task<HttpStatusCode> VerifyAsync(ApiClient api, string codeId, string code)
        => (await api.SendAsync(HttpMethod.Put, $"{Codes(api)}/{codeId}/verify", new JsonObject { ["code"] = new JsonObject { ["verify"] = code } }.ToJsonString())).Status;

    private static async Task DeleteAsync(ApiClient api, string codeId)
        => Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Codes(api)}/{codeId}")).Status);

    private static string CodeOf(CpaasEmulator emulator, string codeId) => emulator.TwoFactorCodes.Single(c => c.CodeId == codeId).Code;

    [Fact]
    public async Task The_snapshot_holds_the_current_codes_with_what_carried_them()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var sms = await SendAsync(api, Order(expiry: 300));
        Assert.Equal(HttpStatusCode.Forbidden, await VerifyAsync(api, sms, "WRONG"));
        var email = await SendAsync(api, Order(address: "jane.doe@example.com", method: "email", type: "alphabetic", length: 8, message: "<b>{code}</b> is your code", subject: "Your sign-in code"));
        var deleted = await SendAsync(api);
        await DeleteAsync(api, deleted);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        await using var page = await SseClient.ConnectAsync(http, "/emulator/events");
        var snapshot = (await page.ExpectAsync("snapshot", 1))[0].Json;

        var records = emulator.TwoFactorCodes;
        var now = snapshot.GetProperty("now").GetInt64();
        Assert.InRange(now, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var codes = snapshot.GetProperty("codes").EnumerateArray().ToList();
        Assert.Equal([sms, email], codes.Select(c => c.GetProperty("codeId").GetString())); // oldest first; the deleted one is gone

        var first = codes[0];
        var record = records.Single(r => r.CodeId == sms);
        Assert.Equal("sms", first.GetProperty("method").GetString());
        Assert.Equal("+1613***4567", first.GetProperty("destination").GetString()); // masked
        Assert.Equal(record.Code, first.GetProperty("code").GetString());
        Assert.Equal("Active", first.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("wrongAttempts").GetInt32());
        Assert.Equal(5, first.GetProperty("maxAttempts").GetInt32());
        Assert.Equal(1, first.GetProperty("sends").GetInt32());
        Assert.Equal(record.ExpiresAt.ToUnixTimeMilliseconds(), first.GetProperty("expiresAt").GetInt64());
        Assert.Equal(record.IssuedAt.ToUnixTimeMilliseconds(), first.GetProperty("issuedAt").GetInt64());
        var carrier = first.GetProperty("sms");
        Assert.Equal(record.MessageId, carrier.GetProperty("messageId").GetString());
        Assert.Equal("+16135550100", carrier.GetProperty("from").GetString());
        Assert.Equal("Your code is " + record.Code, carrier.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("email").ValueKind);

        var second = codes[1];
        var mail = emulator.SentEmails.Single();
        Assert.Equal("email", second.GetProperty("method").GetString());
        Assert.Equal("j***@example.com", second.GetProperty("destination").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("sms").ValueKind);
        var envelope = second.GetProperty("email");
        Assert.Equal(mail.EmailId, envelope.GetProperty("emailId").GetString());
        Assert.Equal("j***@example.com", envelope.GetProperty("to").GetString());
        Assert.Equal("Your sign-in code", envelope.GetProperty("subject").GetString());
        Assert.Equal("<b>" + CodeOf(emulator, email) + "</b> is your code", envelope.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Send_verify_resend_and_delete_are_code_events_in_the_order_they_happened()
    {
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TwoFactorMaxAttempts = 2 });
        using var api = await ApiClient.ConnectAsync(emulator);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        await using var page = await SseClient.ConnectAsync(http, "/emulator/events");
        Assert.Empty((await page.ExpectAsync("snapshot", 1))[0].Json.GetProperty("codes").EnumerateArray());

        var codeId = await SendAsync(api);
        var first = CodeOf(emulator, codeId);
        var sms = await page.NextAsync(); // the SMS that carries the code goes first: it is stored before the code resource
        Assert.Equal("message", sms.Type);
        Assert.Equal("Your code is " + first, sms.Json.GetProperty("text").GetString());
        var sent = await NextCodeAsync(page, "Sent", "Active", codeId);
        Assert.Equal(first, sent.GetProperty("code").GetString());
        Assert.Equal(sms.Json.GetProperty("messageId").GetString(), sent.GetProperty("sms").GetProperty("messageId").GetString());
        Assert.True(sent.GetProperty("now").GetInt64() >= sent.GetProperty("issuedAt").GetInt64());

        Assert.Equal(HttpStatusCode.Forbidden, await VerifyAsync(api, codeId, "000000x"));
        Assert.Equal(1, (await NextCodeAsync(page, "VerificationFailed", "Active", codeId)).GetProperty("wrongAttempts").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, await VerifyAsync(api, codeId, "000000y"));
        Assert.Equal(2, (await NextCodeAsync(page, "Locked", "Locked", codeId)).GetProperty("wrongAttempts").GetInt32());

        await ResendAsync(api, codeId);
        var second = CodeOf(emulator, codeId);
        Assert.Equal("Your code is " + second, (await page.ExpectAsync("message", 1))[0].Json.GetProperty("text").GetString());
        var resent = await NextCodeAsync(page, "Resent", "Active", codeId);
        Assert.Equal(second, resent.GetProperty("code").GetString());
        Assert.Equal(0, resent.GetProperty("wrongAttempts").GetInt32());
        Assert.Equal(2, resent.GetProperty("sends").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, await VerifyAsync(api, codeId, second));
        await NextCodeAsync(page, "Verified", "Verified", codeId);
        Assert.Equal(HttpStatusCode.Forbidden, await VerifyAsync(api, codeId, second)); // used up
        await NextCodeAsync(page, "VerificationFailed", "Verified", codeId);

        await DeleteAsync(api, codeId);
        await NextCodeAsync(page, "Deleted", "Deleted", codeId);

        var mailed = await SendAsync(api, Order(address: "jane@example.com", method: "email", subject: "Code"));
        var envelope = (await NextCodeAsync(page, "Sent", "Active", mailed)).GetProperty("email"); // no SMS: no message event before it
        Assert.Equal("Code", envelope.GetProperty("subject").GetString());
        Assert.True(await page.IsQuietAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task A_page_that_reconnects_gets_the_code_events_it_missed_exactly_once()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        string lastEventId;
        string codeId;
        await using (var page = await SseClient.ConnectAsync(http, "/emulator/events"))
        {
            await page.ExpectAsync("snapshot", 1);
            codeId = await SendAsync(api);
            await page.ExpectAsync("message", 1);
            await NextCodeAsync(page, "Sent", "Active", codeId);
            lastEventId = page.LastEventId!;
        }

        // While the page is away.
        Assert.Equal(HttpStatusCode.NoContent, await VerifyAsync(api, codeId, CodeOf(emulator, codeId)));
        await ResendAsync(api, codeId);
        var other = await SendAsync(api, Order(address: "+16139998877"));
        await DeleteAsync(api, codeId);

        await using (var resumed = await SseClient.ConnectAsync(http, "/emulator/events", lastEventId))
        {
            Assert.Equal("ready", (await resumed.NextAsync()).Type);
            await NextCodeAsync(resumed, "Verified", "Verified", codeId);
            Assert.Equal("message", (await resumed.NextAsync()).Type);
            await NextCodeAsync(resumed, "Resent", "Active", codeId);
            Assert.Equal("message", (await resumed.NextAsync()).Type);
            await NextCodeAsync(resumed, "Sent", "Active", other);
            await NextCodeAsync(resumed, "Deleted", "Deleted", codeId);
            Assert.True(await resumed.IsQuietAsync(TimeSpan.FromMilliseconds(200))); // nothing repeated
            lastEventId = resumed.LastEventId!;
        }

        // Resuming from the newest id: nothing at all; a fresh page: the snapshot holds only what still exists.
        await using (var current = await SseClient.ConnectAsync(http, "/emulator/events", lastEventId))
        {
            Assert.Equal("ready", (await current.NextAsync()).Type);
            Assert.True(await current.IsQuietAsync(TimeSpan.FromMilliseconds(200)));
        }

        await using var fresh = await SseClient.ConnectAsync(http, "/emulator/events");
        Assert.Equal([other], (await fresh.ExpectAsync("snapshot", 1))[0].Json.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("codeId").GetString()));
    }

    [Fact]
    public async Task A_snapshot_taken_while_codes_are_being_sent_neither_misses_nor_repeats_one()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        var sent = new ConcurrentBag<string>();
        var sending = Task.Run(async () =>
        {
            await Parallel.ForAsync(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) => sent.Add(await SendAsync(api, Order(address: "+1613555" + (2000 + i)))));
        });

        var pages = new List<SseClient>();
        try
        {
            while (!sending.IsCompleted)
            {
                pages.Add(await SseClient.ConnectAsync(http, "/emulator/events"));
                await Task.Delay(5);
            }

            await sending;
            foreach (var page in pages)
            {
                var seen = (await page.ExpectAsync("snapshot", 1))[0].Json.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("codeId").GetString()!).ToList();
                while (seen.Count < sent.Count)
                {
                    var e = await page.NextAsync();
                    if (e.Type == "code")
                    {
                        Assert.Equal("Sent", e.Json.GetProperty("change").GetString());
                        seen.Add(e.Json.GetProperty("codeId").GetString()!);
                    }
                }

                Assert.Equal(sent.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal)); // each once, none missing
                Assert.True(await page.IsQuietAsync(TimeSpan.FromMilliseconds(100)));
            }
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.DisposeAsync();
            }
        }

        Assert.True(pages.Count > 1, "the sends ended before a second page connected");
    }

    [Fact]
    public async Task A_code_that_runs_out_on_the_emulators_clock_is_announced_as_expired_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TimeProvider = clock });
        using var api = await ApiClient.ConnectAsync(emulator);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        await using var page = await SseClient.ConnectAsync(http, "/emulator/events");
        await page.ExpectAsync("snapshot", 1);
        var expiring = await SendAsync(api, Order(expiry: 30));
        var verified = await SendAsync(api, Order(expiry: 30));
        var resent = await SendAsync(api, Order(expiry: 30));
        for (var i = 0; i < 3; i++)
        {
            await page.ExpectAsync("message", 1);
            await page.ExpectAsync("code", 1);
        }

        Assert.Equal(HttpStatusCode.NoContent, await VerifyAsync(api, verified, CodeOf(emulator, verified)));
        await NextCodeAsync(page, "Verified", "Verified", verified);
        clock.Advance(TimeSpan.FromSeconds(20));
        await ResendAsync(api, resent, Order(expiry: 30)); // a new code, valid 30 s from now: the old expiry no longer applies
        await page.ExpectAsync("message", 1);
        await NextCodeAsync(page, "Resent", "Active", resent);

        clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.True(await page.IsQuietAsync(TimeSpan.FromMilliseconds(200)));
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var expired = await NextCodeAsync(page, "Expired", "Expired", expiring);
        Assert.Equal(expired.GetProperty("expiresAt").GetInt64(), expired.GetProperty("now").GetInt64());
        Assert.True(await page.IsQuietAsync(TimeSpan.FromMilliseconds(200))); // not the verified one, not the resent one

        clock.Advance(TimeSpan.FromSeconds(20));
        await NextCodeAsync(page, "Expired", "Expired", resent);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await page.IsQuietAsync(TimeSpan.FromMilliseconds(200))); // once each
        Assert.Equal(TwoFactorCodeStatus.Expired, emulator.TwoFactorCodes.Single(c => c.CodeId == expiring).Status);
    }

    [Fact]
    public async Task Only_active_codes_hold_an_expiry_timer_and_a_stopped_emulator_holds_none()
    {
        var clock = new CountingClock();
        var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TimeProvider = clock });
        using (var api = await ApiClient.ConnectAsync(emulator))
        {
            await SendAsync(api, Order(expiry: 30));
            var verified = await SendAsync(api, Order(expiry: 30));
            var deleted = await SendAsync(api, Order(expiry: 30));
            var locked = await SendAsync(api, Order(expiry: 30));
            var resent = await SendAsync(api, Order(expiry: 60));
            Assert.Equal(5, clock.LiveExpiryTimers);

            Assert.Equal(HttpStatusCode.NoContent, await VerifyAsync(api, verified, CodeOf(emulator, verified)));
            await DeleteAsync(api, deleted);
            for (var i = 0; i < 5; i++)
            {
                await VerifyAsync(api, locked, "WRONG");
            }

            await ResendAsync(api, resent, Order(expiry: 60)); // replaces its timer
            Assert.Equal(2, clock.LiveExpiryTimers);

            clock.Fake.Advance(TimeSpan.FromSeconds(30)); // the first one expires: its timer is done
            Assert.Equal(1, clock.LiveExpiryTimers);
        }

        await emulator.DisposeAsync();

        Assert.Equal(0, clock.LiveExpiryTimers);
    }

    [Fact]
    public async Task The_snapshot_holds_the_newest_codes_and_a_code_the_cap_removes_is_announced()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var first = await SendAsync(api, Order(address: "first@example.com", method: "email", subject: "Code"));
        await Parallel.ForAsync(1, 10_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) => await SendAsync(api, Order(address: "jane@example.com", method: "email", subject: "Code")));
        var newest = emulator.TwoFactorCodes.TakeLast(200).Select(c => c.CodeId).ToList();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        await using var page = await SseClient.ConnectAsync(http, "/emulator/events");

        var snapshot = (await page.ExpectAsync("snapshot", 1))[0].Json;
        Assert.Equal(newest, snapshot.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("codeId").GetString())); // the newest 200, oldest first

        var added = await SendAsync(api, Order(address: "jane@example.com", method: "email", subject: "Code")); // the 10,001st
        await NextCodeAsync(page, "Evicted", "Deleted", first);
        await NextCodeAsync(page, "Sent", "Active", added);
        Assert.DoesNotContain(emulator.TwoFactorCodes, c => c.CodeId == first);
    }

    [Fact]
    public async Task The_stream_carries_the_codes_but_the_log_never_does()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { LoggerFactory = factory });
        using var api = await ApiClient.ConnectAsync(emulator);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        await using var page = await SseClient.ConnectAsync(http, "/emulator/events");
        await page.ExpectAsync("snapshot", 1);

        var sms = await SendAsync(api, Order(type: "alphabetic", length: 10));
        var mailed = await SendAsync(api, Order(address: "jane@example.com", method: "email", type: "alphabetic", length: 10, subject: "Private subject"));
        var codes = new[] { CodeOf(emulator, sms), CodeOf(emulator, mailed) };
        await VerifyAsync(api, sms, codes[0]);
        await ResendAsync(api, mailed, Order(address: "jane@example.com", method: "email", type: "alphabetic", length: 10, subject: "Private subject"));
        var resentCode = CodeOf(emulator, mailed);
        var streamed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            streamed.Add((await page.NextAsync()).Data);
        }

        await using (var again = await SseClient.ConnectAsync(http, "/emulator/events"))
        {
            streamed.Add((await again.NextAsync()).Data);
        }

        foreach (var code in codes.Append(resentCode))
        {
            Assert.Contains(streamed, data => data.Contains(code, StringComparison.Ordinal)); // the page's data channel has them
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(code, StringComparison.Ordinal)); // no log line, of any category
        }

        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("Private subject", StringComparison.Ordinal));
    }

    /// <summary>The next event: a <c>code</c> event of this change, status and resource.</summary>
    private static async Task<JsonElement> NextCodeAsync(SseClient page, string change, string status, string codeId)
    {
        var e = await page.NextAsync();
        Assert.True(e.Type == "code", "expected a code event, got " + e.Type + ": " + e.Data);
        var json = e.Json;
        Assert.Equal((change, status, codeId), (json.GetProperty("change").GetString(), json.GetProperty("status").GetString(), json.GetProperty("codeId").GetString()));
        return json;
    }

    /// <summary>A fake clock that counts the timers created on it and not yet disposed.</summary>
    private sealed class CountingClock : TimeProvider
    {
        private int _live;
        private int _liveExpiry;

        public FakeTimeProvider Fake { get; } = new(DateTimeOffset.UtcNow);

        public int Live => Volatile.Read(ref _live);

        /// <summary>Live timers created by the two-factor code store (by its callback's declaring type).</summary>
        public int LiveExpiryTimers => Volatile.Read(ref _liveExpiry);

        public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

        public override long GetTimestamp() => Fake.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var expiry = callback.Method.DeclaringType?.Namespace == "Cpaas.Emulator.TwoFactor";
            Interlocked.Increment(ref _live);
            if (expiry)
            {
                Interlocked.Increment(ref _liveExpiry);
            }

            return new Counted(Fake.CreateTimer(callback, state, dueTime, period), () =>
            {
                Interlocked.Decrement(ref _live);
                if (expiry)
                {
                    Interlocked.Decrement(ref _liveExpiry);
                }
            });
        }

        private sealed class Counted(ITimer inner, Action disposed) : ITimer
        {
            private int _disposed;

            public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

            public void Dispose()
            {
                inner.Dispose();
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    disposed();
                }
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
