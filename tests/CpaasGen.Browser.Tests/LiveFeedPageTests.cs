using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Cpaas.Emulator;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Cpaas.Browser.Tests;

/// <summary>
/// The seed's "sync all online clients" end to end in headless Chromium: a text from the emulator's handset goes through
/// the real webhook path into a user's app (MapCpaasWebhook + MapCpaasLiveFeed on Kestrel 127.0.0.1, serving
/// WebhookSample's live page) and shows up in two open tabs; a page that loses its connection resumes without gaps or
/// duplicates; a signed-out page gets nothing.
/// </summary>
public sealed class LiveFeedPageTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string ProjectNumber = "+16135550100";
    private const string Phone = "+16131234567";

    [Fact]
    public async Task ATextFromTheHandsetReachesTheAppsWebhookAndAppearsInTwoOpenTabs()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        await using var app = await LiveApp.StartAsync();
        using var client = Sdk.Client(emulator);
        await client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = app.WebhookUrl, DestinationAddress = ProjectNumber });

        var (user, userErrors) = await chromium.NewContextAsync();
        await using var _ = user;
        var tab1 = await SignedInPageAsync(user, app.Address);
        var tab2 = await user.NewPageAsync(); // the same signed-in user, a second tab
        await tab2.GotoAsync(app.Address.ToString());
        await Expect(tab2.Locator("#status")).ToHaveTextAsync("live");

        var (developer, developerErrors) = await chromium.NewContextAsync();
        await using var __ = developer;
        var inbox = await developer.NewPageAsync();
        await inbox.GotoAsync(emulator.BaseUrl.ToString());
        await Expect(inbox.Locator("#status")).ToHaveTextAsync("live");

        // A little history first, so the page (and its screenshot) shows a conversation.
        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = [Phone], SenderAddress = "default", Message = "Your table for two is booked for 8 pm." });
        await inbox.Locator("#handset-from").FillAsync(Phone);
        await inbox.Locator("#handset-to").SelectOptionAsync(ProjectNumber);
        await inbox.Locator("#handset-text").FillAsync("Great, see you then! Can we sit outside?");
        await inbox.Locator("#handset-send").ClickAsync();

        foreach (var tab in new[] { tab1, tab2 })
        {
            await Expect(tab.Locator("#conversation li.inbound p")).ToHaveTextAsync("Great, see you then! Can we sit outside?");
            await Expect(tab.Locator("#conversation li.inbound .who")).ToHaveTextAsync(Phone + " → " + ProjectNumber);
        }

        Assert.Contains(app.Received, sms => sms.Message == "Great, see you then! Can we sit outside?" && sms.SenderAddress == Phone);
        await Expect(inbox.Locator("#handset-result")).ToContainTextAsync("delivered to " + ProjectNumber);
        await Expect(inbox.Locator("#deliveries tr.outcome-succeeded")).Not.ToHaveCountAsync(0);
        await Expect(inbox.Locator(".message.inbound .text")).ToHaveTextAsync("Great, see you then! Can we sit outside?");

        // The app's reply is synced back through Kandy's outbound notification: both tabs show it too.
        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = [Phone], SenderAddress = ProjectNumber, Message = "Of course, a terrace table is yours." });
        foreach (var tab in new[] { tab1, tab2 })
        {
            await Expect(tab.Locator("#conversation li.outbound p").Last).ToHaveTextAsync("Of course, a terrace table is yours.");
        }

        // The guest confirms the booking with a two-factor code: the page shows it as the handset received it.
        var sent = await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = Phone, Message = "Your Bistro confirmation code is {code}" });
        await Expect(inbox.Locator("#codes .code[data-code-id='" + sent.CodeId + "'] .code-value .value")).ToHaveTextAsync(emulator.TwoFactorCodes.Single().Code);

        await emulator.SimulateInboundSmsAsync("+16139998877", "+16135550101", "Is the shop open on Sunday?");
        await Expect(inbox.Locator(".thread")).ToHaveCountAsync(2);
        await emulator.WaitForDeliveriesAsync(TimeSpan.FromSeconds(5));
        await Expect(inbox.Locator("#deliveries tr")).ToHaveCountAsync(emulator.Deliveries.Count);

        await inbox.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, "emulator-inbox.png") });
        await tab1.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.Screenshots, "webhook-sample-live.png") });
        Assert.Empty(userErrors.Except("401 (Unauthorized)", "favicon.ico")); // the signed-out feed request, the sample's missing icon
        Assert.Empty(developerErrors.All);
    }

    [Fact]
    public async Task APageThatLosesItsConnectionResumesWithoutGapsOrDuplicates()
    {
        await using var app = await LiveApp.StartAsync();
        await using var proxy = new TcpProxy(app.Address);
        using var http = new HttpClient();
        var (user, _) = await chromium.NewContextAsync();
        await using var _ = user;
        var page = await SignedInPageAsync(user, proxy.Address);
        var items = page.Locator("#conversation li p");

        foreach (var i in Enumerable.Range(1, 3))
        {
            await app.PostNotificationAsync(http, Inbound("m" + i));
        }

        await Expect(items).ToHaveCountAsync(3);
        var connections = proxy.Accepted;

        proxy.Cut(); // the page's connection drops; new ones are refused for now
        await Expect(page.Locator("#status")).ToHaveTextAsync("reconnecting…");
        foreach (var i in Enumerable.Range(4, 5))
        {
            await app.PostNotificationAsync(http, Inbound("m" + i)); // while the page is away
        }

        await Task.Delay(2500); // at least one reconnection attempt is refused
        proxy.Restore();
        await Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 15_000 });
        await app.PostNotificationAsync(http, Inbound("m9"));

        await Expect(items).ToHaveTextAsync(Enumerable.Range(1, 9).Select(i => "m" + i).ToArray(), new() { Timeout = 15_000 });
        Assert.True(proxy.Accepted > connections, "the page did not reconnect through the proxy");
        await Task.Delay(300);
        Assert.Equal(9, await items.CountAsync()); // nothing repeated afterwards either
    }

    [Fact]
    public async Task ASignedOutPageGetsNothing()
    {
        await using var app = await LiveApp.StartAsync();
        using var http = new HttpClient();
        var (user, _) = await chromium.NewContextAsync();
        await using var _ = user;
        var signedIn = await SignedInPageAsync(user, app.Address);
        var (stranger, _) = await chromium.NewContextAsync();
        await using var __ = stranger;
        var outsider = await stranger.NewPageAsync();
        await outsider.GotoAsync(app.Address.ToString());
        await Expect(outsider.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(outsider.Locator("#status")).ToHaveTextAsync("signed out");

        await app.PostNotificationAsync(http, Inbound("for signed-in eyes only"));

        await Expect(signedIn.Locator("#conversation li p")).ToHaveTextAsync("for signed-in eyes only");
        Assert.Equal(0, await outsider.Locator("#conversation li").CountAsync());
        var status = await outsider.EvaluateAsync<int>("async () => (await fetch('/sms/live')).status");
        Assert.Equal(401, status);
        var body = await outsider.EvaluateAsync<string>("async () => await (await fetch('/sms/live')).text()");
        Assert.DoesNotContain("signed-in eyes", body, StringComparison.Ordinal);
    }

    private static async Task<IPage> SignedInPageAsync(IBrowserContext context, Uri address)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync(); // the feed refused the anonymous page
        await page.Locator("#password").FillAsync(LiveApp.Password);
        await page.Locator("#sign-in button").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await Expect(page.Locator("#sign-in")).ToBeHiddenAsync();
        return page;
    }

    private static string Inbound(string text) =>
        "{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{\"dateTime\":1525895987000,\"destinationAddress\":\"" + ProjectNumber
        + "\",\"message\":" + JsonSerializer.Serialize(text) + ",\"messageId\":\"SM" + Guid.NewGuid().ToString("N") + "\",\"senderAddress\":\"" + Phone
        + "\"},\"dateTime\":1525895987000,\"id\":\"" + Guid.NewGuid() + "\"}}";
}
