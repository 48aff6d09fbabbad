using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CpaasGen.Generator.Tests.Corpus;

/// <summary>
/// Runs corpus documents through the generator in process (CSharpGeneratorDriver, as the compiler does), compiles what
/// it emits with warnings as errors (nullable, warning level 9999, XML docs on: the fixture specs' bar), and counts the
/// operations the document declares against the operations the generated clients can call. Documents run in parallel,
/// one per core, sharing one reference set.
/// </summary>
internal static class CorpusRunner
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Every generated operation has exactly one request builder: <c>public virtual RequestInformation To…RequestInformation(</c>.</summary>
    private static readonly Regex RequestBuilder = new(@"public virtual global::Microsoft\.Kiota\.Abstractions\.RequestInformation To\w+RequestInformation\(", RegexOptions.CultureInvariant);

    public static IReadOnlyList<CorpusResult> RunAll(IReadOnlyList<CorpusDocument> documents, int? parallelism = null)
    {
        // Largest first: compiling the output costs in proportion to its size (a compilation's fixed cost is small:
        // compiling small documents in batches measured no faster), and a large document started last would run alone.
        var results = new ConcurrentBag<CorpusResult>();
        Parallel.ForEach(
            documents.OrderByDescending(d => new FileInfo(d.Path).Length).ThenBy(d => d.Name, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount },
            document => results.Add(Run(document)));
        return results.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public static CorpusResult Run(CorpusDocument document)
    {
        var text = File.ReadAllText(document.Path);
        var documented = CountOperations(text);
        var strict = RunMode(text, "strict");
        if (!strict.Crashed && strict.Errors.Count == 0 && strict.CompileErrors.Count == 0)
        {
            return new CorpusResult(document.Name, text.Length, documented, strict, null);
        }

        return new CorpusResult(document.Name, text.Length, documented, strict, RunMode(text, "lenient"));
    }

    private static ModeResult RunMode(string text, string mode)
    {
        var metadata = new Dictionary<string, string> { ["CpaasGenMode"] = mode };
        var clock = Stopwatch.StartNew();
        GeneratorResult result;
        try
        {
            result = GeneratorHarness.Run(text, "/corpus/openapi.json", metadata);
        }
        catch (Exception ex)
        {
            return new ModeResult(true, ex.GetType().Name + ": " + ex.Message, 0, Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), 0, 0);
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        var crash = result.Exception?.ToString()
            ?? result.GeneratorDiagnostics.FirstOrDefault(d => d.GetMessage(CultureInfo.InvariantCulture).Contains(DiagnosticAssert.InternalFailureMarker, StringComparison.Ordinal))?.ToString();
        var errors = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToList();
        var warnings = result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(Describe).ToList();
        var generated = result.Sources.Sum(s => RequestBuilder.Matches(s.SourceText.ToString()).Count);
        clock.Restart();
        var compile = result.CompileDiagnostics.Select(d => d.ToString()).ToList();
        return new ModeResult(crash is not null, crash, generated, errors, warnings, compile, elapsed, clock.Elapsed.TotalMilliseconds);
    }

    private static string Describe(Diagnostic d) => d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture);

    /// <summary>Operations the document declares: every HTTP method under every path item (a path item's $ref followed).</summary>
    public static int CountOperations(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!json.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
            {
                return 0;
            }

            var count = 0;
            foreach (var path in paths.EnumerateObject())
            {
                var item = path.Value;
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer)
                {
                    item = Follow(json.RootElement, pointer) ?? item;
                }

                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                count += Methods.Count(m => item.TryGetProperty(m, out var op) && op.ValueKind == JsonValueKind.Object);
            }

            return count;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static JsonElement? Follow(JsonElement root, string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var current = root;
        foreach (var raw in pointer.Substring(2).Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }

        return current;
    }
}

/// <summary>One mode's run of one document.</summary>
internal sealed record ModeResult(
    bool Crashed,
    string? Crash,
    int GeneratedOperations,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> CompileErrors,
    double GenerationMs,
    double CompileMs)
{
    /// <summary>Built: no crash, no error diagnostic, and the output compiles with zero warnings.</summary>
    public bool Builds => !Crashed && Errors.Count == 0 && CompileErrors.Count == 0;
}

/// <summary>One document: strict mode, and skip-and-warn mode when strict did not build.</summary>
internal sealed record CorpusResult(string Name, int Chars, int DocumentedOperations, ModeResult Strict, ModeResult? Lenient)
{
    public bool BuildsStrict => Strict.Builds;

    public bool BuildsLenient => Strict.Builds || (Lenient?.Builds ?? false);

    /// <summary>Operations generated by the mode that builds (lenient when strict does not).</summary>
    public int GeneratedOperations => Strict.Builds ? Strict.GeneratedOperations : Lenient?.Builds == true ? Lenient.GeneratedOperations : 0;

    public bool Crashed => Strict.Crashed || (Lenient?.Crashed ?? false);

    public bool CompileFailed => Strict.CompileErrors.Count > 0 || (Lenient?.CompileErrors.Count ?? 0) > 0;
}
