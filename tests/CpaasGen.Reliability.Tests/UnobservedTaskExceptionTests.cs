using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Cancelled and timed-out calls must leave no faulted task behind that nobody observes (it would surface later as
/// TaskScheduler.UnobservedTaskException, which hosts log as errors or, with ThrowUnobservedTaskExceptions, crash on).
/// Runs alone (process-wide event); the last test checks the whole run, every parallel test class included.
/// </summary>
[Collection(ProcessWide.Name)]
[TestCaseOrderer(ByOrderAttribute.TypeName, ByOrderAttribute.AssemblyName)]
public sealed class UnobservedTaskExceptionTests : IClassFixture<KandyStub>
{
    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public UnobservedTaskExceptionTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    [Fact]
    [Order(1)]
    public async Task CallsCancelledMidRequestLeaveNoUnobservedTaskException()
    {
        UnobservedExceptions.Flush();
        var mark = UnobservedExceptions.Count;
        _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, KandyStub.Json(200, Fixture.Read("subscription-list.json")).WithDelay(TimeSpan.FromMilliseconds(600)));
        _kandy.Stub("POST", KandyStub.SendPath, KandyStub.Json(201, Fixture.Read("send-response.json")).WithDelay(TimeSpan.FromMilliseconds(600)));
        using var client = _kandy.Client();
        await client.GetUserIdAsync();

        var calls = Enumerable.Range(0, 60).Select(async i =>
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20 + (i % 10) * 25));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Calls.Run(client, i % 2 == 0 ? Op.Get : Op.Send, cancellation.Token));
        });
        await Task.WhenAll(calls);

        await Task.Delay(800); // the server's delayed answers arrive (to connections already torn down)
        UnobservedExceptions.Flush();
        var leaked = UnobservedExceptions.Since(mark);
        _output.WriteLine($"60 calls cancelled mid-request: {leaked.Count} unobserved task exception(s)");
        Assert.True(leaked.Count == 0, "Unobserved task exceptions:\n" + string.Join("\n---\n", leaked.Take(3)));
    }

    [Fact]
    [Order(2)]
    public async Task CallsTimingOutLeaveNoUnobservedTaskException()
    {
        UnobservedExceptions.Flush();
        var mark = UnobservedExceptions.Count;
        _kandy.StubToken();
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, KandyStub.Json(200, Fixture.Read("subscription-list.json")).WithDelay(TimeSpan.FromMilliseconds(900)));
        using var client = _kandy.Client(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        await client.GetUserIdAsync();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync())));

        await Task.Delay(800);
        UnobservedExceptions.Flush();
        var leaked = UnobservedExceptions.Since(mark);
        _output.WriteLine($"30 calls timing out: {leaked.Count} unobserved task exception(s)");
        Assert.True(leaked.Count == 0, "Unobserved task exceptions:\n" + string.Join("\n---\n", leaked.Take(3)));
    }

    [Fact]
    [Order(3)]
    public async Task CallersCancelledWhileTheSharedTokenRequestSucceedsLeaveNothingBehind()
    {
        UnobservedExceptions.Flush();
        var mark = UnobservedExceptions.Count;
        _kandy.StubToken(delay: TimeSpan.FromMilliseconds(400));
        _kandy.Stub("GET", KandyStub.SubscriptionsPath, 200, Fixture.Read("subscription-list.json"));

        for (var i = 0; i < 10; i++)
        {
            using var client = _kandy.Client();
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Conversation.GetSubscriptionsAsync(cancellation.Token));
        }

        await Task.Delay(800);
        UnobservedExceptions.Flush();
        var leaked = UnobservedExceptions.Since(mark);
        Assert.True(leaked.Count == 0, "Unobserved task exceptions:\n" + string.Join("\n---\n", leaked.Take(3)));
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): TokenProvider.GetSlowAsync awaits the shared fetch with <c>pending.WaitAsync(cancellationToken)</c>.
    /// When every waiting caller has cancelled and the token request then fails, FetchAsync calls
    /// <c>owner.SetException(ex)</c> on a task nobody awaits any more (WaitAsync removed its continuation on
    /// cancellation), so each such failure surfaces later as TaskScheduler.UnobservedTaskException.
    /// </summary>
    [Fact]
    [Order(4)]
    public async Task CallersCancelledWhileTheSharedTokenRequestFailsLeaveNoUnobservedTaskException()
    {
        UnobservedExceptions.Flush();
        var mark = UnobservedExceptions.Count;
        _kandy.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(KandyStub.TokenPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithDelay(TimeSpan.FromMilliseconds(300)));

        for (var i = 0; i < 10; i++)
        {
            using var client = _kandy.Client(o => o.Retry.MaxRetries = 0);
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Conversation.GetSubscriptionsAsync(cancellation.Token));
        }

        await Task.Delay(800); // every token request has failed by now
        UnobservedExceptions.Flush();
        var leaked = UnobservedExceptions.Since(mark);
        _output.WriteLine($"10 callers cancelled while the token request was failing: {leaked.Count} unobserved task exception(s)");
        Assert.True(leaked.Count == 0, $"{leaked.Count} unobserved task exception(s), the first:\n" + leaked.FirstOrDefault());
    }

    /// <summary>
    /// Runs first in this class: every parallel test class of the assembly (retries, timeouts, faults, tokens, fuzz…)
    /// has finished before this collection starts, so this sees everything they left behind.
    /// </summary>
    [Fact]
    [Order(0)]
    public void NoUnobservedTaskExceptionFromAnyParallelTest()
    {
        UnobservedExceptions.Flush();
        var all = UnobservedExceptions.Since(0);
        _output.WriteLine($"unobserved task exceptions left by the parallel test classes: {all.Count}");
        foreach (var group in all.GroupBy(FirstLine))
        {
            _output.WriteLine($"  {group.Count()} × {group.Key}");
        }

        Assert.True(all.Count == 0, $"{all.Count} unobserved task exception(s) in this run; the first:\n{all.FirstOrDefault()}");
    }

    private static string FirstLine(string text)
    {
        var lines = text.Split('\n');
        return string.Join(" | ", lines.Where(l => l.Contains("Exception", StringComparison.Ordinal) && !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(3)).Trim();
    }
}
