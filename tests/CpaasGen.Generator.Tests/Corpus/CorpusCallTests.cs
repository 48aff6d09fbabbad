using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CpaasGen.Generator.Tests.RealWorld;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace CpaasGen.Generator.Tests.Corpus;

/// <summary>
/// Real calls for a handful of corpus documents, from six vendors and both OpenAPI versions: the generated client
/// sends the operation over HTTP to a WireMock stub (127.0.0.1) answering with the document's own response example;
/// the model the client returns, written back with Kiota's writer and with the fast path, must equal that example
/// (members with null values aside; numbers by value; date-times by instant), and the fast path must read the
/// example into the same model. Documents come from the corpus cache, as in <see cref="CorpusTests"/>. Chosen among
/// the GET operations with an object example and no required query parameter; left out: documents whose example
/// contradicts their own schema (impala.travel/hotels: date-times in <c>format: date</c> members; truora.com: a
/// required member missing), which both read paths handle as the schema says, and large documents (spoonacular.com
/// passes too, but compiling and loading its client takes a minute of CI time).
/// </summary>
public class CorpusCallTests : IClassFixture<CorpusCallTests.Server>
{
    private readonly Server _server;

    public CorpusCallTests(Server server) => _server = server;

    public static IEnumerable<object[]> Calls => new[]
    {
        new object[] { CorpusSample.ExamplesFolder, "3.1/json/train-travel.json", "/stations" },
        new object[] { CorpusSample.ExamplesFolder, "3.0/json/uspto.json", "/" },
        new object[] { CorpusSample.DirectoryFolder, "api/notion.com.json", "/v1/blocks/{id}" },
        new object[] { CorpusSample.DirectoryFolder, "api/azure.com/cognitiveservices-Personalizer.json", "/configurations/service" },
        new object[] { CorpusSample.DirectoryFolder, "api/taxrates.io.json", "/v1/tax/countrycode" },
        new object[] { CorpusSample.DirectoryFolder, "api/tisane.ai.json", "/lm/family" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task TheGeneratedClientReadsTheDocumentsExampleFromAStub(string corpus, string document, string path)
    {
        var text = File.ReadAllText(Path.Combine(CorpusSample.Require(corpus), document));
        using var spec = JsonDocument.Parse(text);
        var example = ResponseExample(spec.RootElement, path);
        var call = GeneratedCall.Build(text, path);
        var wirePath = "/" + string.Join("/", path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.StartsWith('{') ? "1" : s));
        if (wirePath.Length > 1 && path.EndsWith('/'))
        {
            wirePath += "/";
        }

        _server.Wire.Reset();
        _server.Wire.Given(Request.Create().WithPath(wirePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(example.GetRawText()));

        var model = await call.InvokeAsync(_server.Wire.Url!);

        var request = Assert.Single(_server.Wire.LogEntries);
        Assert.Equal(wirePath, request.RequestMessage.Path);
        Assert.Equal("application/json", request.RequestMessage.Headers!["Accept"].Single());
        AssertSameJson(example, KiotaJson(model), call.ReadOnlyMembers, "written back by Kiota");
        AssertSameJson(example, call.WriteFast(model), call.ReadOnlyMembers, "written back by the fast path");
        AssertSameJson(example, call.WriteFast(call.ReadFast(Encoding.UTF8.GetBytes(example.GetRawText()))), call.ReadOnlyMembers, "read and written by the fast path");

        // Read-only members are read but never written back (the server sets them): they must have been read.
        foreach (var member in example.EnumerateObject().Where(m => call.ReadOnlyMembers.Contains(m.Name) && m.Value.ValueKind != JsonValueKind.Null))
        {
            Assert.True(call.HasValue(model, member.Name), "The read-only member '" + member.Name + "' of the example was not read.");
        }
    }

    /// <summary>The 200 <c>application/json</c> example of the GET at <paramref name="path"/> (inline or the first of <c>examples</c>).</summary>
    private static JsonElement ResponseExample(JsonElement root, string path)
    {
        var response = Follow(root, root.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200"));
        var media = response.GetProperty("content").GetProperty("application/json");
        if (media.TryGetProperty("example", out var example))
        {
            return example;
        }

        return Follow(root, media.GetProperty("examples").EnumerateObject().First().Value).GetProperty("value");
    }

    private static JsonElement Follow(JsonElement root, JsonElement node)
    {
        while (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference))
        {
            node = root;
            foreach (var segment in reference.GetString()!.Substring(2).Split('/'))
            {
                node = node.GetProperty(segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }
        }

        return node;
    }

    private static string KiotaJson(object model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue<IParsable>(null, (IParsable)model);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }

    private static void AssertSameJson(JsonElement expected, string actualJson, ISet<string> readOnly, string how)
    {
        using var actual = JsonDocument.Parse(actualJson);
        var differences = new List<string>();
        Compare(expected, actual.RootElement, "$", readOnly, differences);
        Assert.True(differences.Count == 0, "The model " + how + " differs from the example:\n  " + string.Join("\n  ", differences.Take(10)) + "\n" + actualJson);
    }

    private static void Compare(JsonElement expected, JsonElement actual, string at, ISet<string> readOnly, List<string> differences)
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var left = expected.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value);
            var right = actual.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value);
            foreach (var name in left.Keys.Union(right.Keys))
            {
                if (!left.TryGetValue(name, out var l) || !right.TryGetValue(name, out var r))
                {
                    if (!(left.ContainsKey(name) && readOnly.Contains(name)))
                    {
                        differences.Add(at + "." + name + (left.ContainsKey(name) ? " is missing" : " was not in the example"));
                    }

                    continue;
                }

                Compare(l, r, at + "." + name, readOnly, differences);
            }

            return;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            if (expected.GetArrayLength() != actual.GetArrayLength())
            {
                differences.Add(at + ": " + expected.GetArrayLength() + " items, found " + actual.GetArrayLength());
                return;
            }

            for (var i = 0; i < expected.GetArrayLength(); i++)
            {
                Compare(expected[i], actual[i], at + "[" + i + "]", readOnly, differences);
            }

            return;
        }

