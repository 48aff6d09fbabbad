using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using CpaasGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>
/// The generator's own view of its cost, from the driver's timing (<c>GeneratorDriver.GetTimingInfo</c>), plus the
/// incremental-caching check: after an unrelated C# edit every tracked step must be Cached or Unchanged and the
/// output identical. Reports: the first run in this fresh process (JIT of the generator, YamlDotNet and the driver
/// included: what one compiler process pays when it has no cached driver), the steady-state cold run (fresh driver,
/// fresh compilation, JIT warm; median of --runs) and the incremental run. Options: --runs (default 30), --out (JSON).
/// </summary>
internal static class GeneratorCheckMode
{
    private static readonly IncrementalStepRunReason[] NoWork = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    public static int Run(string[] args)
    {
        var runs = Cli.GetInt(args, "--runs", 30);
        var output = Cli.Get(args, "--out");
        var spec = GeneratorHost.Spec(Payloads.Spec);

        // 1. First run in this process.
        var clock = Stopwatch.StartNew();
        var compilation = GeneratorHost.CreateConsumerCompilation();
        var driver = GeneratorHost.CreateDriver(spec, trackSteps: true).RunGenerators(compilation);
        var firstWall = clock.Elapsed.TotalMilliseconds;
        var firstDriver = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;
        var run = driver.GetRunResult().Results.Single();
        if (run.Exception is not null)
        {
            Console.Error.WriteLine("generator-check: the generator threw: " + run.Exception);
            return 1;
        }

        var files = run.GeneratedSources.Length;
        var generatedChars = run.GeneratedSources.Sum(s => s.SourceText.Length);
        var before = run.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        // 2. Steady-state cold runs, after enough runs for tiered JIT to promote the hot code (then a pause for the
        //    background tier-1 compiles), as BenchmarkDotNet's warm-up does.
        for (var i = 0; i < 60; i++)
        {
            GeneratorHost.CreateDriver(spec, trackSteps: false).RunGenerators(GeneratorHost.CreateConsumerCompilation());
        }

        System.Threading.Thread.Sleep(500);
        var cold = new List<double>();
        var coldWall = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var wall = Stopwatch.StartNew();
            var d = GeneratorHost.CreateDriver(spec, trackSteps: false).RunGenerators(GeneratorHost.CreateConsumerCompilation());
            coldWall.Add(wall.Elapsed.TotalMilliseconds);
            cold.Add(d.GetTimingInfo().ElapsedTime.TotalMilliseconds);
        }

        Console.WriteLine($"  (cold wall clock median {Median(coldWall):0.00} ms)");

        // 3. Unrelated edit on the tracked driver: which steps ran, and was anything re-emitted?
        var edited = GeneratorHost.WithUnrelatedEdit(compilation);
        var rerun = driver.RunGenerators(edited);
        var rerunResult = rerun.GetRunResult().Results.Single();
        var steps = rerunResult.TrackedSteps
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new StepReasons(
                p.Key,
                p.Value.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).ToDictionary(g => g.Key.ToString(), g => g.Count())))
            .ToList();
        var outputs = rerunResult.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).ToList();
        // "Compilation" is Roslyn's own input node (the edited compilation itself), Modified by any C# edit by definition;
        // every step of the generator must be Cached/Unchanged.
        var allCached = rerunResult.TrackedSteps.Where(p => p.Key != "Compilation").SelectMany(p => p.Value).SelectMany(s => s.Outputs).All(o => NoWork.Contains(o.Reason))
            && outputs.All(o => NoWork.Contains(o.Reason));
        var identical = rerunResult.GeneratedSources.Length == before.Count
            && rerunResult.GeneratedSources.All(s => before.TryGetValue(s.HintName, out var text) && text == s.SourceText.ToString());

        var incremental = new List<double>();
        var untracked = GeneratorHost.CreateDriver(spec, trackSteps: false).RunGenerators(compilation);
        for (var i = 0; i < 60; i++)
        {
            untracked.RunGenerators(GeneratorHost.WithUnrelatedEdit(compilation, i));
        }

        for (var i = 0; i < runs; i++)
        {
            incremental.Add(untracked.RunGenerators(GeneratorHost.WithUnrelatedEdit(compilation, i)).GetTimingInfo().ElapsedTime.TotalMilliseconds);
        }

        var result = new GeneratorCheckResult(
            files,
            generatedChars,
            firstWall,
            firstDriver,
            Median(cold),
            cold.Min(),
            Median(incremental),
            allCached,
            identical,
            steps,
            outputs.GroupBy(o => o.Reason).ToDictionary(g => g.Key.ToString(), g => g.Count()));

        Console.WriteLine($"generator: {files} files, {generatedChars:N0} chars generated from the spec");
        Console.WriteLine($"  first run in a fresh process: {firstWall:0.0} ms wall ({firstDriver:0.0} ms driver timing)");
        Console.WriteLine($"  cold, fresh driver (steady state, median of {runs}): {result.ColdMedianMs:0.00} ms (min {result.ColdMinMs:0.00} ms)");
        Console.WriteLine($"  after an unrelated edit (median of {runs}): {result.IncrementalMedianMs:0.000} ms; every step cached/unchanged: {allCached}; output identical: {identical}");
        foreach (var step in steps)
        {
            Console.WriteLine($"    {step.Name,-12} {string.Join(", ", step.Reasons.Select(r => r.Key + " " + r.Value))}");
        }

        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllText(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        }

        return allCached && identical ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

public sealed record StepReasons(string Name, Dictionary<string, int> Reasons);

public sealed record GeneratorCheckResult(
    int GeneratedFiles,
    int GeneratedChars,
    double FirstRunWallMs,
    double FirstRunDriverMs,
    double ColdMedianMs,
    double ColdMinMs,
    double IncrementalMedianMs,
    bool UnrelatedEditAllCached,
    bool UnrelatedEditOutputIdentical,
    List<StepReasons> UnrelatedEditSteps,
    Dictionary<string, int> UnrelatedEditOutputs);
