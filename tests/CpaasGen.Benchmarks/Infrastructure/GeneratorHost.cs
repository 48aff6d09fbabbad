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
            new TestOptionsProvider(SdkMetadata),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
