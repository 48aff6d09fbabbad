using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.AspNetCore.Tests;

/// <summary>The in-memory store: claim semantics, a size cap with eviction and its counter, memory under attack.</summary>
[Collection(MemoryCollection.Name)]
public sealed class InMemoryDuplicateStoreTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    [Fact]
    public async Task ClaimCompleteReleaseFollowTheContract()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new InMemoryCpaasDuplicateStore(time: time);

        Assert.Equal(CpaasClaim.Claimed, await store.TryClaimAsync("a", Lease, default));
        Assert.Equal(CpaasClaim.InProgress, await store.TryClaimAsync("a", Lease, default));
        await store.ReleaseAsync("a", default);
        Assert.Equal(CpaasClaim.Claimed, await store.TryClaimAsync("a", Lease, default));
        await store.CompleteAsync("a", Window, default);
        await store.ReleaseAsync("a", default); // never forgets a handled id
        Assert.Equal(CpaasClaim.AlreadyHandled, await store.TryClaimAsync("a", Lease, default));

        Assert.Equal(CpaasClaim.Claimed, await store.TryClaimAsync("crashed", Lease, default));
        time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(CpaasClaim.Claimed, await store.TryClaimAsync("crashed", Lease, default)); // lease expired: taken over
        time.Advance(Window);
        Assert.Equal(CpaasClaim.Claimed, await store.TryClaimAsync("a", Lease, default)); // window over
    }

    [Fact]
    public async Task OverTheCapTheOldestIdsAreEvictedAndCounted()
    {
        var store = new InMemoryCpaasDuplicateStore(new InMemoryDuplicateStoreOptions { MaxEntries = 100 });

        for (var i = 0; i < 250; i++)
        {
            Assert.Equal(CpaasClaim.Claimed, await store.TryClaimAsync("id-" + i, Lease, default));
            await store.CompleteAsync("id-" + i, Window, default);
        }

        Assert.Equal(100, store.Count);
        Assert.Equal(150, store.Evictions);
        Assert.Equal(CpaasClaim.AlreadyHandled, await store.TryClaimAsync("id-249", Lease, default)); // the newest are kept
        Assert.Equal(CpaasClaim.AlreadyHandled, await store.TryClaimAsync("id-150", Lease, default));
        Assert.Equal(CpaasClaim.Claimed, await store.TryClaimAsync("id-0", Lease, default)); // the oldest went first
    }

    [Fact]
    public async Task ExpiredIdsGoBeforeAnyLiveOneIsEvicted()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new InMemoryCpaasDuplicateStore(new InMemoryDuplicateStoreOptions { MaxEntries = 10 }, time);
        for (var i = 0; i < 10; i++)
        {
            await store.TryClaimAsync("old-" + i, TimeSpan.FromSeconds(1), default); // claims that expire
        }

        time.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 10; i++)
        {
            await store.TryClaimAsync("new-" + i, Lease, default);
        }

        Assert.Equal(10, store.Count);
        Assert.Equal(0, store.Evictions);
    }

    [Fact]
    public async Task RepeatedReleasesDoNotGrowTheStore()
    {
        var store = new InMemoryCpaasDuplicateStore(new InMemoryDuplicateStoreOptions { MaxEntries = 10 });
        for (var i = 0; i < 50_000; i++)
        {
            await store.TryClaimAsync("failing", Lease, default);
            await store.ReleaseAsync("failing", default);
        }

        Assert.Equal(0, store.Count);
        Assert.Equal(0, store.Evictions);
    }

    [Fact]
    public async Task TheEvictionCounterIsAMetricOfTheApp()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()).UseInMemoryDuplicateStore(o => o.MaxEntries = 2),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnEvent(_ => Interlocked.Increment(ref calls))));
        using var evictions = new MeterWatch(app, "cpaas.webhook.duplicate_store.evictions");

        for (var i = 0; i < 5; i++)
        {
            using var response = await app.PostAsync(Fixture.Read("notification-event.json").Replace("8c30d6c7", "0000000" + i, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(5, calls);
        Assert.Equal(3, evictions.Total);
        Assert.Equal(3, ((InMemoryCpaasDuplicateStore)app.App.Services.GetRequiredService<ICpaasDuplicateStore>()).Evictions);
    }

    /// <summary>
    /// The attack of issue 13 (4,000 requests with ids as long as the body allows took the heap from 0.7 MB to 460 MB),
    /// then 4,000 distinct ids of the longest accepted length. The store keeps only what it may, the heap stays flat.
    /// </summary>
    [Fact]
    public async Task MemoryStaysFlatUnder4000RequestsWithHugeIds()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => Interlocked.Increment(ref calls))),
            logging: l => l.ClearProviders()); // the test's log capture would keep every entry: measure the app, not the capture
        var store = (InMemoryCpaasDuplicateStore)app.App.Services.GetRequiredService<ICpaasDuplicateStore>();
        var maxId = new CpaasWebhookOptions().MaxNotificationIdLength;
        var template = Fixture.Read("notification-inbound.json");
        var hugeIdLength = new CpaasWebhookOptions().MaxBodyBytes - template.Length - 64; // the body just fits

        // Warm up (JIT, Kestrel's and the client's pools) with the same attack, then measure.
        await AttackAsync(app, 400, i => template.Replace("441fc36e-aab7-45dd-905c-4aaec7a7464d", "w" + i + new string('x', hugeIdLength), StringComparison.Ordinal));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var huge = await AttackAsync(app, 4_000, i => template.Replace("441fc36e-aab7-45dd-905c-4aaec7a7464d", i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + new string('x', hugeIdLength), StringComparison.Ordinal));
        var afterHuge = GC.GetTotalMemory(forceFullCollection: true);
        var storedAfterHuge = store.Count;
        var longest = await AttackAsync(app, 4_000, i => template.Replace("441fc36e-aab7-45dd-905c-4aaec7a7464d", i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + new string('y', maxId - 6), StringComparison.Ordinal));
        var after = GC.GetTotalMemory(forceFullCollection: true);

        output.WriteLine($"ATTACK memory: 4,000 requests with {hugeIdLength:N0}-char ids → {huge}; heap {before / 1e6:F1} MB → {afterHuge / 1e6:F1} MB; store {storedAfterHuge} ids");
        output.WriteLine($"ATTACK memory: 4,000 requests with distinct {maxId}-char ids → {longest}; heap → {after / 1e6:F1} MB; store {store.Count} ids, {store.Evictions} evictions; handler runs {calls}");
        Assert.Equal("400×4000", huge);
        Assert.Equal("200×4000", longest);
        Assert.Equal(4_000, calls);
        Assert.Equal(4_000, store.Count);
        Assert.Equal(0, storedAfterHuge);
        Assert.True(afterHuge - before < 16_000_000, $"the heap grew by {(afterHuge - before) / 1e6:F1} MB under rejected ids");
        Assert.True(after - before < 16_000_000, $"the heap grew by {(after - before) / 1e6:F1} MB for 4,000 ids of {maxId} characters");
    }

    /// <summary>The worst a flood of valid ids can do: 150,000 distinct ids of the longest length, against the default cap.</summary>
    [Fact]
    public async Task AtTheDefaultCapTheStoreHoldsItsBoundAndEvictsTheRest()
    {
        var maxId = new CpaasWebhookOptions().MaxNotificationIdLength;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var store = new InMemoryCpaasDuplicateStore();
        for (var i = 0; i < 150_000; i++)
        {
            var id = i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + new string('z', maxId - 8);
            await store.TryClaimAsync(id, Lease, default);
            await store.CompleteAsync(id, Window, default);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"ATTACK cap: 150,000 distinct {maxId}-char ids into the default store → {store.Count:N0} kept, {store.Evictions:N0} evicted; heap {before / 1e6:F1} MB → {after / 1e6:F1} MB");
        Assert.Equal(new InMemoryDuplicateStoreOptions().MaxEntries, store.Count);
        Assert.Equal(150_000 - store.Count, store.Evictions);
        Assert.True(after - before < 100_000_000, $"{(after - before) / 1e6:F1} MB at the cap");
        GC.KeepAlive(store);
    }

    private static async Task<string> AttackAsync(WebhookApp app, int requests, Func<int, string> body)
    {
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            using var response = await app.PostAsync(body(i));
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        });
        return string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => s.Key + "×" + s.Value));
    }
}

/// <summary>Tests that read the process's heap run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    public const string Name = "memory";
}
