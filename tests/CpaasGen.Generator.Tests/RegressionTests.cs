using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Specs the generator used to accept while emitting code that did not compile (or that crashed the parser), found
/// while writing the robustness tests. Each is now either generated correctly or reported with a CPGEN diagnostic.
/// </summary>
public class RegressionTests
{
    [Fact]
    public void ComplexMappingKeyIsCpgen001AtTheKeyInsteadOfAnInternalFailure()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              ? [a, b]
              : {}
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(Spec);

        // line 3, column 4: the sequence used as a key.
        DiagnosticAssert.Matches(diagnostic, Spec, "CPGEN001", DiagnosticSeverity.Error, "#/paths", 3, 4, "[a, b]", "a mapping key must be a plain string, not a sequence");
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void ParametersNamedLikeTheGeneratedLocalsAreRenamed()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /items/{result}:
                get:
                  operationId: getItem
                  tags: [Items]
                  parameters:
                    - { name: result, in: path, required: true, schema: { type: string } }
                    - { name: requestInfo, in: query, schema: { type: string } }
                  responses:
                    '204': { description: Found. }
            """;

        var result = GeneratorHarness.Run(Spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.Empty(result.GeneratorDiagnostics);
        var client = result.Source("T.ItemsClient.g.cs");
        Assert.Contains("GetItemAsync(string result2, string? requestInfo2 = null, ", client);
        Assert.Contains("\"{+baseurl}/items/{+result2}{?requestInfo}\"", client);
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void ModelPropertiesAndEnumValuesNamedLikeGeneratedMembersGetASuffix()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths: {}
            components:
              schemas:
                Doc:
                  type: object
                  properties:
                    readFrom: { type: string }
                    getType: { type: string }
                Flag:
                  type: string
                  enum: [is-known, get-type, value, finalize, red]
            """;

        var result = GeneratorHarness.Run(Spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Contains("public string? ReadFromValue { get; set; }", result.Source("T.Doc.g.cs"));
        Assert.Contains("public string? GetTypeValue { get; set; }", result.Source("T.Doc.g.cs"));
        var flag = result.Source("T.Flag.g.cs");
        foreach (var member in new[] { "IsKnownMember", "GetTypeMember", "ValueMember", "FinalizeMember", "Red" })
        {
            Assert.Contains("public static global::T.Flag " + member + " { get; }", flag);
        }

        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void OperationsMappingToTheSameMethodAreCpgen008()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: 1.0.0 }
            paths:
              /a:
                get:
                  operationId: getItem
                  tags: [Items]
                  responses: { '204': { description: x } }
              /b:
                get:
                  operationId: get_item
                  tags: [Items]
                  responses: { '204': { description: x } }
              /c:
                get:
                  operationId: other
                  x-csharp-name: GetItem
                  tags: [Items]
                  responses: { '204': { description: x } }
              /d:
                get:
                  operationId: get-item
                  tags: [Others]
                  responses: { '204': { description: x } }
            """;

        var result = GeneratorHarness.Run(Spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        var diagnostics = result.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, diagnostics.Count);
        DiagnosticAssert.Matches(diagnostics[0], Spec, "CPGEN008", DiagnosticSeverity.Error, "#/paths/~1b/get/operationId", 10, 19, "get_item", "'GetItem' is already used by #/paths/~1a/get");
        DiagnosticAssert.Matches(diagnostics[1], Spec, "CPGEN008", DiagnosticSeverity.Error, "#/paths/~1c/get/x-csharp-name", 16, 21, "GetItem", "'GetItem' is already used by #/paths/~1a/get");

        // Another tag is another class: the same method name is fine there.
        Assert.Contains("GetItemAsync(", result.Source("T.OthersClient.g.cs"));
        Assert.Contains("\"{+baseurl}/a\"", result.Source("T.ItemsClient.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Theory]
    [InlineData("RequestAdapter", "TClient")]
    [InlineData("default-base-url", "TClient")]
    [InlineData("T", "TClient")]
    public void TagsNamedLikeRootClientMembersAreCpgen008(string tag, string rootName)
    {
        var spec = $$"""
            openapi: 3.0.3
            info: { title: Tee, version: 1.0.0, x-csharp-client-name: {{(tag == "T" ? "T" : rootName)}} }
            servers: [{ url: 'https://api.example.com' }]
            paths:
              /a:
                get:
                  operationId: a
                  tags: [{{tag}}]
                  responses: { '204': { description: x } }
              /b:
                get:
                  operationId: b
                  tags: [Fine]
                  responses: { '204': { description: x } }
            """;

        var (result, diagnostic) = DiagnosticAssert.RunSingle(spec);

        Assert.Equal("CPGEN008", diagnostic.Id);
        Assert.StartsWith("#/tags/" + tag + ": ", DiagnosticAssert.Message(diagnostic), System.StringComparison.Ordinal);
        Assert.True(result.HasSource("Tee.FineClient.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact]
    public void UnicodeLineSeparatorsInDescriptionsDoNotEndTheDocComment()
    {
        // C# ends a line (and so a /// comment) at U+2028 and U+2029, which are not control characters.
        // In YAML they are line breaks too, so the spec writes them as the double-quoted escapes \L and \P.
        const string Spec = "openapi: 3.0.3\ninfo: { title: T, version: 1.0.0, description: \"one\\Ltwo\\Pthree\" }\npaths: {}\n";

        var result = GeneratorHarness.Run(Spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
        Assert.Contains("/// <remarks>one two three</remarks>", result.Source("T.TClient.g.cs"));
        DiagnosticAssert.OutputCompiles(result);
    }

    [Fact(Timeout = 60_000)]
    public async System.Threading.Tasks.Task NestedYamlAliasesAreWalkedOnceNotExponentially()
    {
        // A "billion laughs" spec: 9 levels of 10 aliases each would be 10^9 nodes if every alias were walked as a copy.
        // Under components/links (walked for $refs, never generated): `x-` extensions are not walked at all.
        var builder = new System.Text.StringBuilder("openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\ncomponents:\n  links:\n    l0: &l0 { $ref: '#/components/schemas/Missing' }\n");
        for (var level = 1; level <= 9; level++)
        {
            builder.Append("    l").Append(level).Append(": &l").Append(level).Append(" [");
            builder.Append(string.Join(", ", System.Linq.Enumerable.Repeat("*l" + (level - 1), 10)));
            builder.Append("]\n");
        }

        var result = await System.Threading.Tasks.Task.Run(() => GeneratorHarness.Run(builder.ToString()));

        DiagnosticAssert.GeneratorDidNotThrow(result);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == "CPGEN002");
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
