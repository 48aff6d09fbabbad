using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Cpaas.Emulator.Tests;

/// <summary>
/// Two-factor codes (issue 12): one current code per resource, generated per format, delivered as a real SMS from the
/// default number (read back from the history, as a phone would) or recorded as an e-mail; verify uses it up, a resend
/// replaces it, the expiry follows the emulator's clock, and too many wrong codes invalidate it.
/// </summary>
public sealed class TwoFactorTests
{
    private const string Phone = "+16131234567";

    private static JsonObject Body(string address = Phone, string method = "sms", int? length = 6, string? type = "numeric", int? expiry = 120, string message = "Your code is {code}", string? subject = null, bool format = true)
    {
        var code = new JsonObject { ["address"] = new JsonArray(address), ["method"] = method };
        if (format)
        {
            var f = new JsonObject();
            if (length is not null)
            {
                f["length"] = length;
            }

            if (type is not null)
            {
                f["type"] = type;
            }

            code["format"] = f;
        }

        if (expiry is not null)
        {
            code["expiry"] = expiry;
        }

        code["message"] = message;
        if (subject is not null)
        {
            code["subject"] = subject;
        }

        return new JsonObject { ["code"] = code };
    }

    private static string Codes(ApiClient api) => $"/cpaas/auth/v1/{api.UserId}/codes";

    private static async Task<string> SendAsync(ApiClient api, JsonObject? body = null)
    {
        var response = await api.PostAsync(Codes(api), body ?? Body());
        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
        return ((string)response.Json["code"]!["resourceURL"]!).Split('/').Last();
    }

    private static Task<ApiResponse> VerifyAsync(ApiClient api, string codeId, string code)
        => api.SendAsync(HttpMethod.Put, $"{Codes(api)}/{codeId}/verify", new JsonObject { ["code"] = new JsonObject { ["verify"] = code } }.ToJsonString());

    private static Task<ApiResponse> ResendAsync(ApiClient api, string codeId, JsonObject? body = null)
        => api.SendAsync(HttpMethod.Put, $"{Codes(api)}/{codeId}", (body ?? Body()).ToJsonString());

