using Xunit;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Tests that observe process-wide state (the SDK's static ActivitySource and Meter, TaskScheduler.UnobservedTaskException)
/// run in this collection: xunit v2 runs it alone, after every parallel collection has finished.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWide
{
    public const string Name = "Process-wide observers (run alone)";
}
