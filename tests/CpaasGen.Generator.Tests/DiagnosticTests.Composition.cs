using Microsoft.CodeAnalysis;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>Malformed discriminators: reported at their line and column; the hierarchy is still generated.</summary>
public partial class DiagnosticTests
{
    private const string DiscriminatorSpec = """
        openapi: 3.0.3
        info: { title: Zoo, version: 1.0.0 }
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              properties:
                kind: { type: string }
              discriminator:
                propertyName: kind
                mapping:
                  cat: '#/components/schemas/Cat'
                  rock: '#/components/schemas/Rock'
                  ghost: '#/components/schemas/Ghost'
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - { type: object, properties: { lives: { type: integer } } }
            Rock:
              type: object
              properties:
                weight: { type: number }
        """;

    [Fact]
    public void ADiscriminatorValueMappedToASchemaOutsideTheHierarchyIsCpgen014AtTheValue()
    {
        var result = GeneratorHarness.Run(DiscriminatorSpec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CPGEN014");
        // line 13, column 16: '#/components/schemas/Rock'.
        DiagnosticAssert.Matches(
            diagnostic, DiscriminatorSpec, "CPGEN014", DiagnosticSeverity.Warning, "#/components/schemas/Pet/discriminator/mapping/rock", 13, 16,
            "'#/components/schemas/Rock'", "maps to '#/components/schemas/Rock', which is neither Pet, a type derived from it, nor one of its alternatives");
        var pet = result.Source("Zoo.Pet.g.cs");
        Assert.Contains("return new global::Zoo.Cat(true);", pet);
        Assert.DoesNotContain("Rock", pet);
    }

    [Fact]
    public void ADiscriminatorValueMappedToNothingIsCpgen002AtTheValue()
    {
        var result = GeneratorHarness.Run(DiscriminatorSpec);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CPGEN002");
        // line 14, column 17: '#/components/schemas/Ghost'.
        DiagnosticAssert.Matches(
            diagnostic, DiscriminatorSpec, "CPGEN002", DiagnosticSeverity.Error, "#/components/schemas/Pet/discriminator/mapping/ghost", 14, 17,
            "'#/components/schemas/Ghost'", "$ref '#/components/schemas/Ghost' does not resolve");
        Assert.Equal(2, result.GeneratorDiagnostics.Length);
        Assert.Contains("public partial class Cat : global::Zoo.Pet", result.Source("Zoo.Cat.g.cs"));
    }

    [Fact]
    public void ADiscriminatorWithoutPropertyNameIsCpgen004AndTheSchemaIsAPlainModel()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: Zoo, version: 1.0.0 }
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    kind: { type: string }
                  discriminator:
                    mapping: { cat: Cat }
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 10, column 8: the discriminator object (it starts at its first key).
        DiagnosticAssert.Matches(diagnostic, Spec, "CPGEN004", DiagnosticSeverity.Error, "#/components/schemas/Pet/discriminator", 10, 8, "mapping", "required member 'propertyName' is missing");
        Assert.Contains("public string? Kind { get; set; }", result.Source("Zoo.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }
}
