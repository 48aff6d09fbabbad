using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using CpaasGen.Benchmarks.Modes;

namespace CpaasGen.Benchmarks;

/// <summary>Entry point: BenchmarkDotNet by default; --throughput, --generator-check, --breakdown, --interleaved, --emulator-load, --fanout and --report otherwise.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var mode = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "--throughput":
                return await ThroughputMode.RunAsync(rest).ConfigureAwait(false);
            case "--generator-check":
                return GeneratorCheckMode.Run(rest);
            case "--breakdown":
                return await BreakdownMode.RunAsync(rest).ConfigureAwait(false);
            case "--interleaved":
                return await InterleavedMode.RunAsync(rest).ConfigureAwait(false);
            case "--emulator-load":
                return await EmulatorLoadMode.RunAsync(rest).ConfigureAwait(false);
            case "--emulator-serve":
                return await EmulatorLoadMode.ServeAsync().ConfigureAwait(false);
            case "--fanout":
                return await FanOutMode.RunAsync(rest).ConfigureAwait(false);
            case "--fanout-serve":
                return await FanOutMode.ServeAsync().ConfigureAwait(false);
            case "--report":
                return ReportMode.Run(rest);
            default:
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create()).ToList();
                if (args.Any(a => a is "--help" or "-h" or "--list" or "--version" or "--info"))
                {
                    return 0;
                }

                var failed = summaries.Count == 0
                    || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
                if (failed)
                {
                    Console.Error.WriteLine("benchmarks: FAILED (no benchmark ran, a validation error, or a benchmark that did not complete)");
                    return 1;
                }

                return 0;
        }
    }
}
