using CpaasGen.Tests.Shared;
using System.Linq;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Approval snapshots of everything the generator emits for the fixture specs. How to accept a change is described on
/// <see cref="Approvals"/>: copy Snapshots/&lt;spec&gt;/*.received.cs over *.approved.cs (or run once with CPGEN_ACCEPT=1
/// outside CI), then review the diff like any other code change.
/// </summary>
public class SnapshotTests
{
    [Theory]
    [InlineData("kandy")]
    [InlineData("library")]
    [InlineData("composition")]
    public void GeneratedSourcesMatchApprovedFiles(string spec)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.ReadFixture(spec));

        Assert.Null(result.Exception);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, "The fixture spec should be clean:\n" + GeneratorHarness.Describe(result.GeneratorDiagnostics));
        Assert.NotEmpty(result.Sources);
        Approvals.VerifySources(spec, result.Sources);
    }

    [Fact]
    public void ScrubReplacesOnlyTheGeneratorVersion()
    {
        const string Generated = """
            [global::System.CodeDom.Compiler.GeneratedCode("CpaasGen.Generator", "1.2.3-beta.4")]
            [global::System.CodeDom.Compiler.GeneratedCode("Other.Tool", "1.2.3")]
            public const string Version = "1.2.3";
            """;

        var scrubbed = Approvals.Scrub(Generated);

        Assert.Equal(
            """
            [global::System.CodeDom.Compiler.GeneratedCode("CpaasGen.Generator", "{scrubbed-version}")]
            [global::System.CodeDom.Compiler.GeneratedCode("Other.Tool", "1.2.3")]
            public const string Version = "1.2.3";
            """,
            scrubbed);
    }

    [Fact]
    public void EveryGeneratedFileCarriesTheScrubbableGeneratedCodeAttribute()
    {
        // If the attribute's shape changes, the scrubber would silently stop working and every version bump would churn snapshots.
        foreach (var spec in GeneratorHarness.FixtureSpecs)
        {
            var result = GeneratorHarness.Run(GeneratorHarness.ReadFixture(spec));
            foreach (var source in result.Sources)
            {
                Assert.Contains("GeneratedCode(\"CpaasGen.Generator\", \"" + Approvals.VersionPlaceholder + "\")", Approvals.Scrub(source.SourceText.ToString()));
            }
        }
    }

    [Fact]
    public void DiffShowsTheFirstDifferingLinesWithLineNumbers()
    {
        var approved = string.Join("\n", Enumerable.Range(1, 30).Select(i => "line " + i));
        var received = approved.Replace("line 12", "line twelve").Replace("line 25\n", string.Empty);

        var diff = LineDiff.Unified(approved, received, "a.approved.cs", "a.received.cs");

        Assert.Equal(12, LineDiff.FirstDifferentLine(approved, received));
        Assert.Contains("--- a.approved.cs", diff);
        Assert.Contains("+++ a.received.cs", diff);
        Assert.Contains("@@ -9,7 +9,7 @@", diff);
        Assert.Contains("-line 12\n+line twelve\n", diff);
        Assert.Contains("-line 25\n", diff);
        Assert.DoesNotContain(" line 1\n", diff);
    }
}
