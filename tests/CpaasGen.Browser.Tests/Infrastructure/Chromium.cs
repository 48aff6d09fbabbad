using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace Cpaas.Browser.Tests;

/// <summary>
/// One headless Chromium per test class (<c>IClassFixture&lt;Chromium&gt;</c>): Debian's <c>/usr/bin/chromium</c>, driven by
/// Playwright's driver from the NuGet package. Playwright was chosen over Selenium because its driver ships inside the
/// package (no separate chromedriver version to match), it waits on the page itself (locators, Expect), and it gives a
/// fresh profile per launch. Each browser context is a fresh profile too (cookies, storage).
/// Missing Chromium is a failure, never a skip: CI installs it (.ci/steps.d/30-chromium.sh).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The flags this closed network needs: no background networking, no component updates, no QUIC, no sync.</summary>
    public static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                ExecutablePath + " is missing: the browser tests need Debian's Chromium. Install it with `bash .ci/steps.d/30-chromium.sh` "
                + "(apt-get install -y chromium chromium-driver). These tests fail rather than skip without it.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh context (its own cookies) with a page size that fits the inbox; console errors are collected.</summary>
    public async Task<(IBrowserContext Context, ConsoleErrors Errors)> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(10_000);
        var errors = new ConsoleErrors();
        context.Page += (_, page) => errors.Watch(page);
        return (context, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Console errors and uncaught exceptions of a context's pages (a CSP violation shows up here).</summary>
public sealed class ConsoleErrors
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> All => _errors.ToArray();

    /// <summary>Errors other than expected HTTP answers (a page that is refused the feed logs its 401).</summary>
    public IReadOnlyCollection<string> Except(params string[] expected)
        => [.. _errors.Where(e => !System.Array.Exists(expected, x => e.Contains(x, StringComparison.Ordinal)))];

    public void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            // EventSource reconnects log a network error by design (the reconnect test cuts connections on purpose).
            if (message.Type == "error" && !message.Text.Contains("net::ERR_", StringComparison.Ordinal))
            {
                _errors.Enqueue(message.Text + " (" + message.Location + ")");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue("page error: " + error);
    }
}
