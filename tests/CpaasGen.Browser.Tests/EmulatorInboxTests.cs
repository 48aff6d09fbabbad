using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Cpaas.Emulator;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cpaas.Browser.Tests;

/// <summary>The emulator's inbox page in headless Chromium: live updates from SDK sends, and hostile text shown as text.</summary>
public sealed class EmulatorInboxTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task ASendFromTheSdkAppearsOnThePageWithinOneSecondWithoutAReload()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        var (context, errors) = await chromium.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        var loads = 0;
        page.Load += (_, _) => loads++;
        await page.GotoAsync(emulator.BaseUrl.ToString());
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        using var client = Sdk.Client(emulator);

        foreach (var text in new[] { "hi :) from the SDK", "second message", "and a third" })
        {
            await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = text });
            var clock = Stopwatch.StartNew();
            await page.Locator(".message .text").GetByText(text, new() { Exact = true }).WaitForAsync(new() { Timeout = 1000 });
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), text + " took " + clock.Elapsed);
        }

        Assert.Equal(1, loads); // never reloaded
        await Expect(page.Locator(".thread")).ToHaveCountAsync(1);
        await Expect(page.Locator(".message.outbound")).ToHaveCountAsync(3);
        await Expect(page.Locator("#numbers .number")).ToHaveCountAsync(2);
        Assert.Empty(errors.All);
    }

    [Fact]
    public async Task MessageTextIsShownAsTextNeverRunAsMarkup()
    {
        const string Hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script><b>bold?</b>";
        await using var emulator = await CpaasEmulator.StartAsync();
        var (context, errors) = await chromium.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(emulator.BaseUrl.ToString());
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");

        await emulator.SimulateInboundSmsAsync("+16131234567", "+16135550100", Hostile);

        var shown = page.Locator(".message .text").First;
        await Expect(shown).ToHaveTextAsync(Hostile);
        Assert.Equal(0, await page.Locator("#threads img, #threads script, #threads b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Empty(errors.All);
    }
}

/// <summary>An SDK client for an emulator, as users create one.</summary>
internal static class Sdk
{
    public static CpaasClient Client(CpaasEmulator emulator) => new(new CpaasClientOptions
    {
        BaseUrl = emulator.BaseUrl,
        ClientId = emulator.Options.ClientId,
        ClientSecret = emulator.Options.ClientSecret,
    }, new HttpClient(), null);
}
