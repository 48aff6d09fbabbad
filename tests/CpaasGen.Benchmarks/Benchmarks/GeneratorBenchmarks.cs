using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CpaasGen.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CpaasGen.Benchmarks.Benchmarks;

/// <summary>
/// The generator on our spec (spec/openapi.yaml): Cold = a fresh GeneratorDriver on a fresh compilation (parse the
/// YAML, build the model, emit every file); IncrementalUnrelatedEdit = an already-run driver run again after one
/// unrelated C# file was added (the pipeline should find every step cached). Steady state, JIT warm: the
/// generator-check mode also reports the first run in a fresh process.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private AdditionalText _spec = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _spec = GeneratorHost.Spec(Payloads.Spec);
        var compilation = GeneratorHost.CreateConsumerCompilation();
        _warmDriver = GeneratorHost.CreateDriver(_spec, trackSteps: false).RunGenerators(compilation);
        var result = _warmDriver.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length < 10)
        {
            throw new InvalidOperationException("The generator did not run on the spec: " + result.Exception);
        }

        _edited = GeneratorHost.WithUnrelatedEdit(compilation);
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver Cold()
        => GeneratorHost.CreateDriver(_spec, trackSteps: false).RunGenerators(GeneratorHost.CreateConsumerCompilation());

    [Benchmark]
    public GeneratorDriver IncrementalUnrelatedEdit() => _warmDriver.RunGenerators(_edited);
}
