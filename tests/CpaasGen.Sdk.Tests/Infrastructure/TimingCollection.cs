using Xunit;

namespace Cpaas.Tests;

/// <summary>
/// Tests that check a deadline (timeouts, slow responses) run alone, after the parallel classes: with every other
/// class running at once on two cores, thread-pool and timer delays of a few hundred milliseconds are normal and would
/// measure the machine, not the SDK. Their assertions stay as strict as written.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing-sensitive (not parallel)";
}
