using CpaasGen.Tests.Shared;
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Fuzz-ish robustness: a few hundred seeded mutations of the library spec (reproducible: same seed, same texts).
/// Whatever the input, the generator must not throw, must report only CPGEN diagnostics, and whatever it emits must
/// either compile cleanly or come with at least one CPGEN error explaining why the spec is broken.
/// </summary>
public class RobustnessTests
{
    private const int Seed = 20240611;
    private const int MutationCount = 300;

    /// <summary>Characters that mean something to YAML, plus a few that mean something to C# or XML docs.</summary>
    private const string Noise = ":{}[],&*#?|-<>=!%@`'\"\\\t\n ~$/abcXYZ019.\u00e9\u2028\u0000";

    private readonly ITestOutputHelper _output;

    public RobustnessTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void MutatedSpecsNeverCrashTheGeneratorAndNeverYieldBrokenCode()
    {
        var original = GeneratorHarness.ReadFixture("library").Replace("\r\n", "\n");
        var random = new Random(Seed);
        var mutations = Enumerable.Range(0, MutationCount).Select(i => Mutate(original, random, i)).ToList();
        var stopwatch = Stopwatch.StartNew();

        // Compiling is the expensive part: identical output sets are compiled once.
        var compiled = new ConcurrentDictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<(int Index, string Message)>();
        var withErrors = 0;
        var compiledRuns = 0;
        Parallel.For(0, mutations.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var (kind, text) = mutations[i];
            try
            {
                var result = GeneratorHarness.Run(text);
                DiagnosticAssert.GeneratorDidNotThrow(result);
                if (result.HasGeneratorErrors)
                {
                    System.Threading.Interlocked.Increment(ref withErrors);
                    return;
                }

                var key = string.Join("\u0001", result.Sources.Select(s => s.HintName + "\u0002" + s.SourceText));
                var diagnostics = compiled.GetOrAdd(key, _ =>
                {
                    System.Threading.Interlocked.Increment(ref compiledRuns);
                    return result.CompileDiagnostics;
                });
                if (diagnostics.Count > 0)
                {
                    throw new Xunit.Sdk.XunitException("No CPGEN error, but the output does not compile:\n" + GeneratorHarness.Describe(diagnostics, 5));
                }
            }
            catch (Exception ex)
            {
                failures.Add((i, $"mutation #{i} ({kind}): {ex.Message}\n--- spec ---\n{Excerpt(text, original)}"));
            }
        });

        _output.WriteLine($"{mutations.Count} mutations in {stopwatch.ElapsedMilliseconds} ms: {withErrors} with CPGEN errors, {compiledRuns} distinct clean outputs compiled.");
        var ordered = failures.OrderBy(f => f.Index).ToList();
        Assert.True(ordered.Count == 0, $"{ordered.Count} of {mutations.Count} mutations failed (seed {Seed}). First ones:\n\n" + string.Join("\n\n", ordered.Take(3).Select(f => f.Message)));