        var same = (expected.ValueKind, actual.ValueKind) switch
        {
            (JsonValueKind.Number, JsonValueKind.Number) => expected.GetDecimal() == actual.GetDecimal(),
            (JsonValueKind.String, JsonValueKind.String) => expected.GetString() == actual.GetString() || SameInstant(expected.GetString()!, actual.GetString()!),
            _ => expected.ValueKind == actual.ValueKind && expected.GetRawText() == actual.GetRawText(),
        };
        if (!same)
        {
            differences.Add(at + ": expected " + expected.GetRawText() + ", found " + actual.GetRawText());
        }
    }

    private static bool SameInstant(string left, string right)
        => left.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var l)
            && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var r)
            && l == r;

    /// <summary>One WireMock server (127.0.0.1, free port) for the class; each test resets it.</summary>
    public sealed class Server : IDisposable
    {
        public WireMockServer Wire { get; } = WireMockServer.Start();

        public void Dispose() => Wire.Stop();
    }

    /// <summary>A document's client compiled and loaded, with the operation at one path found by its URL template.</summary>
    private sealed class GeneratedCall
    {
        private readonly Assembly _assembly;
        private readonly Type _client;
        private readonly Type _root;
        private readonly MethodInfo _method;

        private static readonly Regex ReadOnlyMember = new(@"<remarks>JSON member <c>([^<]*)</c>[^\n]*Read-only: set by the server, never sent\.", RegexOptions.CultureInvariant);

        private GeneratedCall(Assembly assembly, Type client, Type root, MethodInfo method, ISet<string> readOnlyMembers)
        {
            _assembly = assembly;
            _client = client;
            _root = root;
            _method = method;
            ReadOnlyMembers = readOnlyMembers;
        }

        /// <summary>JSON members that some generated model marks read-only (read, never written back).</summary>
        public ISet<string> ReadOnlyMembers { get; }

        /// <summary>True when the model's property for a JSON member holds a value (found through its deserializers' keys order).</summary>
        public bool HasValue(object model, string jsonName)
        {
            var property = model.GetType().GetProperties().SingleOrDefault(p => string.Equals(p.Name, jsonName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Name.Replace("_", string.Empty, StringComparison.Ordinal), jsonName.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            return property?.GetValue(model) is not null;
        }

        public static GeneratedCall Build(string text, string path)
        {
            var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.KiotaRuntimeReferences.Value, "namespace Consumer { internal static class Anchor { } }");
            var result = GeneratorHarness.Run(text, "/corpus/openapi.json", new Dictionary<string, string> { ["CpaasGenMode"] = "lenient" }, compilation);
            DiagnosticAssert.GeneratorDidNotThrow(result);
            DiagnosticAssert.OutputCompiles(result);

            // The operation: the client method documented as this GET (its remarks name method and path); the model:
            // what its task returns.
            var method = result.Output.GetSymbolsWithName(n => n.EndsWith("Async", StringComparison.Ordinal), SymbolFilter.Member)
                .OfType<IMethodSymbol>()
                .Single(m => (m.GetDocumentationCommentXml() ?? string.Empty).Contains("HTTP: GET " + path + " (", StringComparison.Ordinal));
            var model = ((INamedTypeSymbol)method.ReturnType).TypeArguments.Single();
            var methodName = method.Name;
            var field = method;
            var root = result.Output.GetSymbolsWithName(n => n.EndsWith("Client", StringComparison.Ordinal), SymbolFilter.Type).OfType<INamedTypeSymbol>()
                .Single(t => t.GetMembers("CreateRequestAdapter").Any());
            var probe = $$"""
                namespace Probe
                {
                    internal static class Calls
                    {
                        public static object Read(byte[] json)
                        {
                            var reader = new global::System.Text.Json.Utf8JsonReader(json);
                            reader.Read();
                            return global::{{model.ToDisplayString()}}.ReadFrom(ref reader);
                        }
                    }
                }
                """;
            var output = result.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(probe, GeneratorHarness.ParseOptions));
            var assembly = GeneratedAssembly.Load(new GeneratorResult(result.RunResult, result.GeneratorDiagnostics, output));
            var client = assembly.Type(field.ContainingType.ToDisplayString());
            var readOnly = new HashSet<string>(
                result.Sources.SelectMany(s => ReadOnlyMember.Matches(s.SourceText.ToString())).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)),
                StringComparer.Ordinal);
            return new GeneratedCall(assembly, client, assembly.Type(root.ToDisplayString()), client.GetMethod(methodName)!, readOnly);
        }

        public async Task<object> InvokeAsync(string baseUrl)
        {
            using var http = new System.Net.Http.HttpClient();
            var adapter = (IRequestAdapter)_root.GetMethod("CreateRequestAdapter")!.Invoke(null, new object?[] { new AnonymousAuthenticationProvider(), http })!;
            adapter.BaseUrl = baseUrl;
            var client = Activator.CreateInstance(_client, adapter)!;
            var arguments = _method.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                : p.HasDefaultValue ? p.DefaultValue
                : p.ParameterType == typeof(string) ? "1"
                : Convert.ChangeType(1, Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType, CultureInfo.InvariantCulture)).ToArray();
            var task = (Task)_method.Invoke(client, arguments)!;
            await task;
            return task.GetType().GetProperty("Result")!.GetValue(task)!;
        }

        public object ReadFast(byte[] json)
        {
            try
            {
                return _assembly.Type("Probe.Calls").GetMethod("Read")!.Invoke(null, new object[] { json })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }

        public string WriteFast(object model)
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                model.GetType().GetMethod("WriteJson")!.Invoke(model, new object[] { writer });
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
