using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using CpaasGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Benchmarks.Infrastructure;

/// <summary>
/// Runs the CpaasGen generator in-process with <see cref="CSharpGeneratorDriver"/>, as the compiler does in a build
/// and as tests/CpaasGen.Generator.Tests/GeneratorHarness.cs does: our spec as an AdditionalText with the SDK's item
/// metadata (CpaasGenSpec=true, CpaasGenAccessibility=internal), a one-file consumer compilation.
/// </summary>
internal static class GeneratorHost
{
    public const string SpecPath = "/repo/spec/openapi.yaml";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = trusted.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Kiota.Abstractions.RequestInformation).Assembly.Location));
        return refs.ToImmutableArray();
    });

    private static readonly Dictionary<string, string> SdkMetadata = new()
    {
        ["CpaasGenSpec"] = "true",
        ["CpaasGenAccessibility"] = "internal",
    };

    public static AdditionalText Spec(string text) => new InMemoryAdditionalText(SpecPath, text);

    public static CSharpCompilation CreateConsumerCompilation()
        => CSharpCompilation.Create(
            "BenchmarkConsumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }", ParseOptions) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The "unrelated edit": one more C# file, as when a developer edits code that has nothing to do with the spec.</summary>
    public static CSharpCompilation WithUnrelatedEdit(CSharpCompilation compilation, int n = 0)
        => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal struct Unrelated" + n + " { public int Value; } }", ParseOptions));

    public static GeneratorDriver CreateDriver(AdditionalText spec, bool trackSteps)
        => CSharpGeneratorDriver.Create(
            new[] { new CpaasGenGenerator().AsSourceGenerator() },
            new[] { spec },
            ParseOptions,
            new MetadataOptionsProvider(SdkMetadata),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, System.Text.Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class MetadataOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _file;

        public MetadataOptionsProvider(IReadOnlyDictionary<string, string> metadata)
            => _file = new Options(metadata.ToDictionary(p => "build_metadata.AdditionalFiles." + p.Key, p => p.Value));

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _file;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