    /// <summary>The code as the phone got it: the newest SMS of the thread between the phone and the default number.</summary>
    private static async Task<string> ReadSmsAsync(ApiClient api, string phone = Phone)
    {
        var messages = await api.GetAsync($"{api.Sms}/remoteAddresses/{phone}/localAddresses/+16135550100/messages");
        Assert.True(messages.Status == HttpStatusCode.OK, messages.Body);
        var newest = messages.Json["smsMessageList"]!["smsMessage"]!.AsArray()[0]!;
        Assert.Equal("Outbound", (string?)newest["type"]);
        var text = (string)newest["message"]!;
        var match = Regex.Match(text, "^Your code is ([A-Z0-9]+)$");
        Assert.True(match.Success, text);
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task A_code_sent_by_sms_arrives_as_an_sms_from_the_default_number_and_verifies_once()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var response = await api.PostAsync(Codes(api), Body());

        Assert.Equal(HttpStatusCode.Created, response.Status);
        JsonAssertions.AssertKeys(response.Json, "code");
        JsonAssertions.AssertKeys(response.Json["code"], "resourceURL");
        var resourceUrl = (string)response.Json["code"]!["resourceURL"]!;
        Assert.Matches("^/cpaas/auth/v1/emulator-user/codes/[0-9a-f-]{36}$", resourceUrl);
        Assert.Equal(resourceUrl, response.Headers.Location?.OriginalString);
        var codeId = resourceUrl.Split('/').Last();

        var code = await ReadSmsAsync(api);
        Assert.Matches("^[0-9]{6}$", code);
        var record = Assert.Single(emulator.TwoFactorCodes);
        Assert.Equal((codeId, code, "sms", Phone, TwoFactorCodeStatus.Active, 1), (record.CodeId, record.Code, record.Method, record.DestinationAddress, record.Status, record.Sends));
        Assert.NotNull(record.MessageId);

        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync(api, codeId, code)).Status);
        (await VerifyAsync(api, codeId, code)).AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1004"); // used up
        Assert.Equal(TwoFactorCodeStatus.Verified, Assert.Single(emulator.TwoFactorCodes).Status);
    }

    [Theory]
    [InlineData("numeric", 4, "^[0-9]{4}$")]
    [InlineData("numeric", 10, "^[0-9]{10}$")]
    [InlineData("alphabetic", 7, "^[A-Z]{7}$")]
    [InlineData("alphanumeric", 10, "^[A-Z0-9]{10}$")]
    public async Task Codes_follow_the_requested_format(string type, int length, string pattern)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        for (var i = 0; i < 20; i++)
        {
            await SendAsync(api, Body(type: type, length: length));
        }

        Assert.All(emulator.TwoFactorCodes, c => Assert.Matches(pattern, c.Code));
        Assert.True(emulator.TwoFactorCodes.Select(c => c.Code).Distinct().Count() >= 15, "codes should not repeat (a cryptographic RNG over the format)");
    }

    [Fact]
    public async Task Format_and_expiry_are_optional_with_the_vendors_defaults()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        await SendAsync(api, Body(format: false, expiry: null));
        await SendAsync(api, Body(length: null, type: null)); // "format":{} — what the official .NET SDK sends

        Assert.All(emulator.TwoFactorCodes, c =>
        {
            Assert.Matches("^[0-9]{6}$", c.Code);
            Assert.Equal(TimeSpan.FromSeconds(120), c.ExpiresAt - c.IssuedAt);
        });
    }

    [Fact]
    public async Task Letters_are_compared_ignoring_case_and_surrounding_whitespace()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var codeId = await SendAsync(api, Body(type: "alphabetic", length: 8));

        var code = await ReadSmsAsync(api);

        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync(api, codeId, " " + code.ToLowerInvariant() + "\n")).Status);
    }

    [Fact]
    public async Task A_code_expires_on_the_emulators_clock()
    {
        var clock = new ManualClock();
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TimeProvider = clock });
        using var api = await ApiClient.ConnectAsync(emulator);
        var first = await SendAsync(api, Body(expiry: 30));
        var firstCode = await ReadSmsAsync(api);
        var second = await SendAsync(api, Body(expiry: 30));
        var secondCode = await ReadSmsAsync(api);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync(api, first, firstCode)).Status);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await VerifyAsync(api, second, secondCode)).AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1004");

        Assert.Equal(TwoFactorCodeStatus.Expired, emulator.TwoFactorCodes.Single(c => c.CodeId == second).Status);
    }

    [Fact]
    public async Task Too_many_wrong_codes_invalidate_the_code_and_a_resend_issues_a_new_one_with_new_attempts()
    {
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TwoFactorMaxAttempts = 3 });
        using var api = await ApiClient.ConnectAsync(emulator);
        var codeId = await SendAsync(api, Body(type: "alphanumeric", length: 10));
        var code = await ReadSmsAsync(api);

        for (var i = 1; i <= 3; i++)
        {
            (await VerifyAsync(api, codeId, "WRONG00000")).AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1004");
            Assert.Equal(i, Assert.Single(emulator.TwoFactorCodes).WrongAttempts);
        }

        Assert.Equal(TwoFactorCodeStatus.Locked, Assert.Single(emulator.TwoFactorCodes).Status);
        (await VerifyAsync(api, codeId, code)).AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1004"); // even the right one

        var resent = await ResendAsync(api, codeId, Body(type: "alphanumeric", length: 10));
        Assert.Equal(HttpStatusCode.OK, resent.Status);
        Assert.EndsWith("/codes/" + codeId, (string)resent.Json["code"]!["resourceURL"]!, StringComparison.Ordinal); // the same resource
        var newCode = await ReadSmsAsync(api);
        Assert.NotEqual(code, newCode);
        var record = Assert.Single(emulator.TwoFactorCodes);
        Assert.Equal((TwoFactorCodeStatus.Active, 0, 2), (record.Status, record.WrongAttempts, record.Sends));

        (await VerifyAsync(api, codeId, code)).AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1004"); // the previous code stopped working
        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync(api, codeId, newCode)).Status);
    }

    [Fact]
    public async Task A_resend_invalidates_the_previous_code()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var codeId = await SendAsync(api, Body(length: 10));
        var before = await ReadSmsAsync(api);

        Assert.Equal(HttpStatusCode.OK, (await ResendAsync(api, codeId, Body(length: 10))).Status);
        var after = await ReadSmsAsync(api);

        Assert.NotEqual(before, after);
        (await VerifyAsync(api, codeId, before)).AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1004");
        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync(api, codeId, after)).Status);
    }

    [Fact]
    public async Task A_deleted_code_is_gone()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var codeId = await SendAsync(api);
        var code = await ReadSmsAsync(api);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Codes(api)}/{codeId}")).Status);

        (await VerifyAsync(api, codeId, code)).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await ResendAsync(api, codeId)).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await api.DeleteAsync($"{Codes(api)}/{codeId}")).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        (await VerifyAsync(api, "no-such-code", code)).AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        Assert.Empty(emulator.TwoFactorCodes);
    }

    [Fact]
    public async Task A_code_sent_by_email_is_recorded_on_the_admin_endpoint_not_sent_as_an_sms()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var codeId = await SendAsync(api, Body(address: "jane@example.com", method: "email", type: "alphanumeric", length: 8, message: "Sign in with {code} (or click https://app.example/verify?c={code})", subject: "Your sign-in code"));

        var email = Assert.Single(emulator.SentEmails);
        var code = Assert.Single(emulator.TwoFactorCodes).Code;
        Assert.Equal(("jane@example.com", "Your sign-in code", codeId), (email.To, email.Subject, email.CodeId));
        Assert.Equal("Sign in with " + code + " (or click https://app.example/verify?c=" + code + ")", email.Body);
        Assert.DoesNotContain(code, email.ToString(), StringComparison.Ordinal);

        var admin = await api.GetAsync("/emulator/emails");
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        var served = Assert.Single(admin.Json["emails"]!.AsArray())!;
        JsonAssertions.AssertKeys(served, "emailId", "to", "subject", "body", "codeId", "timestamp");
        Assert.Equal(email.Body, (string?)served["body"]);
        Assert.Equal(0, (int)(await api.GetAsync("/emulator")).Json["storedMessages"]!); // no SMS
        Assert.Equal(HttpStatusCode.NoContent, (await VerifyAsync(api, codeId, code)).Status);
    }

    [Fact]
    public async Task The_admin_endpoint_lists_the_code_resources()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var codeId = await SendAsync(api);

        var admin = await api.GetAsync("/emulator/codes");

        var code = Assert.Single(admin.Json["codes"]!.AsArray())!;
        JsonAssertions.AssertKeys(code, "codeId", "resourceURL", "method", "destinationAddress", "code", "length", "type", "issuedAt", "expiresAt", "status", "wrongAttempts", "maxAttempts", "sends", "messageId");
        Assert.Equal((codeId, "Active", 5), ((string?)code["codeId"], (string?)code["status"], (int)code["maxAttempts"]!));
        Assert.Equal(await ReadSmsAsync(api), (string?)code["code"]);
    }

    public static TheoryData<string, JsonObject, string> InvalidBodies => new()
    {
        { "address", new JsonObject { ["code"] = new JsonObject { ["address"] = new JsonArray(), ["method"] = "sms", ["message"] = "{code}" } }, "SVC0002" },
        { "address", new JsonObject { ["code"] = new JsonObject { ["address"] = new JsonArray(Phone, "+16131234568"), ["method"] = "sms", ["message"] = "{code}" } }, "SVC0002" },
        { "address", Body(address: "6131234567"), "SVC0002" },
        { "address", Body(address: "jane@example.com"), "SVC0002" },
        { "address", Body(address: Phone, method: "email", subject: "s"), "SVC0002" },
        { "method", Body(method: "voice"), "SVC0003" },
        { "method", new JsonObject { ["code"] = new JsonObject { ["address"] = new JsonArray(Phone), ["message"] = "{code}" } }, "SVC0002" },
        { "length", Body(length: 3), "SVC0002" },
        { "length", Body(length: 11), "SVC0002" },
        { "type", Body(type: "hex"), "SVC0003" },
        { "expiry", Body(expiry: 29), "SVC0002" },
        { "expiry", Body(expiry: 3601), "SVC0002" },
        { "message", Body(message: "no placeholder"), "SVC0002" },
        { "message", new JsonObject { ["code"] = new JsonObject { ["address"] = new JsonArray(Phone), ["method"] = "sms" } }, "SVC0002" },
        { "subject", Body(address: "jane@example.com", method: "email"), "SVC0002" },
        { "subject", Body(address: "jane@example.com", method: "email", subject: "a\r\nBcc: x@example.com"), "SVC0002" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_send_or_resend_is_a_400_naming_the_member_and_sends_nothing(string member, JsonObject body, string messageId)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var codeId = await SendAsync(api);

        var send = await api.PostAsync(Codes(api), body);
        var resend = await ResendAsync(api, codeId, body);

        foreach (var refused in new[] { send, resend })
        {
            var error = refused.AssertRequestError(HttpStatusCode.BadRequest, "serviceException", messageId);
            Assert.Equal(member, (string?)error["variables"]![0]);
        }

        Assert.Equal(1, Assert.Single(emulator.TwoFactorCodes).Sends);
        Assert.Equal(1, (int)(await api.GetAsync("/emulator")).Json["storedMessages"]!); // only the first code's SMS
    }

    [Fact]
    public async Task Without_a_default_number_a_code_cannot_go_out_by_sms()
    {
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { Numbers = ["+16135550100"] });
        using var api = await ApiClient.ConnectAsync(emulator);
        await emulator.UnassignNumberAsync("+16135550100");

        (await api.PostAsync(Codes(api), Body())).AssertRequestError(HttpStatusCode.Forbidden, "policyException", "POL1001");

        Assert.Empty(emulator.TwoFactorCodes);
    }

    [Fact]
    public async Task Every_change_raises_an_event_and_a_failing_handler_does_not_fail_the_call()
    {
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TwoFactorMaxAttempts = 2 });
        using var api = await ApiClient.ConnectAsync(emulator);
        var events = new List<TwoFactorCodeEvent>();
        emulator.TwoFactorCodeChanged += (_, e) => { lock (events) { events.Add(e); } };
        emulator.TwoFactorCodeChanged += (_, _) => throw new InvalidOperationException("a broken subscriber");

        var codeId = await SendAsync(api);
        await VerifyAsync(api, codeId, "000000x");
        await VerifyAsync(api, codeId, "000000y");
        await ResendAsync(api, codeId);
        await VerifyAsync(api, codeId, await ReadSmsAsync(api));
        await api.DeleteAsync($"{Codes(api)}/{codeId}");

        Assert.Equal(
            [TwoFactorCodeEventKind.Sent, TwoFactorCodeEventKind.VerificationFailed, TwoFactorCodeEventKind.Locked, TwoFactorCodeEventKind.Resent, TwoFactorCodeEventKind.Verified, TwoFactorCodeEventKind.Deleted],
            events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(codeId, e.Record.CodeId));
        Assert.Equal(TwoFactorCodeStatus.Deleted, events[^1].Record.Status);
    }

    [Fact]
    public async Task Codes_never_reach_the_log()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { LoggerFactory = factory });
        using var api = await ApiClient.ConnectAsync(emulator);
        var codeId = await SendAsync(api, Body(length: 10));
        var code = await ReadSmsAsync(api);
        await VerifyAsync(api, codeId, "1234567890");
        await VerifyAsync(api, codeId, code);
        await SendAsync(api, Body(address: "jane@example.com", method: "email", length: 10, subject: "Private subject"));
        var emailCode = emulator.SentEmails.Single().Body[^10..];

        Assert.Contains(logs.Entries, e => e.Message.Contains("Two-factor code " + codeId + " sent by sms to +1613***4567", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("sent by email to j***@example.com", StringComparison.Ordinal));
        foreach (var secret in new[] { code, emailCode, "1234567890", "Private subject", "jane@" })
        {
            Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(secret, StringComparison.Ordinal)); // no category at all, ASP.NET Core's included
        }

        // The emulator's own lines mask numbers (ASP.NET Core's request lines show history paths, which hold numbers).
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Cpaas", StringComparison.Ordinal) && e.Message.Contains(Phone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_code_operations_need_a_token()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = new ApiClient(emulator);

        (await api.PostAsync($"/cpaas/auth/v1/{api.UserId}/codes", Body())).AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002");
        (await VerifyAsync(api, "x", "123456")).AssertRequestError(HttpStatusCode.Unauthorized, "serviceException", "SVC1002");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task The_attempt_limit_must_allow_at_least_one_attempt(int attempts)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TwoFactorMaxAttempts = attempts }));

        Assert.Contains("TwoFactorMaxAttempts", error.Message, StringComparison.Ordinal);
    }
}
