using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Malformed specs, document and schema level. Each spec is inline so its line and column are plain to see:
/// positions are 0-based (Roslyn's LinePosition), so "line 3" is the fourth line of the raw string.
/// Operation-level cases are in DiagnosticTests.Operations.cs.
/// </summary>
public partial class DiagnosticTests
{
    [Fact]
    public void UnparseableYamlIsCpgen001AtTheOffendingToken()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Broken
              version: 1.0.0: oops
            paths: {}
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 3, column 16: the second ':' on "  version: 1.0.0: oops".
        DiagnosticAssert.Matches(diagnostic, Spec, "CPGEN001", DiagnosticSeverity.Error, "#", 3, 16, ": oops", "the document cannot be read");
        Assert.DoesNotContain("(Line:", DiagnosticAssert.Message(diagnostic));
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("- just\n- a list\n", "the document root must be a mapping")]
    [InlineData("just a scalar", "the document root must be a mapping")]
    public void DocumentThatIsNotAMappingIsCpgen001AtTheStart(string spec, string reason)
    {
        var (result, diagnostic) = DiagnosticAssert.RunSingle(spec);

        DiagnosticAssert.Matches(diagnostic, spec, "CPGEN001", DiagnosticSeverity.Error, "#", 0, 0, string.Empty, reason);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void UnresolvedRefIsCpgen002AtTheRefValue()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Refs
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    name: { type: string }
                    owner:
                      $ref: '#/components/schemas/Owner'
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 12, column 16: the quoted $ref value.
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN002", DiagnosticSeverity.Error, "#/components/schemas/Pet/properties/owner/$ref", 12, 16,
            "'#/components/schemas/Owner'", "$ref '#/components/schemas/Owner' does not resolve");

        // Skip and continue: the model is generated without the broken member.
        Assert.Contains("public string? Name { get; set; }", result.Source("Refs.Pet.g.cs"));
        Assert.DoesNotContain("Owner", result.Source("Refs.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void ExternalRefIsCpgen002()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Refs
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    owner: { $ref: 'common.yaml#/components/schemas/Owner' }
            """;

        var (_, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 10, column 23: the value inside the flow mapping.
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN002", DiagnosticSeverity.Error, "#/components/schemas/Pet/properties/owner/$ref", 10, 23, "'common.yaml#");
    }

    [Fact]
    public void UnknownTypeIsCpgen003AtTheTypeValue()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Types
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    id: { type: integer }
                    name:
                      type: strng
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 12, column 16: "strng".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN003", DiagnosticSeverity.Error, "#/components/schemas/Pet/properties/name/type", 12, 16,
            "strng", "type 'strng' is not supported");
        Assert.Contains("public int? Id { get; set; }", result.Source("Types.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void UnsupportedCompositionIsCpgen003AtTheSchema()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Types
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    shape:
                      not: { type: string }
            """;

        var (_, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 11, column 10: the schema mapping of "shape" starts at its first key.
        DiagnosticAssert.Matches(diagnostic, Spec, "CPGEN003", DiagnosticSeverity.Error, "#/components/schemas/Pet/properties/shape", 11, 10, "not:", "'not' is not supported");
    }

    [Fact]
    public void SchemaNameCollisionIsCpgen008AtTheSecondName()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Names
              version: 1.0.0
            paths: {}
            components:
              schemas:
                pet-owner:
                  type: object
                  properties:
                    name: { type: string }
                PetOwner:
                  type: object
                  properties:
                    name: { type: string }
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 11, column 4: the key "PetOwner".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN008", DiagnosticSeverity.Error, "#/components/schemas/PetOwner", 11, 4,
            "PetOwner:", "the C# name 'PetOwner' is already used by #/components/schemas/pet-owner");
        Assert.Single(result.Sources, s => s.HintName == "Names.PetOwner.g.cs");
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void PropertyNameCollisionIsCpgen008AtTheSecondProperty()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Names
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  properties:
                    first_name: { type: string }
                    firstName: { type: string }
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 11, column 8: the key "firstName".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN008", DiagnosticSeverity.Error, "#/components/schemas/Person/properties/firstName", 11, 8,
            "firstName:", "'FirstName' is already used by #/components/schemas/Person/properties/first_name");
        Assert.Contains("[\"first_name\"]", result.Source("Names.Person.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void Swagger2IsCpgen009AtTheVersion()
    {
        const string Spec = """
            swagger: "2.0"
            info:
              title: Old
              version: 1.0.0
            paths: {}
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 0, column 9: the quoted "2.0".
        DiagnosticAssert.Matches(diagnostic, Spec, "CPGEN009", DiagnosticSeverity.Error, "#/swagger", 0, 9, "\"2.0\"", "OpenAPI version '2.0' is not supported");
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void UnknownOpenApiVersionIsCpgen009AtTheVersion()
    {
        const string Spec = """
            # A future version.
            openapi: 4.0.0
            info:
              title: New
              version: 1.0.0
            paths: {}
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        DiagnosticAssert.Matches(diagnostic, Spec, "CPGEN009", DiagnosticSeverity.Error, "#/openapi", 1, 9, "4.0.0", "OpenAPI version '4.0.0' is not supported");
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void RequiredButUndefinedPropertyIsCpgen010WarningAtTheListItem()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Required
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [name, tag]
                  properties:
                    name: { type: string }
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 9, column 23: "tag" inside the flow sequence.
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN010", DiagnosticSeverity.Warning, "#/components/schemas/Pet/required", 9, 23,
            "tag]", "'tag' is listed in 'required' but is not one of the schema's properties");

        // A warning, not an error: the model is complete.
        Assert.Contains("public required string Name { get; set; }", result.Source("Required.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void InvalidSchemaCSharpNameIsCpgen012AndTheDefaultNameIsUsed()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Names
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  x-csharp-name: 2Pet
                  properties:
                    name: { type: string }
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 9, column 21: "2Pet".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN012", DiagnosticSeverity.Error, "#/components/schemas/Pet/x-csharp-name", 9, 21,
            "2Pet", "expected a valid C# identifier, found '2Pet'");
        Assert.True(result.HasSource("Names.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void KeywordAsPropertyCSharpNameIsCpgen012()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Names
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    kind:
                      type: string
                      x-csharp-name: class
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 12, column 25: "class".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN012", DiagnosticSeverity.Error, "#/components/schemas/Pet/properties/kind/x-csharp-name", 12, 25,
            "class", "found 'class'");
        Assert.Contains("public string? Kind { get; set; }", result.Source("Names.Pet.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void InvalidNamespaceExtensionIsCpgen012AtTheExtension()
    {
        const string Spec = """
            openapi: 3.0.3
            info:
              title: Names
              version: 1.0.0
              x-csharp-namespace: Acme..Pets
            paths: {}
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 4, column 22: "Acme..Pets".
        DiagnosticAssert.Matches(
            diagnostic, Spec, "CPGEN012", DiagnosticSeverity.Error, "#/info/x-csharp-namespace", 4, 22,
            "Acme..Pets", "expected a C# namespace, found 'Acme..Pets'");
        Assert.All(result.Sources, s => Assert.StartsWith("Names.", s.HintName, System.StringComparison.Ordinal));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void EveryDiagnosticIdIsCoveredByATest()
    {
        // Guards this file: a new descriptor needs a malformed-spec test (CPGEN0xx in a test name or spec here).
        var ids = typeof(CpaasGenGenerator).Assembly.GetType("CpaasGen.Generator.DiagnosticDescriptors")!
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Select(f => f.GetValue(null))
            .OfType<DiagnosticDescriptor>()
            .Select(d => d.Id)
            .ToList();
        var tested = typeof(DiagnosticTests).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Any())
            .Select(m => m.Name)
            .ToList();

        Assert.Equal(14, ids.Count);
        Assert.All(ids, id => Assert.Contains(tested, name => name.Contains(id.Replace("CPGEN", "Cpgen"), System.StringComparison.Ordinal)));
    }
}
