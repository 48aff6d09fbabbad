using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Naming and accessibility overrides: the spec's <c>x-csharp-namespace</c> / <c>x-csharp-client-name</c> /
/// <c>x-csharp-name</c> extensions, and the MSBuild item metadata (CpaasGenNamespace, CpaasGenClientName,
/// CpaasGenAccessibility) that win over them.
/// </summary>
public class OverrideTests
{
    private const string WidgetSpec = """
        openapi: 3.0.3
        info:
          title: Widget Works
          version: 1.0.0
          x-csharp-namespace: Acme.Widgets
          x-csharp-client-name: WidgetApi
        tags:
          - name: gadget-ops
            description: Gadget operations.
        paths:
          /gadgets/{gadgetId}:
            get:
              operationId: fetch-gadget
              x-csharp-name: LoadGadget
              tags: [gadget-ops]
              parameters:
                - name: gadgetId
                  in: path
                  required: true
                  x-csharp-name: Identifier
                  schema: { type: string }
              responses:
                '200':
                  description: The gadget.
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/gadget_info' }
        components:
          schemas:
            gadget_info:
              type: object
              x-csharp-name: Gadget
              required: [serial-no]
              properties:
                serial-no: { type: string, description: Serial number. }
                color: { $ref: '#/components/schemas/Shade' }
                tick: { type: integer, x-csharp-name: TickCount }
            Shade:
              type: string
              enum: [dark-red, LIGHT_BLUE]
        """;

    [Fact]
    public void SpecExtensionsSetNamespaceClientAndMemberNames()
    {
        var result = GeneratorHarness.Run(WidgetSpec);

        AssertClean(result);
        Assert.Equal(
            new[] { "Acme.Widgets.Gadget.g.cs", "Acme.Widgets.GadgetOpsClient.g.cs", "Acme.Widgets.GeneratedSupport.g.cs", "Acme.Widgets.Shade.g.cs", "Acme.Widgets.WidgetApi.g.cs" },
            result.Sources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));

        var root = Type(result, "Acme.Widgets.WidgetApi");
        Assert.Equal(Accessibility.Public, root.DeclaredAccessibility);
        Assert.Equal("GadgetOps", Assert.Single(root.GetMembers().OfType<IPropertySymbol>(), p => p.Type.Name == "GadgetOpsClient").Name);

        var gadget = Type(result, "Acme.Widgets.Gadget");
        Assert.Equal(new[] { "SerialNo", "Color", "TickCount" }, DeclaredProperties(gadget).Where(p => p != "AdditionalData"));
        Assert.Contains("[\"serial-no\"] = n => { SerialNo = n.GetStringValue()!; },", result.Source("Acme.Widgets.Gadget.g.cs"));

        var shade = Type(result, "Acme.Widgets.Shade");
        Assert.True(shade.IsValueType);
        Assert.Contains(shade.GetMembers(), m => m.Name == "DarkRed");
        Assert.Contains(shade.GetMembers(), m => m.Name == "LightBlue");

