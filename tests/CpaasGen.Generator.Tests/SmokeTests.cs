using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CpaasGen.Generator.Tests;

public class SmokeTests
{
    private readonly ITestOutputHelper _output;

    public SmokeTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("library")]
    [InlineData("kandy")]
    public void SpecGenerates(string spec)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.ReadSpec(spec, "openapi.yaml"));
        foreach (var d in result.GeneratorDiagnostics) _output.WriteLine(d.ToString());
        foreach (var d in result.CompileDiagnostics.Take(50)) _output.WriteLine(d.ToString());
        foreach (var s in result.Sources) _output.WriteLine(s.HintName);
        var dump = System.Environment.GetEnvironmentVariable("CPGEN_DUMP");
        if (dump is not null)
        {
            System.IO.Directory.CreateDirectory(dump);
            foreach (var s in result.Sources) System.IO.File.WriteAllText(System.IO.Path.Combine(dump, s.HintName), s.SourceText.ToString());
        }
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompileDiagnostics);
    }
}
