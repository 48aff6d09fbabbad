using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace CpaasGen.Benchmarks;

/// <summary>
/// BenchmarkDotNet's defaults, except the exports: GitHub markdown for people, and a CSV with plain numbers
/// (nanoseconds and bytes, invariant culture, units in the header only) that the report mode reads back.
/// The job comes from the command line (build/bench.sh passes a short custom job; CI passes --job dry).
/// </summary>
internal static class BenchConfig
{
    public static readonly SummaryStyle CsvStyle = new(
        CultureInfo.InvariantCulture,
        printUnitsInHeader: true,
        sizeUnit: SizeUnit.B,
        timeUnit: TimeUnit.Nanosecond,
        printUnitsInContent: false,
        printZeroValuesInContent: true);

    public static IConfig Create()
        => ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub, new CsvExporter(CsvSeparator.Comma, CsvStyle))
            .WithOptions(ConfigOptions.DisableLogFile);
}
