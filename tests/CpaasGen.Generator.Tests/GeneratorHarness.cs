using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Generator.Tests;

/// <summary>Runs the generator in-process with CSharpGeneratorDriver, the way the compiler does in a build.</summary>
internal static class GeneratorHarness
{
    /// <summary>The path every inline spec is given; diagnostics must point at it.</summary>
    public const string DefaultSpecPath = "/specs/openapi.yaml";

    /// <summary>The fixture specs that get snapshots, compile and determinism tests.</summary>
    public static readonly string[] FixtureSpecs = { "kandy", "library", "composition" };

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        // As the SDK compiles: Kiota's abstractions only. The HTTP library and serializers the runtime tests use are
        // added by KiotaRuntimeReferences (they make the root client offer CreateRequestAdapter).
        var refs = trusted
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.Kiota.Http.", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Microsoft.Kiota.Serialization.", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Abstractions.RequestInformation).Assembly.Location));
        return refs.ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static string SpecPath(params string[] parts) => Path.Combine(new[] { AppContext.BaseDirectory, "Specs" }.Concat(parts).ToArray());

    public static string ReadSpec(params string[] parts) => File.ReadAllText(SpecPath(parts));

    /// <summary>The text of a fixture spec by its short name ("kandy", "library").</summary>
    public static string ReadFixture(string spec) => ReadSpec(spec, "openapi.yaml");

    /// <summary>The TPA set plus Kiota's HTTP library and JSON serializer (what a project using <c>CreateRequestAdapter</c> references).</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> KiotaRuntimeReferences = new(() => References.Value.AddRange(new[]
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory).Assembly.Location),
    }));

    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(References.Value, sources);

    public static CSharpCompilation CreateCompilation(ImmutableArray<MetadataReference> references, params string[] sources)
        => CSharpCompilation.Create(
            "GeneratorTestAssembly",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Default,
                // The tests already run one compilation per core (xunit, the corpus runner): Roslyn's own parallel
                // binding on top only contended for the two cores (corpus tests 1m46s -> 1m19s, CPU 3m09s -> 2m20s).
                concurrentBuild: false));

    /// <summary>The compilation every run starts from: one tiny consumer file, nothing generated yet.</summary>
    public static CSharpCompilation CreateConsumerCompilation()
        => CreateCompilation("namespace Consumer { internal static class Anchor { } }");

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, IReadOnlyDictionary<string, string>? metadata = null)
        => CSharpGeneratorDriver.Create(
            new[] { new CpaasGenGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new TestOptionsProvider(metadata ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorResult Run(string specText, string path = DefaultSpecPath, IReadOnlyDictionary<string, string>? metadata = null, CSharpCompilation? compilation = null, params AdditionalText[] extraFiles)
    {
        var driver = CreateDriver(new AdditionalText[] { new InMemoryAdditionalText(path, specText) }.Concat(extraFiles), metadata);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation ?? CreateConsumerCompilation(), out var output, out var generatorDiagnostics);
        return new GeneratorResult(driver.GetRunResult(), generatorDiagnostics, output);
    }

    /// <summary>One line per diagnostic, for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics, int max = 30)
    {
        var list = diagnostics.ToList();
        var lines = list.Take(max).Select(d => "  " + d).ToList();
        if (list.Count > max)
        {
            lines.Add("  … and " + (list.Count - max) + " more");
        }

        return lines.Count == 0 ? "  (none)" : string.Join(Environment.NewLine, lines);
    }
}

/// <summary>What one generator run produced: the run result, the generator's own diagnostics and the updated compilation.</summary>
internal sealed class GeneratorResult
{
    private readonly Lazy<IReadOnlyList<Diagnostic>> _compileDiagnostics;

    public GeneratorResult(GeneratorDriverRunResult runResult, ImmutableArray<Diagnostic> generatorDiagnostics, Compilation output)
    {
        RunResult = runResult;
        GeneratorDiagnostics = generatorDiagnostics;
        Output = output;
        _compileDiagnostics = new Lazy<IReadOnlyList<Diagnostic>>(
            () => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList());
    }

    public GeneratorDriverRunResult RunResult { get; }

    /// <summary>Diagnostics the generator reported (CPGEN…), plus CS8785 if it threw.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public Compilation Output { get; }

    /// <summary>The exception the generator threw, if any (the compiler turns it into warning CS8785).</summary>
    public Exception? Exception => RunResult.Results.Single().Exception;

    public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

    public bool HasSource(string hintName) => Sources.Any(s => s.HintName == hintName);

    public string Source(string hintNameSuffix) => Sources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Every diagnostic of compiling the generated code (errors and warnings, XML-doc warnings included). Computed once.</summary>
    public IReadOnlyList<Diagnostic> CompileDiagnostics => _compileDiagnostics.Value;

    public bool HasGeneratorErrors => GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
