using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Records every <see cref="TaskScheduler.UnobservedTaskException"/> raised in this test process from the moment the
/// assembly loads, so a test can check that nothing the SDK started was left faulted and unobserved.
/// </summary>
internal static class UnobservedExceptions
{
    private static readonly ConcurrentQueue<(DateTimeOffset At, string Description)> Seen = new();
    private static int _count;

    public static int Count => System.Threading.Volatile.Read(ref _count);

    public static IReadOnlyList<string> Since(int mark) => Seen.Skip(mark).Select(e => e.Description).ToList();

    /// <summary>Runs finalizers until the queue of garbage tasks is drained, so unobserved exceptions are raised now.</summary>
    public static void Flush()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }
    }

    [ModuleInitializer]
    internal static void Install()
        => TaskScheduler.UnobservedTaskException += (_, e) =>
        {
            Seen.Enqueue((DateTimeOffset.UtcNow, e.Exception.ToString()));
            System.Threading.Interlocked.Increment(ref _count);
            e.SetObserved();
        };
}
