using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// JSON documents are read with System.Text.Json's Utf8JsonReader, YAML documents with YamlDotNet. Both must give
/// the same code and diagnostics at the same line and column (JSON offsets are UTF-8 bytes, turned back into the
/// characters and lines the compiler shows). What the JSON reader declines goes through YAML, as before.
/// </summary>
public class DocumentLoadingTests
{
    [Fact]
    public void TheJsonSpellingOfADocumentGeneratesTheSameCodeAsItsYamlSpelling()
    {
        var yaml = GeneratorHarness.ReadFixture("library");
        var json = YamlToJson.Convert(yaml);
        Assert.StartsWith("{", json, StringComparison.Ordinal);

        var fromYaml = GeneratorHarness.Run(yaml, "/specs/library.openapi.yaml");
        var fromJson = GeneratorHarness.Run(json, "/specs/library.openapi.json");

        DiagnosticAssert.GeneratorDidNotThrow(fromJson);
        Assert.Empty(fromJson.GeneratorDiagnostics);
        Assert.Equal(fromYaml.Sources.Select(s => s.HintName), fromJson.Sources.Select(s => s.HintName));
        foreach (var (a, b) in fromYaml.Sources.Zip(fromJson.Sources))
        {
            Assert.True(a.SourceText.ToString() == b.SourceText.ToString(), a.HintName + " differs between the YAML and the JSON spelling");
        }
    }

