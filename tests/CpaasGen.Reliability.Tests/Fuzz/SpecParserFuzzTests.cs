using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using CpaasGen.Generator;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// The generator's spec parser on hostile specs (property-based, CsCheck): random mutations of the library spec
/// (tests/CpaasGen.Generator.Tests/Specs/library/openapi.yaml) run through CSharpGeneratorDriver as the compiler runs
/// it. Whatever the text, the generator must not throw, must report only CPGEN diagnostics, and none of them may be
/// its own catch-all ("the generator failed unexpectedly"), which hides an exception.
/// </summary>
public sealed class SpecParserFuzzTests
{
    private const string InternalFailureMarker = "the generator failed unexpectedly";

    private static readonly string Library = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "library", "openapi.yaml")).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static readonly string[] Lines = Library.Split('\n');

    private static readonly string[] Hazards =
    {
        "[]", "{}", "~", "null", "''", "'unterminated", "\"\\u12", "*undefinedAlias", "&a x", "!!binary AAAA", "!!int x", "|", ">-", "? complex",
        "- item", "123abc", "1e999", "-0", "true", "{a: [b, {c: d}]}", "<<: *x", "%YAML 1.2", "---", "...", "\t", "@", "`", "'#/components/schemas/Nope'",
        "'#/paths'", "'#'", "''#/components/schemas/Book/properties/title''", "'http://example.org/x.yaml#/a'", "'#/components/schemas/Book~1x'",
        "{ $ref: '#/components/schemas/Book' }", "{ $ref: '#/components/schemas' }", "{ $ref: 5 }", "[{ $ref: '#/x' }]", "\u0000", "\u2028", "\uFEFF",
        "999999999999999999999999", "{ type: [string, integer] }", "{ type: array }", "{ type: object, additionalProperties: { $ref: '#' } }",
        "{ enum: [] }", "{ enum: [1, a, null, [x]] }", "{ allOf: [] }", "{ oneOf: [{}, {}] }", "class", "@class", "System.String", "\"a\\\"b\"",
    };

    private static readonly Lazy<CSharpCompilation> Consumer = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        return CSharpCompilation.Create(
            "SpecFuzzConsumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    });

    private readonly ITestOutputHelper _output;

    public SpecParserFuzzTests(ITestOutputHelper output) => _output = output;

    /// <summary>Runs the generator on one spec text; returns its diagnostics (throws if it crashed).</summary>
    private static ImmutableArray<Diagnostic> Generate(string specText)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new CpaasGenGenerator().AsSourceGenerator() },
            new AdditionalText[] { new InMemoryAdditionalText("/specs/openapi.yaml", specText) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new TestOptionsProvider());
        driver = driver.RunGeneratorsAndUpdateCompilation(Consumer.Value, out _, out var diagnostics);
        var exception = driver.GetRunResult().Results.Single().Exception;
        if (exception is not null)
        {
            throw new Xunit.Sdk.XunitException("The generator threw " + exception);
        }

        return diagnostics;
    }

    private static void AssertOnlyCpgen(ImmutableArray<Diagnostic> diagnostics, string specText)
    {
        var foreign = diagnostics.Where(d => !d.Id.StartsWith("CPGEN", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "non-CPGEN diagnostics: " + string.Join("; ", foreign) + "\n--- spec ---\n" + Excerpt(specText));
        var hidden = diagnostics.Where(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(InternalFailureMarker, StringComparison.Ordinal)).ToList();
        Assert.True(hidden.Count == 0, "the parser threw and its catch-all reported it: " + string.Join("; ", hidden) + "\n--- spec ---\n" + Excerpt(specText));
    }

    private static string Excerpt(string spec) => spec.Length <= 4000 ? spec : spec[..4000] + "…";

    /// <summary>One to four line- or character-level edits of the library spec.</summary>
    private static readonly Gen<string> Mutation =
        Gen.Select(Gen.Int[0, 9], Gen.Int[0, 100_000], Gen.Int[0, 100_000], Gen.Int[0, Hazards.Length - 1]).Array[1, 4].Select(edits =>
        {
            var lines = Lines.ToList();
            foreach (var (kind, a, b, hazard) in edits)
            {
                var i = a % lines.Count;
                var j = b % lines.Count;
                switch (kind)
                {
                    case 0: // delete a line
                        lines.RemoveAt(i);
                        break;
                    case 1: // duplicate a line (duplicate keys)
                        lines.Insert(i, lines[i]);
                        break;
                    case 2: // swap two lines
                        (lines[i], lines[j]) = (lines[j], lines[i]);
                        break;
                    case 3: // re-indent a line
                        lines[i] = b % 3 == 0 ? lines[i].TrimStart() : b % 3 == 1 ? "  " + lines[i] : "\t" + lines[i];
                        break;
                    case 4: // replace the value after the first ':' with a hazard
                        var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                        lines[i] = colon >= 0 ? lines[i][..(colon + 1)] + " " + Hazards[hazard] : lines[i] + Hazards[hazard];
                        break;
                    case 5: // insert a hazard inside a line
                        lines[i] = lines[i].Insert(b % (lines[i].Length + 1), Hazards[hazard]);
                        break;
                    case 6: // copy a block of lines elsewhere (duplicate members, misplaced blocks)
                        var start = Math.Min(i, j);
                        var count = Math.Min(1 + (b % 12), lines.Count - start);
                        lines.InsertRange((a + b) % lines.Count, lines.GetRange(start, count));
                        break;
                    case 7: // truncate the document
                        lines = lines.Take(Math.Max(1, i)).ToList();
                        break;
                    case 8: // retarget a $ref
                        var refs = Enumerable.Range(0, lines.Count).Where(n => lines[n].Contains("$ref", StringComparison.Ordinal)).ToList();
                        if (refs.Count > 0)
                        {
                            var r = refs[b % refs.Count];
                            lines[r] = System.Text.RegularExpressions.Regex.Replace(lines[r], "'#/[^']*'", Hazards[hazard].StartsWith('\'') ? Hazards[hazard] : "'#/components/schemas/" + (hazard % 2 == 0 ? "Nope" : "Book/properties") + "'");
                        }

                        break;
                    default: // rename a key to another spec keyword or a C# keyword
                        var keyColon = lines[i].IndexOf(':', StringComparison.Ordinal);
                        if (keyColon > 0)
                        {
                            var indent = lines[i].Length - lines[i].TrimStart().Length;
                            var names = new[] { "type", "properties", "items", "required", "enum", "$ref", "allOf", "class", "default", "nullable", "format", "paths", "responses", "content", "schema", "in", "name" };
                            lines[i] = new string(' ', indent) + names[b % names.Length] + lines[i][keyColon..];
                        }

                        break;
                }

                if (lines.Count == 0)
                {
                    lines.Add(string.Empty);
                }
            }

            return string.Join("\n", lines);
        });

    [Fact]
    public void TheUnmodifiedLibrarySpecGeneratesWithoutErrors()
    {
        var diagnostics = Generate(Library);
        AssertOnlyCpgen(diagnostics, Library);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void MutatedSpecsGiveOnlyCpgenDiagnosticsNeverAnException()
    {
        var runs = 0;
        var withErrors = 0;
        var stopwatch = Stopwatch.StartNew();
        var ids = new ConcurrentDictionary<string, int>();
        Mutation.Sample(
            spec =>
            {
                var diagnostics = Generate(spec);
                AssertOnlyCpgen(diagnostics, spec);
                Interlocked.Increment(ref runs);
                if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    Interlocked.Increment(ref withErrors);
                }

                foreach (var id in diagnostics.Select(d => d.Id).Distinct())
                {
                    ids.AddOrUpdate(id, 1, (_, n) => n + 1);
                }
            },
            iter: 400);
        _output.WriteLine($"FUZZ spec parser mutations: {runs} generator runs in {stopwatch.ElapsedMilliseconds} ms, {withErrors} with CPGEN errors; diagnostics seen: {string.Join(", ", ids.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "×" + p.Value))}");
        Assert.True(withErrors > 0 && withErrors < runs, "the mutations should produce both broken and still-valid specs");
    }

    [Fact]
    public void YamlBombsAndDeepNestingGiveOnlyCpgenDiagnostics()
    {
        var cases = new List<(string Name, string Spec)>
        {
            ("empty", string.Empty),
            ("only a comment", "# nothing"),
            ("a scalar document", "hello"),
            ("a sequence document", "- a\n- b"),
            ("two documents", Library + "\n---\n" + Library),
            ("a BOM", "\uFEFF" + Library),
            ("JSON instead of YAML", "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"t\",\"version\":\"1\"},\"paths\":{}}"),
            ("undefined alias", Library.Replace("paths:", "x: *nope\npaths:", StringComparison.Ordinal)),
            ("self-referencing schema alias", Library.Replace("components:\n", "components:\n  x-cycle: &cycle { a: [ 1 ] }\n  x-user: *cycle\n", StringComparison.Ordinal)),
            ("billion laughs", "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\nx:\n" + BillionLaughs()),
            ("200-deep flow nesting", "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Deep: " + new string('[', 200) + new string(']', 200)),
            ("200-deep schema nesting", "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Deep: " + string.Concat(Enumerable.Repeat("{ type: object, properties: { a: ", 200)) + "{ type: string }" + new string('}', 400)),
            ("$ref cycle", "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n"),
            ("self $ref", "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/A' }\n"),
            ("1 MB description", Library.Replace("description: Books, loans and members of a small public library.", "description: " + new string('d', 1024 * 1024), StringComparison.Ordinal)),
        };

        foreach (var (name, spec) in cases)
        {
            ImmutableArray<Diagnostic> diagnostics;
            try
            {
                diagnostics = Generate(spec);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException(name + ": " + ex);
            }

            AssertOnlyCpgen(diagnostics, name);
            _output.WriteLine($"{name}: {string.Join(", ", diagnostics.Select(d => d.Id).Distinct())}");
        }

        _output.WriteLine($"FUZZ spec parser hazards: {cases.Count} cases");
    }

    /// <summary>
    /// Regression test (a bug found by the mutation fuzz, since fixed;, seed 2HjcyVNVj2h2, which turned <c>tags: [Books]</c> into
    /// <c>tags: [B\tooks]</c>): two tags or schemas whose C# names differ only in case ("Books" and "BOoks") pass the
    /// parser's collision check (SpecParser.cs, <c>usedNames</c> is case-sensitive) but give source hint names that
    /// Roslyn compares case-insensitively, so <c>AddSource</c> throws ArgumentException ("The hintName
    /// 'LendingLibrary.BooksClient.g.cs' of the added source file must be unique") and the build gets CS8785 instead of
    /// a CPGEN name-collision diagnostic.
    /// </summary>
    [Theory]
    [InlineData("tag", "B ooks")]
    [InlineData("tag", "BOoks")]
    [InlineData("schema", "BOok")]
    public void NamesThatDifferOnlyInCaseGiveACpgenDiagnosticNotAnException(string what, string name)
    {
        var spec = what == "tag"
            ? ReplaceFirst(Library, "tags: [Books]", "tags: [" + name + "]")
            : ReplaceFirst(Library, "  schemas:\n", "  schemas:\n    " + name + ":\n      type: object\n      description: Same name as Book but for case.\n      properties:\n        x: { type: string }\n");

        ImmutableArray<Diagnostic> diagnostics;
        try
        {
            diagnostics = Generate(spec);
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            throw new Xunit.Sdk.XunitException(what + " '" + name + "': " + ex.Message);
        }

        AssertOnlyCpgen(diagnostics, spec);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, "not found: " + old);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    /// <summary>Nine levels of aliases, each ten times the previous: 10^9 nodes if expanded.</summary>
    private static string BillionLaughs()
    {
        var text = "  a: &a [lol]\n";
        for (var level = 1; level < 9; level++)
        {
            var previous = (char)('a' + level - 1);
            var name = (char)('a' + level);
            text += "  " + name + ": &" + name + " [" + string.Join(", ", Enumerable.Repeat("*" + previous, 10)) + "]\n";
        }

        return text;
    }
}