        // The mutations must actually exercise both paths, or the test proves nothing.
        Assert.InRange(withErrors, MutationCount / 10, MutationCount - 1);
        Assert.True(compiledRuns >= 5, "Too few mutations produced clean output: " + compiledRuns);
    }

    /// <summary>Hand-written nasty inputs the random mutations are unlikely to hit. Same invariant as the fuzz test.</summary>
    [Theory]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths: {}\ncomponents:\n  schemas:\n    ? {a: b}\n    : {type: object}\n")]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths: {}\ncomponents:\n  schemas:\n    A: {type: object, properties: {x: {type: string}}}\n    A: {type: object}\n")]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths: {}\nx-a: &a [1, 1, 1, 1, 1, 1, 1, 1]\nx-b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nx-c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nx-d: [*c, *c, *c, *c, *c, *c, *c, *c]\n")]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n    C: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, self: {$ref: '#/components/schemas/C'}}}\n")]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths:\n  /a/{class}:\n    get:\n      operationId: class\n      tags: [class]\n      parameters:\n        - {name: class, in: path, required: true, schema: {type: string}}\n        - {name: body, in: query, schema: {type: string}}\n        - {name: cancellationToken, in: header, schema: {type: string}}\n        - {name: Body, in: header, schema: {type: string}}\n      responses:\n        '204': {description: x}\n")]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths: {}\ncomponents:\n  schemas:\n    class: {type: object, required: [class], properties: {class: {type: string}, T: {type: string}, _additionalData: {type: string}, additionalData: {type: object}}}\n    E: {type: string, enum: ['', '1', 'a b', '@', 'E']}\n")]
    [InlineData("openapi: 3.0.3\ninfo: {title: 'T\"\\\\</summary>', version: 1, description: '*/ <!-- &amp; \u2028 `x'}\nservers: [{url: 'https://x/\"a'}]\npaths: {}\ncomponents:\n  schemas:\n    P: {type: object, description: \"a\\nb\\r\\nc </summary>\", properties: {x: {type: string, example: \"\\\"q\\\" </c>\"}}}\n")]
    [InlineData("openapi: 3.1.0\ninfo: {title: T, version: 1}\npaths: {}\ncomponents:\n  schemas:\n    P: {type: object, properties: {a: {type: [string, 'null']}, b: {type: [integer, string]}, c: true, d: {type: [array, 'null'], items: {type: number, format: float}}}}\n")]
    [InlineData("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Json\", \"version\": \"1\"}, \"paths\": {\"/x\": {\"get\": {\"operationId\": \"x\", \"tags\": [\"X\"], \"responses\": {\"204\": {\"description\": \"ok\"}}}}}}")]
    [InlineData("openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths:\n  /a:\n    $ref: '#/components/pathItems/A'\n  b: {}\n  /c: 42\n  /d:\n    get: [1]\n    post: {operationId: 7, tags: [[x]], responses: {'200': 5, '2XX': {description: x}, '600': {}}}\n")]
    public void HostileSpecsNeverCrashAndNeverYieldBrokenCode(string spec)
    {
        var result = GeneratorHarness.Run(spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        if (!result.HasGeneratorErrors)
        {
            DiagnosticAssert.OutputCompiles(result);
        }
    }

    [Fact]
    public void NamesTooLongForMetadataAreShortenedStably()
    {
        // A 1,100-character member name made a property whose name exceeds what .NET metadata holds (CS7013).
        var longName = new string('k', 1100);
        var spec = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\""
            + longName + "\": {\"type\": \"object\", \"properties\": {\"" + longName + "\": {\"type\": \"string\"}, \"" + longName + "x\": {\"type\": \"string\"}}}}}}";

        var result = GeneratorHarness.Run(spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.Empty(result.GeneratorDiagnostics);
        DiagnosticAssert.OutputCompiles(result);
        Assert.All(result.Sources, s => Assert.True(s.HintName.Length < 300, s.HintName));
        Assert.Equal(result.Sources.Select(s => s.HintName), GeneratorHarness.Run(spec).Sources.Select(s => s.HintName));
    }

    [Fact]
    public void MutationsAreReproducible()
    {
        var original = GeneratorHarness.ReadFixture("library");
        var first = new Random(Seed);
        var second = new Random(Seed);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(Mutate(original, first, i), Mutate(original, second, i));
        }
    }

    /// <summary>One to three random edits of the given kinds; the label says which, for the failure message.</summary>
    private static (string Kind, string Text) Mutate(string text, Random random, int index)
    {
        var kinds = new List<string>();
        var edits = 1 + (index % 3);
        for (var e = 0; e < edits; e++)
        {
            var lines = text.Split('\n').ToList();
            switch (random.Next(5))
            {
                case 0:
                {
                    var at = random.Next(lines.Count);
                    kinds.Add("delete line " + (at + 1));
                    lines.RemoveAt(at);
                    text = string.Join("\n", lines);
                    break;
                }

                case 1:
                {
                    var at = random.Next(lines.Count);
                    kinds.Add("duplicate line " + (at + 1));
                    lines.Insert(at, lines[at]);
                    text = string.Join("\n", lines);
                    break;
                }

                case 2:
                {
                    var a = random.Next(lines.Count);
                    var b = random.Next(lines.Count);
                    kinds.Add("swap lines " + (a + 1) + " and " + (b + 1));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join("\n", lines);
                    break;
                }

                case 3:
                {
                    var at = random.Next(text.Length + 1);
                    kinds.Add("truncate at " + at);
                    text = text.Substring(0, at);
                    break;
                }

                default:
                {
                    var at = random.Next(text.Length + 1);
                    var count = 1 + random.Next(4);
                    var builder = new StringBuilder(count);
                    for (var c = 0; c < count; c++)
                    {
                        builder.Append(Noise[random.Next(Noise.Length)]);
                    }

                    kinds.Add("inject " + Escape(builder.ToString()) + " at " + at);
                    text = text.Insert(at, builder.ToString());
                    break;
                }
            }
        }

        return (string.Join(", ", kinds), text);
    }

    /// <summary>The mutated lines with a little context, so a failure can be reproduced by hand.</summary>
    private static string Excerpt(string mutated, string original)
    {
        var diff = LineDiff.Unified(original, mutated, "library/openapi.yaml", "mutated", context: 2, maxOutputLines: 20);
        return diff;
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c < 0x20 || c > 0x7E ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return builder.Append('"').ToString();
    }
}