    [Fact]
    public void ADiagnosticInAJsonDocumentPointsAtItsLineAndColumnPastNonAsciiText()
    {
        // Multi-byte UTF-8 before the error, on earlier lines and on its own line (é: 2 bytes, 😀: 4 bytes and 2 chars).
        var spec = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"Café 😀\", \"version\": \"1\"},\n  \"paths\": {},\n"
            + "  \"components\": {\"schemas\": {\"Crème\": {\"type\": \"object\", \"description\": \"😀é\", \"properties\": {\"a\": {\"$ref\": \"#/components/schemas/Nope\"}}}}}\n}\n";

        var (_, diagnostic) = DiagnosticAssert.RunSingle(spec);

        var column = spec.Split('\n')[4].IndexOf("\"#/components/schemas/Nope\"", StringComparison.Ordinal);
        DiagnosticAssert.Matches(diagnostic, spec, "CPGEN002", DiagnosticSeverity.Error, "#/components/schemas/Crème/properties/a/$ref", 4, column, "\"#/components/schemas/Nope\"");
        Assert.Equal("\"#/components/schemas/Nope\"".Length, diagnostic.Location.SourceSpan.Length);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(4, column + "\"#/components/schemas/Nope\"".Length), diagnostic.Location.GetLineSpan().EndLinePosition);
    }

    [Fact]
    public void ADiagnosticInAJsonDocumentWithCarriageReturnsAndAByteOrderMarkCountsLinesAsTheCompilerDoes()
    {
        var spec = "\uFEFF{\r\n\"openapi\": \"3.0.3\",\r\n\"info\": {\"title\": \"T\", \"version\": \"1\"},\r\n\"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {\"$ref\": \"#/components/responses/Gone\"}}}}}\r\n}";

        var (_, diagnostic) = DiagnosticAssert.RunSingle(spec);

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("CPGEN002", diagnostic.Id);
        Assert.Equal(3, span.StartLinePosition.Line);
        Assert.Equal(spec.Split('\n')[3].IndexOf("\"#/components/responses/Gone\"", StringComparison.Ordinal), span.StartLinePosition.Character);
        Assert.Equal("\"#/components/responses/Gone\"", spec.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void DuplicateKeysInAJsonDocumentAreReportedAsInAYamlDocument()
    {
        var json = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}, \"paths\": {}}";
        var yaml = "openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths: {}\npaths: {}\n";

        var (_, fromJson) = DiagnosticAssert.RunSingle(json);
        var (_, fromYaml) = DiagnosticAssert.RunSingle(yaml);

        Assert.Equal("CPGEN001", fromJson.Id);
        Assert.Equal(DiagnosticAssert.Message(fromYaml), DiagnosticAssert.Message(fromJson));
        Assert.Equal(json.LastIndexOf("\"paths\"", StringComparison.Ordinal), fromJson.Location.SourceSpan.Start);
    }

    [Theory]
    [InlineData("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {},}")] // trailing comma: YAML accepts it
    [InlineData("{openapi: 3.0.3, info: {title: T, version: 1}, paths: {}}")] // a YAML flow mapping, not JSON
    [InlineData("{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}} # trailing comment")]
    public void TextThatLooksLikeJsonButIsYamlIsReadAsYaml(string spec)
    {
        var result = GeneratorHarness.Run(spec);

        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.Empty(result.GeneratorDiagnostics);
        Assert.True(result.HasSource("T.TClient.g.cs"), string.Join(", ", result.Sources.Select(s => s.HintName)));
    }

    [Fact]
    public void BrokenJsonIsReportedAtTheYamlParsersPosition()
    {
        var spec = "{\"openapi\": \"3.0.3\",\n \"info\": {\"title\": \"T\" \"version\": \"1\"}}";

        var (_, diagnostic) = DiagnosticAssert.RunSingle(spec);

        Assert.Equal("CPGEN001", diagnostic.Id);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ADocumentNestedTooDeeplyIsCpgen001NotAStackOverflow(bool json)
    {
        // 50,000 nested arrays overflowed the stack in YamlDotNet's recursive loader: the compiler process died.
        const int Depth = 50_000;
        var nested = new string('[', Depth) + new string(']', Depth);
        var spec = json
            ? "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, \"paths\": {}, \"x-deep\": " + nested + "}"
            : "openapi: 3.0.3\ninfo: {title: T, version: 1}\npaths: {}\nx-deep: " + nested + "\n";

        var (_, diagnostic) = DiagnosticAssert.RunSingle(spec);

        Assert.Equal("CPGEN001", diagnostic.Id);
        Assert.Contains("nested deeper than 512 levels", DiagnosticAssert.Message(diagnostic), StringComparison.Ordinal);
        Assert.Equal(json ? 0 : 3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    /// <summary>
    /// Allocation guard for the parse step on a large JSON document (a count, not a time: stable across machines).
    /// Reading JSON through YamlDotNet allocated 80–120 bytes per character of real 1–1.6 MB documents (and most of the
    /// generation time went to it); the JSON reader with the parsers on top allocates 20–50. The budget sits between.
    /// </summary>
    [Fact]
    public void ParsingALargeJsonDocumentStaysWithinItsAllocationBudget()
    {
        var text = LargeDocument.Json(schemas: 1000, paths: 560);
        Assert.InRange(text.Length, 1_200_000, 2_000_000);

        Parse(text); // JIT and first-use caches out of the measurement
        var before = GC.GetAllocatedBytesForCurrentThread();
        var diagnostics = Parse(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(diagnostics);
        var perChar = (double)allocated / text.Length;
        Assert.True(perChar < 70, string.Create(CultureInfo.InvariantCulture, $"The parse step allocated {allocated / 1e6:0.0} MB for a {text.Length / 1e6:0.00} MB document ({perChar:0.0} bytes per character; budget 70)."));
    }

    /// <summary>Runs the parse step alone (internal: reached by reflection, the generator has no InternalsVisibleTo).</summary>
    private static string[] Parse(string text)
    {
        var assembly = typeof(CpaasGenGenerator).Assembly;
        var inputType = assembly.GetType("CpaasGen.Generator.Model.SpecInput", throwOnError: true)!;
        var input = Activator.CreateInstance(inputType, "/specs/large.openapi.json", text, null, null, null, null, null, null, null, null, null)!;
        var parse = assembly.GetType("CpaasGen.Generator.Parsing.SpecParser", throwOnError: true)!.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!;
        var result = parse.Invoke(null, new[] { input, (object)CancellationToken.None })!;
        var diagnostics = (System.Collections.IEnumerable)result.GetType().GetProperty("Diagnostics")!.GetValue(result)!;
        return diagnostics.Cast<object>().Select(d => d.ToString()!).ToArray();
    }
}

/// <summary>YAML → JSON for tests: plain scalars that are numbers, booleans or null stay JSON literals, the rest become strings.</summary>
internal static class YamlToJson
{
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var builder = new StringBuilder();
        Write(stream.Documents[0].RootNode, builder, 0);
        return builder.Append('\n').ToString();
    }

    private static void Write(YamlNode node, StringBuilder builder, int indent)
    {
        switch (node)
        {
            case YamlMappingNode map:
                builder.Append('{');
                var first = true;
                foreach (var pair in map.Children)
                {
                    builder.Append(first ? "\n" : ",\n").Append(' ', indent + 2);
                    Quote(((YamlScalarNode)pair.Key).Value ?? string.Empty, builder);
                    builder.Append(": ");
                    Write(pair.Value, builder, indent + 2);
                    first = false;
                }

                builder.Append(first ? "}" : "\n" + new string(' ', indent) + "}");
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Write(sequence.Children[i], builder, indent + 2);
                }

                builder.Append(']');
                break;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                var plain = scalar.Style == ScalarStyle.Plain;
                var leadingZero = value.Length > 1 && value[0] == '0' && value[1] != '.';
                if (plain && value is "" or "~" or "null")
                {
                    builder.Append("null");
                }
                else if (plain && (value is "true" or "false" || (!leadingZero && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))))
                {
                    builder.Append(value);
                }
                else
                {
                    Quote(value, builder);
                }

                break;
        }
    }

    private static void Quote(string value, StringBuilder builder) => builder.Append(System.Text.Json.JsonSerializer.Serialize(value));
}

/// <summary>A deterministic, large, valid document: many schemas with properties, enums and references, and many paths.</summary>
internal static class LargeDocument
{
    public static string Json(int schemas, int paths)
    {
        var b = new StringBuilder("{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"Large\", \"version\": \"1.0\"},\n  \"servers\": [{\"url\": \"https://large.example\"}],\n  \"paths\": {\n");
        for (var p = 0; p < paths; p++)
        {
            var s = p % schemas;
            b.Append("    \"/things").Append(p).Append("/{id}\": {\"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}],\n")
                .Append("      \"get\": {\"operationId\": \"getThing").Append(p).Append("\", \"tags\": [\"Group").Append(p % 12).Append("\"], \"summary\": \"Gets thing ").Append(p).Append(".\",\n")
                .Append("        \"parameters\": [{\"name\": \"expand\", \"in\": \"query\", \"schema\": {\"type\": \"array\", \"items\": {\"type\": \"string\", \"enum\": [\"a\", \"b\"]}}}],\n")
                .Append("        \"responses\": {\"200\": {\"description\": \"OK\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Thing").Append(s).Append("\"}}}},\n")
                .Append("          \"404\": {\"description\": \"Missing\", \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}}}}}},\n")
                .Append("      \"put\": {\"operationId\": \"putThing").Append(p).Append("\", \"tags\": [\"Group").Append(p % 12).Append("\"],\n")
                .Append("        \"requestBody\": {\"required\": true, \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Thing").Append(s).Append("\"}}}},\n")
                .Append("        \"responses\": {\"204\": {\"description\": \"Stored\"}}}}").Append(p + 1 < paths ? ",\n" : "\n");
        }

        b.Append("  },\n  \"components\": {\"schemas\": {\n    \"Problem\": {\"type\": \"object\", \"properties\": {\"title\": {\"type\": \"string\"}, \"status\": {\"type\": \"integer\"}}},\n");
        for (var s = 0; s < schemas; s++)
        {
            b.Append("    \"Thing").Append(s).Append("\": {\"type\": \"object\", \"description\": \"Thing number ").Append(s).Append(", with a description long enough to look like the real ones.\", \"required\": [\"id\", \"name\"], \"properties\": {\n")
                .Append("      \"id\": {\"type\": \"string\", \"format\": \"uuid\", \"readOnly\": true, \"description\": \"The identifier.\"},\n")
                .Append("      \"name\": {\"type\": \"string\", \"maxLength\": 80, \"example\": \"thing\", \"description\": \"The name.\"},\n")
                .Append("      \"count\": {\"type\": \"integer\", \"format\": \"int64\", \"minimum\": 0, \"description\": \"How many.\"},\n")
                .Append("      \"price\": {\"type\": \"number\", \"format\": \"double\", \"description\": \"The price.\"},\n")
                .Append("      \"created\": {\"type\": \"string\", \"format\": \"date-time\", \"description\": \"When it was created.\"},\n")
                .Append("      \"state\": {\"type\": \"string\", \"enum\": [\"new\", \"used\", \"gone\"], \"description\": \"Its state.\"},\n")
                .Append("      \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, \"description\": \"Labels.\"},\n")
                .Append("      \"owner\": {\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}, \"email\": {\"type\": \"string\", \"format\": \"email\"}}},\n")
                .Append("      \"next\": {\"$ref\": \"#/components/schemas/Thing").Append((s + 1) % schemas).Append("\"}}}").Append(s + 1 < schemas ? ",\n" : "\n");
        }

        return b.Append("  }}\n}\n").ToString();
    }
}
