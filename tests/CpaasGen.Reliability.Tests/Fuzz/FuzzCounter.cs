using System.Collections.Concurrent;
using System.Linq;
using System.Threading;

namespace Cpaas.Reliability.Tests;

/// <summary>Counts fuzz cases per family and outcome (the numbers docs/reliability.md reports).</summary>
internal sealed class FuzzCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public void Add(string outcome)
    {
        Interlocked.Increment(ref _total);
        _counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);
    }

    public string Summary() => string.Join(", ", _counts.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + " " + p.Value));
}
