using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CpaasGen.Generator.Tests.Corpus;

/// <summary>Totals of a corpus run, and a readable report (written to <c>$CPGEN_CORPUS_REPORT/&lt;set&gt;.md</c> when set).</summary>
internal sealed class CorpusReport
{
    private static readonly Regex Pointers = new(@"#/[^\s:']*", RegexOptions.CultureInvariant);

    public CorpusReport(string set, IReadOnlyList<CorpusResult> results)
    {
        Set = set;
        Results = results;
    }

    public string Set { get; }

    public IReadOnlyList<CorpusResult> Results { get; }

    public int Documents => Results.Count;

    public int BuildStrict => Results.Count(r => r.BuildsStrict);

    public int BuildLenient => Results.Count(r => r.BuildsLenient);

    public int Documented => Results.Sum(r => r.DocumentedOperations);

    public int Generated => Results.Sum(r => r.GeneratedOperations);

    public double StrictShare => Documents == 0 ? 0 : (double)BuildStrict / Documents;

    public double OperationShare => Documented == 0 ? 1 : (double)Generated / Documented;

    public IEnumerable<CorpusResult> Crashes => Results.Where(r => r.Crashed);

    public IEnumerable<CorpusResult> NonCompiling => Results.Where(r => r.CompileFailed);

    public string Summary()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Set}: {Documents} documents; strict builds {BuildStrict} ({StrictShare:P1}); skip-and-warn builds {BuildLenient}; operations {Generated}/{Documented} ({OperationShare:P1}); crashes {Crashes.Count()}; non-compiling {NonCompiling.Count()}");

    public string Details(int maxDocuments = 60)
    {
        var builder = new StringBuilder();
        builder.AppendLine(Summary());
        builder.AppendLine();
        builder.AppendLine("Diagnostics in strict mode (by ID and message shape):");
        var shapes = Results.SelectMany(r => r.Strict.Errors.Concat(r.Strict.Warnings))
            .Select(m => Pointers.Replace(m, "#…"))
            .Select(m => m.Length > 140 ? m.Substring(0, 140) : m)
            .GroupBy(m => m)
            .OrderByDescending(g => g.Count())
            .Take(40);
        foreach (var shape in shapes)
        {
            builder.Append("  ").Append(shape.Count().ToString(CultureInfo.InvariantCulture).PadLeft(5)).Append("  ").AppendLine(shape.Key);
        }

        builder.AppendLine();
        builder.AppendLine("Documents that do not build in strict mode:");
        foreach (var r in Results.Where(r => !r.BuildsStrict).Take(maxDocuments))
        {
            builder.Append("  ").Append(r.Name).Append(" (").Append(r.GeneratedOperations).Append('/').Append(r.DocumentedOperations).Append(" ops")
                .Append(r.BuildsLenient ? ", builds with warnings" : ", DOES NOT BUILD").AppendLine(")");
            var mode = r.Lenient ?? r.Strict;
            foreach (var line in new[] { r.Strict.Crash }.Concat(r.Strict.Errors.Take(3)).Concat(mode.CompileErrors.Take(3)).Where(l => l is not null))
            {
                builder.Append("      ").AppendLine(line!.Length > 300 ? line.Substring(0, 300) + "…" : line);
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes the details and a TSV of every document when CPGEN_CORPUS_REPORT names a folder.</summary>
    public void WriteIfRequested()
    {
        var folder = Environment.GetEnvironmentVariable("CPGEN_CORPUS_REPORT");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, Set + ".md"), Details(int.MaxValue));
        var tsv = new StringBuilder("document\tchars\tdocumented\tgenerated\tstrict\tlenient\tstrict_ms\tcompile_ms\n");
        foreach (var r in Results)
        {
            tsv.Append(r.Name).Append('\t').Append(r.Chars).Append('\t').Append(r.DocumentedOperations).Append('\t').Append(r.GeneratedOperations).Append('\t')
                .Append(r.BuildsStrict ? "yes" : "no").Append('\t').Append(r.BuildsLenient ? "yes" : "no").Append('\t')
                .Append(r.Strict.GenerationMs.ToString("0", CultureInfo.InvariantCulture)).Append('\t')
                .Append(r.Strict.CompileMs.ToString("0", CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, Set + ".tsv"), tsv.ToString());
    }
}
