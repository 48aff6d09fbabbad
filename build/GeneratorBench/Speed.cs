using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using CpaasGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Bench;

/// <summary>The generator the way a compiler runs it: <c>CSharpGeneratorDriver</c>, no step tracking.</summary>
internal static class Speed
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "Consumer",
        new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Anchor { } }") },
        new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>
    /// One run in this fresh process: what a build pays on a compiler server that has just loaded the generator (its
    /// JIT included; Roslyn's own driver code is warmed first with a file that is not a spec). Prints document,
    /// characters, milliseconds, generated files.
    /// </summary>
    public static int First(string path)
    {
        Run(new Text("/warm-up/notes.txt", "not a spec"));
        var text = File.ReadAllText(path);
        var clock = Stopwatch.StartNew();
        var files = Run(new Text(SpecPath(path), text));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}\t{text.Length}\t{clock.Elapsed.TotalMilliseconds:0}\t{files}"));
        return 0;
    }

    /// <summary>Per document: two warm-up runs, then a fresh driver per run; prints median and min ms, MB allocated by one run, files.</summary>
    public static int Steady(string listFile, int runs)
    {
        Console.WriteLine("document\tchars\tmedian_ms\tmin_ms\talloc_mb\tfiles");
        foreach (var path in File.ReadAllLines(listFile).Where(l => l.Length > 0))
        {
            var text = File.ReadAllText(path);
            var spec = new Text(SpecPath(path), text);
            var files = Run(spec);
            Run(spec);
            var times = new List<double>();
            long allocated = 0;
            for (var i = 0; i < runs; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                Run(spec);
                times.Add(clock.Elapsed.TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}\t{text.Length}\t{times[times.Count / 2]:0.0}\t{times[0]:0.0}\t{allocated / 1e6:0.0}\t{files}"));
        }

        return 0;
    }

    private static int Run(AdditionalText spec)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new CpaasGenGenerator().AsSourceGenerator() }, new[] { spec });
        driver = driver.RunGenerators(Compilation, CancellationToken.None);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw on " + spec.Path, result.Exception);
        }

        return result.GeneratedSources.Length;
    }

    // The generator recognises openapi.json / openapi.yaml (and *.openapi.*) by name.
    private static string SpecPath(string path) => "/specs/" + (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "openapi.json" : "openapi.yaml");

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
