using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Xunit;

namespace Cpaas.Emulator.Tests;

/// <summary>
/// The inbox page at <c>/</c> and its live stream <c>/emulator/events</c> over real HTTP (the browser tests drive the
/// page itself): security headers, the snapshot-then-changes stream, resumption, and the loopback-only guarantees.
/// </summary>
public sealed class InboxPageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/inbox.js", "text/javascript")]
    [InlineData("/inbox.css", "text/css")]
    public async Task ThePageIsServedFromTheAssemblyUnderAStrictContentSecurityPolicy(string path, string mediaType)
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ThePageHasEveryPaneAndItsScriptNeverRendersDataAsHtml()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        var html = await http.GetStringAsync("/");
        var script = await http.GetStringAsync("/inbox.js");

        foreach (var id in new[] { "numbers-pane", "threads-pane", "deliveries-pane", "codes-pane", "handset-pane" })
        {
            Assert.Contains("id=\"" + id + "\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal); // no inline script (the CSP would block it anyway)
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(sink, script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheStreamStartsWithASnapshotThenSendsEveryChange()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        await api.SendSmsAsync("default", "+16131234567", "before the page opened");
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        await using var page = await SseClient.ConnectAsync(http, "/emulator/events");

        var snapshot = (await page.ExpectAsync("snapshot", 1))[0].Json;
        Assert.Equal(["+16135550100", "+16135550101"], snapshot.GetProperty("numbers").GetProperty("numbers").EnumerateArray().Select(n => n.GetString()));
        var before = Assert.Single(snapshot.GetProperty("messages").EnumerateArray());
        Assert.Equal("before the page opened", before.GetProperty("text").GetString());
        Assert.Equal("Outbound", before.GetProperty("direction").GetString());
        Assert.Empty(snapshot.GetProperty("codes").EnumerateArray());

        await api.SubscribeWebhookAsync(receiver.Url("/hook?token=page-secret-1234"), "+16135550100");
        await api.SendSmsAsync("default", "+16131234567", "after");
        var sent = (await page.ExpectAsync("message", 1))[0].Json;
        Assert.Equal("after", sent.GetProperty("text").GetString());
        Assert.Equal("+16131234567", sent.GetProperty("remote").GetString());
        Assert.Equal("+16135550100", sent.GetProperty("local").GetString());

        var delivery = (await page.ExpectAsync("delivery", 1))[0].Json;
        Assert.Equal("outboundSMSMessageNotification", delivery.GetProperty("notificationType").GetString());
        Assert.Equal(1, delivery.GetProperty("attempt").GetInt32());
        Assert.Equal("Succeeded", delivery.GetProperty("outcome").GetString());
        Assert.DoesNotContain("page-secret", delivery.GetProperty("webhookURL").GetString(), StringComparison.Ordinal); // masked

        await emulator.SimulateInboundSmsAsync("+16131234567", "+16135550101", "to the other number");
        Assert.Equal("Inbound", (await page.ExpectAsync("message", 1))[0].Json.GetProperty("direction").GetString());

        await emulator.UnassignNumberAsync("+16135550101");
        Assert.Equal(["+16135550100"], (await page.ExpectAsync("numbers", 1))[0].Json.GetProperty("numbers").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task APageThatReconnectsGetsWhatItMissedExactlyOnce()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        string lastEventId;
        await using (var page = await SseClient.ConnectAsync(http, "/emulator/events"))
        {
            await page.ExpectAsync("snapshot", 1);
            await api.SendSmsAsync("default", "+16131234567", "one");
            await page.ExpectAsync("message", 1);
            lastEventId = page.LastEventId!;
        }

        await api.SendSmsAsync("default", "+16131234567", "two");
        await emulator.SimulateInboundSmsAsync("+16131234567", "+16135550100", "three");

        await using (var resumed = await SseClient.ConnectAsync(http, "/emulator/events", lastEventId))
        {
            var ready = await resumed.NextAsync();
            Assert.Equal("ready", ready.Type);
            Assert.Equal(["two", "three"], (await resumed.ExpectAsync("message", 2)).Select(e => e.Json.GetProperty("text").GetString()));
            Assert.True(await resumed.IsQuietAsync(TimeSpan.FromMilliseconds(200)));
        }

        // An id this emulator never issued (another run, garbage): a fresh snapshot, never a guess.
        await using var other = await SseClient.ConnectAsync(http, "/emulator/events", "0badf00d-2");
        var snapshot = await other.NextAsync();
        Assert.Equal("snapshot", snapshot.Type);
        Assert.Equal(3, snapshot.Json.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task AForeignHostNameIsRefused()
    {
        // A DNS-rebinding page reaches 127.0.0.1 under its own host name: it must not read the page, the stream or the
        // credentials of GET /emulator.
        await using var emulator = await CpaasEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        foreach (var path in new[] { "/", "/emulator", "/emulator/events" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "attacker.example:" + emulator.BaseUrl.Port.ToString(CultureInfo.InvariantCulture);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("SVC1004", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var host in new[] { "localhost", "127.0.0.1" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = host + ":" + emulator.BaseUrl.Port.ToString(CultureInfo.InvariantCulture);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnotherSiteCannotTextANumberThroughTheDevelopersBrowser()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        const string Body = "{\"from\":\"+16131234567\",\"to\":\"+16135550100\",\"message\":\"forged\"}";

        using var crossSite = await PostInboundAsync(http, Body, origin: "https://attacker.example", site: "cross-site");
        using var sameOrigin = await PostInboundAsync(http, Body, origin: emulator.BaseUrl.GetLeftPart(UriPartial.Authority), site: "same-origin");

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("POL1005", await crossSite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, sameOrigin.StatusCode);
        using var api = await ApiClient.ConnectAsync(emulator);
        var threads = await api.GetAsync(api.Sms + "/remoteAddresses/+16131234567/localAddresses/+16135550100/messages");
        Assert.Single(threads.Json["smsMessageList"]!["smsMessage"]!.AsArray()); // only the same-origin one
    }

    [Fact]
    public async Task TheEmulatorListensOnTheLoopbackInterfaceOnly()
    {
        // Read from the kernel's socket table, not from Kestrel: the one listening socket on the emulator's port is bound
        // to 127.0.0.1, so the page (and everything else) is unreachable from any other interface.
        await using var emulator = await CpaasEmulator.StartAsync();
        var port = emulator.BaseUrl.Port.ToString("X4", CultureInfo.InvariantCulture);

        var listeners = new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Skip(0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 3 && f[3] == "0A" && f[1].EndsWith(":" + port, StringComparison.Ordinal)) // 0A = LISTEN
            .Select(f => f[1])
            .ToList();

        Assert.Equal(["0100007F:" + port], listeners); // 127.0.0.1, little-endian; no 0.0.0.0 or :: listener
    }

    private static Task<HttpResponseMessage> PostInboundAsync(HttpClient http, string body, string origin, string site)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/emulator/inbound") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", site);
        return http.SendAsync(request);
    }
}
