using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Cpaas.Emulator;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cpaas.Browser.Tests;

/// <summary>
/// The inbox page's two-factor codes pane in headless Chromium: a code sent from the SDK appears within a second without
/// a reload, with the SMS or e-mail that carried it (as text, never markup); a verification, a resend and a delete
/// change its card in place; a code that runs out on the emulator's clock shows as expired.
/// </summary>
public sealed class TwoFactorCodesPaneTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Phone = "+16131234567";

    [Fact]
    public async Task ACodeSentFromTheSdkAppearsWithinOneSecondAndAVerifyFlipsItsStatus()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        var (context, errors) = await chromium.NewContextAsync();
        await using var _ = context;
        var page = await LivePageAsync(context, emulator);
        var loads = 0;
        page.Load += (_, _) => loads++;
        using var client = Sdk.Client(emulator);

        var sent = await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = Phone, Message = "Your Bistro code is {code}" });
        var clock = Stopwatch.StartNew();
        var card = page.Locator("#codes .code[data-code-id='" + sent.CodeId + "']");
        await card.WaitForAsync(new() { Timeout = 1000 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "the code took " + clock.Elapsed);

        var code = emulator.TwoFactorCodes.Single().Code;
        await Expect(card.Locator(".code-value .label")).ToHaveTextAsync("code received");
        await Expect(card.Locator(".code-value .value")).ToHaveTextAsync(code);
        await Expect(card.Locator(".destination")).ToHaveTextAsync("+1613***4567");
        await Expect(card.Locator(".method")).ToHaveTextAsync("SMS");
        await Expect(card.Locator(".code-status")).ToHaveTextAsync("Active");
        await Expect(card.Locator(".attempts")).ToHaveTextAsync("wrong attempts 0/5");
        await Expect(card.Locator(".expiry")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^expires .+ · in [12]:[0-5][0-9]$"));
        await Expect(card.Locator(".carrier-head")).ToHaveTextAsync("SMS from +16135550100");
        await Expect(card.Locator(".carrier .text")).ToHaveTextAsync("Your Bistro code is " + code);
        await Expect(page.Locator(".message.outbound .text")).ToHaveTextAsync("Your Bistro code is " + code); // and in its thread
        await Expect(page.Locator("#codes-empty")).ToBeHiddenAsync();

        Assert.False((await client.TwoFactor.VerifyCodeAsync(sent.CodeId, code == "000000" ? "111111" : "000000")).Verified);
        await Expect(card.Locator(".attempts")).ToHaveTextAsync("wrong attempts 1/5");
        await Expect(card.Locator(".code-status")).ToHaveTextAsync("Active");

        Assert.True((await client.TwoFactor.VerifyCodeAsync(sent.CodeId, code)).Verified);
        clock.Restart();
        await Expect(card.Locator(".code-status")).ToHaveTextAsync("Verified", new() { Timeout = 1000 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "the verification took " + clock.Elapsed);
        await Expect(card).ToHaveClassAsync("code status-verified");

        Assert.Equal(0, loads); // never reloaded (counted from the first load on)
        await Expect(page.Locator("#codes .code")).ToHaveCountAsync(1);
        Assert.Empty(errors.All);
    }

    [Fact]
    public async Task AnEmailCodeShowsItsEmailAsTextAndAResendAndADeleteChangeItsCard()
    {
        const string Body = "<img src=x onerror=\"window.pwned=1\"><b>{code}</b> is your code";
        const string Subject = "Sign in to <script>window.pwned=2</script>Bistro";
        await using var emulator = await CpaasEmulator.StartAsync();
        var (context, errors) = await chromium.NewContextAsync();
        await using var _ = context;
        var page = await LivePageAsync(context, emulator);
        using var client = Sdk.Client(emulator);
        var request = new SendCodeRequest { DestinationAddress = "jane.doe@example.com", Method = TwoFactorMethod.Email, Subject = Subject, Message = Body, Type = TwoFactorCodeType.Alphanumeric, Length = 8 };

        var sent = await client.TwoFactor.SendCodeAsync(request);
        var card = page.Locator("#codes .code[data-code-id='" + sent.CodeId + "']");
        var first = emulator.TwoFactorCodes.Single().Code;
        await Expect(card.Locator(".code-value .value")).ToHaveTextAsync(first);
        await Expect(card.Locator(".destination")).ToHaveTextAsync("j***@example.com");
        await Expect(card.Locator(".method")).ToHaveTextAsync("E-mail");
        await Expect(card.Locator(".carrier-head")).ToHaveTextAsync("E-mail to j***@example.com");
        await Expect(card.Locator(".carrier .subject")).ToHaveTextAsync(Subject);
        await Expect(card.Locator(".carrier .text")).ToHaveTextAsync(Body.Replace("{code}", first, StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("#codes img, #codes script, #codes b").CountAsync());

        await client.TwoFactor.ResendCodeAsync(sent.CodeId, request);
        var second = emulator.TwoFactorCodes.Single().Code;
        await Expect(card.Locator(".code-value .value")).ToHaveTextAsync(second);
        await Expect(card.Locator(".sends")).ToHaveTextAsync("sent 2×");
        await Expect(card.Locator(".carrier .text")).ToHaveTextAsync(Body.Replace("{code}", second, StringComparison.Ordinal));

        await client.TwoFactor.DeleteCodeAsync(sent.CodeId);
        await Expect(card.Locator(".code-status")).ToHaveTextAsync("Deleted");
        await Expect(page.Locator("#codes .code")).ToHaveCountAsync(1); // the same card, changed in place

        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Empty(errors.All);
    }

    [Fact]
    public async Task ACodeShowsAsExpiredWhenTheEmulatorsClockReachesItsExpiryWithoutAReload()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { TimeProvider = time });
        var (context, errors) = await chromium.NewContextAsync();
        await using var _ = context;
        var page = await LivePageAsync(context, emulator);
        var loads = 0;
        page.Load += (_, _) => loads++;
        using var client = Sdk.Client(emulator);

        var sent = await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = Phone, Message = "Code {code}", Expiry = TimeSpan.FromSeconds(30) });
        var card = page.Locator("#codes .code[data-code-id='" + sent.CodeId + "']");
        await Expect(card.Locator(".code-status")).ToHaveTextAsync("Active");
        await Expect(card.Locator(".expiry")).ToContainTextAsync("· in 0:");

        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(300);
        await Expect(card.Locator(".code-status")).ToHaveTextAsync("Active");

        time.Advance(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        await Expect(card.Locator(".code-status")).ToHaveTextAsync("Expired", new() { Timeout = 1000 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "the expiry took " + clock.Elapsed);
        await Expect(card.Locator(".expiry")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^expired "));
        await Expect(card).ToHaveClassAsync("code status-expired");
        Assert.Equal(0, loads); // never reloaded

        // A page opened now gets the same status from its snapshot.
        var fresh = await LivePageAsync(context, emulator);
        await Expect(fresh.Locator("#codes .code .code-status")).ToHaveTextAsync("Expired");
        Assert.Empty(errors.All);
    }

    private static async Task<IPage> LivePageAsync(IBrowserContext context, CpaasEmulator emulator)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(emulator.BaseUrl.ToString());
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        return page;
    }
}