        var client = Type(result, "Acme.Widgets.GadgetOpsClient");
        var load = Assert.Single(client.GetMembers("LoadGadgetAsync").OfType<IMethodSymbol>());
        Assert.Equal(new[] { "identifier", "cancellationToken" }, load.Parameters.Select(p => p.Name));
        Assert.Equal("Gadget", ((INamedTypeSymbol)load.ReturnType).TypeArguments.Single().Name);
        Assert.DoesNotContain(result.Output.GetSymbolsWithName(n => n.Contains("WidgetWorks"), SymbolFilter.Type), _ => true);
    }

    [Fact]
    public void MsBuildMetadataOverridesTheSpecExtensionsAndMakesEverythingInternal()
    {
        var metadata = new Dictionary<string, string>
        {
            ["CpaasGenNamespace"] = "Contoso.Internal.Gadgets",
            ["CpaasGenClientName"] = "GadgetServiceClient",
            ["CpaasGenAccessibility"] = "internal",
        };

        var result = GeneratorHarness.Run(WidgetSpec, metadata: metadata);

        AssertClean(result);
        Assert.All(result.Sources, s => Assert.StartsWith("Contoso.Internal.Gadgets.", s.HintName, System.StringComparison.Ordinal));
        Assert.True(result.HasSource("Contoso.Internal.Gadgets.GadgetServiceClient.g.cs"));
        Assert.False(result.HasSource("Contoso.Internal.Gadgets.WidgetApi.g.cs"));
        Assert.Empty(result.Output.GetSymbolsWithName(n => n == "WidgetApi", SymbolFilter.Type));
        Assert.Null(result.Output.GetTypeByMetadataName("Acme.Widgets.Gadget"));

        var generated = GeneratedTypes(result, "Contoso.Internal.Gadgets");
        Assert.Contains(generated, t => t.Name == "GadgetServiceClient");
        Assert.Contains(generated, t => t.Name == "Gadget");
        Assert.Contains(generated, t => t.Name == "Shade");
        Assert.Contains(generated, t => t.Name == "GadgetOpsClient");
        Assert.All(generated, t => Assert.Equal(Accessibility.Internal, t.DeclaredAccessibility));
        foreach (var source in result.Sources)
        {
            Assert.DoesNotContain("public partial class", source.SourceText.ToString());
            Assert.DoesNotContain("public readonly partial struct", source.SourceText.ToString());
            Assert.DoesNotContain("public interface", source.SourceText.ToString());
        }
    }

    [Fact]
    public void MetadataIsTrimmedAndCaseInsensitiveForAccessibility()
    {
        var result = GeneratorHarness.Run(WidgetSpec, metadata: new Dictionary<string, string> { ["CpaasGenAccessibility"] = " Internal " });

        AssertClean(result);
        Assert.Equal(Accessibility.Internal, Type(result, "Acme.Widgets.WidgetApi").DeclaredAccessibility);
    }

    [Fact]
    public void InvalidAccessibilityIsReportedAndFallsBackToPublic()
    {
        var result = GeneratorHarness.Run(WidgetSpec, metadata: new Dictionary<string, string> { ["CpaasGenAccessibility"] = "protected" });

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CPGEN012", diagnostic.Id);
        Assert.Contains("CpaasGenAccessibility", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Accessibility.Public, Type(result, "Acme.Widgets.WidgetApi").DeclaredAccessibility);
    }

    [Fact]
    public void InvalidNamespaceMetadataIsReportedAgainstTheMetadataNotTheSpec()
    {
        var result = GeneratorHarness.Run(WidgetSpec, metadata: new Dictionary<string, string> { ["CpaasGenNamespace"] = "Contoso.2Gadgets" });

        Assert.Null(result.Exception);
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("CPGEN012", diagnostic.Id);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'Contoso.2Gadgets'", message);
        Assert.StartsWith("(MSBuild metadata CpaasGenNamespace):", message, System.StringComparison.Ordinal);
        Assert.Empty(result.CompileDiagnostics);
    }

    private static void AssertClean(GeneratorResult result)
    {
        Assert.Null(result.Exception);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
        Assert.True(result.CompileDiagnostics.Count == 0, GeneratorHarness.Describe(result.CompileDiagnostics));
    }

    private static INamedTypeSymbol Type(GeneratorResult result, string metadataName)
        => result.Output.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException(metadataName + " was not generated; got: " + string.Join(", ", result.Sources.Select(s => s.HintName)));

    private static string[] DeclaredProperties(INamedTypeSymbol type)
        => type.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToArray();

    private static INamedTypeSymbol[] GeneratedTypes(GeneratorResult result, string ns)
    {
        var generatedTrees = result.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToHashSet();
        return result.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingType is null && t.ContainingNamespace.ToDisplayString() == ns && t.Locations.Any(l => generatedTrees.Contains(l.SourceTree!)))
            .ToArray();
    }
}
