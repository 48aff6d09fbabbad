using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CpaasGen.Benchmarks.Contenders;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>
/// Time ratios that survive a shared, busy machine: rounds of N in-memory calls per contender, the contenders
/// interleaved in a rotating order within each round, each round's time divided by the floor's time of the same round;
/// the median of the per-round ratios (and its interquartile range) is the result. A burst of load from another process
/// hits neighbouring blocks alike, so it cancels in the ratio, where BenchmarkDotNet's separate runs per contender see
/// it as a difference. Every call completes synchronously in memory (checked).
/// Options: --rounds (default 60), --calls (per contender per round, default 2000), --out (JSON).
/// </summary>
internal static class InterleavedMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Cli.GetInt(args, "--rounds", 60);
        var calls = Cli.GetInt(args, "--calls", 2000);
        var output = Cli.Get(args, "--out");
        using var set = ContenderSet.InMemory();
        await set.WarmUpAsync().ConfigureAwait(false);
        var operations = new (string Operation, Contender Contender, Func<Task> Call)[]
        {
            ("Send", Contender.Floor, () => set.FloorSendAsync()),
            ("Send", Contender.Facade, () => set.FacadeSendAsync()),
            ("Send", Contender.Generated, () => set.GeneratedSendAsync()),
            ("Send", Contender.NSwag, () => set.NSwagSendAsync()),
            ("ListSubscriptions", Contender.Floor, () => set.FloorListSubscriptionsAsync()),
            ("ListSubscriptions", Contender.Facade, () => set.FacadeListSubscriptionsAsync()),
            ("ListSubscriptions", Contender.Generated, () => set.GeneratedListSubscriptionsAsync()),
            ("ListSubscriptions", Contender.NSwag, () => set.NSwagListSubscriptionsAsync()),
        };

        // Tiered JIT: everything at tier 1 before measuring.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var op in operations)
            {
                Run(op.Call, 200);
            }
        }

        Thread.Sleep(200);
        var ratios = operations.ToDictionary(o => (o.Operation, o.Contender), _ => new List<double>());
        var nanoseconds = operations.ToDictionary(o => (o.Operation, o.Contender), _ => new List<double>());
        var synchronous = true;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var group in operations.GroupBy(o => o.Operation))
            {
                var members = group.ToList();
                var times = new Dictionary<Contender, double>();
                for (var k = 0; k < members.Count; k++)
                {
                    var op = members[(k + round) % members.Count]; // rotate the order every round
                    var (elapsed, sync) = Run(op.Call, calls);
                    synchronous &= sync;
                    times[op.Contender] = elapsed;
                }

                foreach (var op in members)
                {
                    ratios[(op.Operation, op.Contender)].Add(times[op.Contender] / times[Contender.Floor]);
                    nanoseconds[(op.Operation, op.Contender)].Add(times[op.Contender] / calls);
                }
            }
        }

        var results = operations.Select(o =>
        {
            var r = ratios[(o.Operation, o.Contender)].OrderBy(x => x).ToList();
            var ns = nanoseconds[(o.Operation, o.Contender)].OrderBy(x => x).ToList();
            return new InterleavedResult(o.Operation, o.Contender.ToString(), Quantile(r, 0.5), Quantile(r, 0.25), Quantile(r, 0.75), Quantile(ns, 0.5), rounds, calls);
        }).ToList();

        Console.WriteLine($"{"operation",-18} {"contender",-10} {"median ns",10} {"ratio median",13} {"IQR",15}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Operation,-18} {r.Contender,-10} {r.MedianNs,10:0} {r.RatioMedian,13:0.000} {r.RatioQ1,7:0.000}–{r.RatioQ3,-7:0.000}");
        }

        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
        }

        if (!synchronous)
        {
            Console.Error.WriteLine("interleaved: a call did not complete synchronously; the in-memory measurement is not what it claims");
            return 1;
        }

        return 0;
    }

    private static (double ElapsedNs, bool Synchronous) Run(Func<Task> call, int count)
    {
        var synchronous = true;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var task = call();
            synchronous &= task.IsCompleted;
            task.GetAwaiter().GetResult();
        }

        return (clock.Elapsed.TotalMilliseconds * 1e6, synchronous);
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}

/// <summary>One contender's interleaved result: the median and quartiles of its per-round time ratio to the floor.</summary>
public sealed record InterleavedResult(string Operation, string Contender, double RatioMedian, double RatioQ1, double RatioQ3, double MedianNs, int Rounds, int Calls);
