using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>The report's build-timing tables (compiler server on and off) and the interleaved time ratios.</summary>
internal static partial class ReportMode
{
    private static void AppendBuilds(StringBuilder md, HyperfineExport? builds, HyperfineExport? serverBuilds, string? buildsNote)
    {
        if ((builds is not null && builds.Results.Count > 0) || (serverBuilds is not null && serverBuilds.Results.Count > 0))
        {
            md.AppendLine("### From a spec edit to a compiled client");
            md.AppendLine();
            md.AppendLine("Wall time of one edit-and-build on a copy of the repository (already built once, so restore is done): before each run");
            md.AppendLine("a schema description in the spec is changed to a new text, then the project is built (Debug, as in an editor's inner");
            md.AppendLine("loop). Our generator runs inside the compiler; NSwag runs as an MSBuild target before it; Kiota runs its CLI (the");
            md.AppendLine($"reference project's build target) before it. Measured with {(builds ?? serverBuilds)!.Tool ?? "hyperfine"}, both tables in the same run.");
            md.AppendLine();
            if (serverBuilds is not null && serverBuilds.Results.Count > 0)
            {
                md.AppendLine("**Compiler server on** (as users build: `UseSharedCompilation=true`, MSBuild node reuse on; the server is warm after the warm-up run):");
                md.AppendLine();
                AppendBuildTable(md, serverBuilds);
            }

            if (builds is not null && builds.Results.Count > 0)
            {
                md.AppendLine("**Compiler server off** (`UseSharedCompilation=false`, `MSBUILDDISABLENODEREUSE=1`: every compile starts a fresh csc, which loads and JITs the analyzers and the generator):");
                md.AppendLine();
                AppendBuildTable(md, builds);
            }

            md.AppendLine("Each build is a whole `dotnet build` of one project (MSBuild start-up, restore check, up-to-date checks, compile); the");
            md.AppendLine("SDK's compile also compiles the hand-written SDK (and XML docs) on top of the generated files; the generator-only");
            md.AppendLine("project (created by build/bench.sh in the copy, never committed) and the reference projects compile only their generated");
            md.AppendLine("client.");
            if (buildsNote is not null)
            {
                md.AppendLine();
                md.AppendLine(buildsNote);
            }

            md.AppendLine();
        }
    }

    private static void AppendBuildTable(StringBuilder md, HyperfineExport builds)
    {
        var ours = builds.Results.FirstOrDefault(r => r.Command.Contains("CpaasGen.Sdk", StringComparison.Ordinal));
        md.AppendLine("| client | command | mean | min | max | runs | vs CpaasGen |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in builds.Results)
        {
            md.AppendLine($"| {r.Name ?? r.Command} | `{r.Command}` | {r.Mean:0.00} s | {r.Min:0.00} s | {r.Max:0.00} s | {r.Times?.Count ?? 0} | ×{(ours is null ? 0 : r.Mean / ours.Mean):0.00} |");
        }

        md.AppendLine();
    }

    private static HyperfineExport? LoadBuilds(string[] args, string option)
    {
        var builds = Load<HyperfineExport>(Cli.Get(args, option));
        if (builds is null)
        {
            return null;
        }

        builds.Tool = Cli.Get(args, "--builds-tool") ?? builds.Tool;
        var buildsRoot = Cli.Get(args, "--builds-root");
        foreach (var r in builds.Results)
        {
            r.Command = buildsRoot is null ? r.Command : r.Command.Replace(buildsRoot.TrimEnd('/') + "/", string.Empty, StringComparison.Ordinal);
            r.Name ??= r.Command.Contains("CpaasGen.Sdk", StringComparison.Ordinal) ? "**CpaasGen SDK** (Roslyn generator inside the compiler + the hand-written SDK)"
                : r.Command.Contains("GeneratorOnly", StringComparison.Ordinal) ? "**CpaasGen generator only** (a project compiling just the generated client, like the two references)"
                : r.Command.Contains("Reference.NSwag", StringComparison.Ordinal) ? "NSwag 14.7.1 (NSwag.MSBuild target, then compile)"
                : r.Command.Contains("Reference.Kiota", StringComparison.Ordinal) ? "Kiota CLI 1.38.0 (`kiota generate` in the build, then compile)"
                : r.Command;
        }

        return builds;
    }

    private static void AppendInterleaved(StringBuilder md, List<InterleavedResult>? results)
    {
        if (results is null || results.Count == 0)
        {
            return;
        }

        md.AppendLine("## Time ratios, interleaved");
        md.AppendLine();
        md.AppendLine($"`--interleaved` mode: {results[0].Rounds} rounds; in each, {results[0].Calls:N0} in-memory calls per contender, the contenders in a rotating");
        md.AppendLine("order, each block's time divided by the floor's block of the same round. Load from other processes on the shared");
        md.AppendLine("machine hits neighbouring blocks alike and cancels in the ratio; the median and the interquartile range of the per-round");
        md.AppendLine("ratios are shown. (BenchmarkDotNet's table above runs each contender separately, so a busy neighbour shows up there.)");
        md.AppendLine();
        md.AppendLine("| operation | contender | median ns / call | time vs floor (median) | interquartile |");
        md.AppendLine("|---|---|---:|---:|---|");
        foreach (var r in results)
        {
            md.AppendLine($"| {r.Operation} | {r.Contender} | {r.MedianNs:N0} | ×{r.RatioMedian:0.00} | ×{r.RatioQ1:0.00}–×{r.RatioQ3:0.00} |");
        }

        md.AppendLine();
    }
}

public sealed class HyperfineExport
{
    public string? Tool { get; set; }

    public List<HyperfineResult> Results { get; set; } = new();
}

public sealed class HyperfineResult
{
    public string Command { get; set; } = string.Empty;

    public string? Name { get; set; }

    public double Mean { get; set; }

    public double Min { get; set; }

    public double Max { get; set; }

    public List<double>? Times { get; set; }
}
