using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace CpaasGen.Generator.Tests.RealWorld;

/// <summary>The generated code run for real: Kiota's JSON parse nodes, RequestInformation URIs, the adapter factory.</summary>
public class RuntimeTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Shop, version: 1.0.0 }
        servers: [{ url: 'https://shop.example.com' }]
        paths:
          /orders/{id}:
            get:
              operationId: getOrder
              tags: [Orders]
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: api-version, in: query, required: true, schema: { type: string } }
                - { name: $select, in: query, schema: { type: string } }
                - { name: 'filter[name]', in: query, schema: { type: string } }
                - { name: tags, in: query, schema: { type: array, items: { type: string } } }
                - { name: ids, in: query, explode: false, schema: { type: array, items: { type: integer } } }
                - { name: where, in: query, style: deepObject, schema: { type: object, additionalProperties: { type: string } } }
                - { name: session, in: cookie, schema: { type: string } }
                - { name: theme, in: cookie, schema: { type: string } }
              responses:
                '200':
                  description: The order.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status]
                        properties:
                          status: { type: string, enum: [open, shipped] }
                          lines:
                            type: array
                            items:
                              type: object
                              properties:
                                sku: { type: string }
                                quantity: { type: integer, format: uint64 }
        """;

    private static (GeneratorResult Result, Assembly Assembly) Build()
    {
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.KiotaRuntimeReferences.Value, "namespace Consumer { internal static class Anchor { } }");
        var result = GeneratorHarness.Run(Spec, compilation: compilation);
        DiagnosticAssert.GeneratorDidNotThrow(result);
        Assert.True(result.GeneratorDiagnostics.IsEmpty, GeneratorHarness.Describe(result.GeneratorDiagnostics));
        DiagnosticAssert.OutputCompiles(result);
        return (result, GeneratedAssembly.Load(result));
    }

    [Fact]
    public void InlineResponseEnumAndListItemsAreReadNotDroppedIntoAdditionalData()
    {
        var (_, assembly) = Build();
        var type = assembly.Type("Shop.GetOrderResponse");
        var json = """{"status":"shipped","lines":[{"sku":"A-1","quantity":18446744073709551615}],"extra":1}""";

        var value = Parse(type, json);

        var status = type.GetProperty("Status")!.GetValue(value)!;
        Assert.Equal("shipped", status.ToString());
        var lines = (System.Collections.IList)type.GetProperty("Lines")!.GetValue(value)!;
        var line = lines[0]!;
        Assert.Equal("A-1", line.GetType().GetProperty("Sku")!.GetValue(line));
        Assert.Equal(18446744073709551615m, line.GetType().GetProperty("Quantity")!.GetValue(line));
        var additional = (IDictionary<string, object>)type.GetProperty("AdditionalData")!.GetValue(value)!;
        Assert.Equal(new[] { "extra" }, additional.Keys.ToArray());
    }

    [Fact]
    public void QueryNamesOutsideTheTemplateAlphabetArraysObjectsAndCookiesReachTheWire()
    {
        var (_, assembly) = Build();
        var clientType = assembly.Type("Shop.OrdersClient");
        var adapter = (IRequestAdapter)assembly.Type("Shop.ShopClient").GetMethod("CreateRequestAdapter")!.Invoke(null, new object?[] { new AnonymousAuthenticationProvider(), null })!;
        var client = Activator.CreateInstance(clientType, adapter)!;
        var build = clientType.GetMethod("ToGetOrderRequestInformation")!;
        var args = new object?[]
        {
            "o/1", "2024-01-01", "name,total", "Ann & Bob", new List<string> { "a", "b c" }, new List<int> { 1, 2 },
            new Dictionary<string, string> { ["state"] = "open" }, "s1;x", "dark",
        };

        var info = (RequestInformation)build.Invoke(client, args)!;
        info.PathParameters["baseurl"] = "https://shop.example.com";

        var uri = info.URI.OriginalString;
        Assert.StartsWith("https://shop.example.com/orders/o%2F1?", uri, StringComparison.Ordinal);
        Assert.Contains("api%2Dversion=2024-01-01", uri, StringComparison.Ordinal);
        Assert.Contains("%24select=name%2Ctotal", uri, StringComparison.Ordinal);
        Assert.Contains("filter%5Bname%5D=Ann%20%26%20Bob", uri, StringComparison.Ordinal);
        Assert.Contains("tags=a&tags=b%20c", uri, StringComparison.Ordinal);
        Assert.Contains("ids=1,2", uri, StringComparison.Ordinal);
        Assert.Contains("where%5Bstate%5D=open", uri, StringComparison.Ordinal);
        Assert.Equal("session=s1%3Bx; theme=dark", Assert.Single(info.Headers["Cookie"]));
        Assert.Equal("application/json", Assert.Single(info.Headers["Accept"]));
    }

    [Fact]
    public void CreateRequestAdapterRegistersSerializersWithoutProcessWideState()
    {
        var before = SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.Count;
        var parsersBefore = ParseNodeFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.Count;
        var (result, assembly) = Build();
        var create = assembly.Type("Shop.ShopClient").GetMethod("CreateRequestAdapter")!;

        var first = (IRequestAdapter)create.Invoke(null, new object?[] { new AnonymousAuthenticationProvider(), null })!;
        var second = (IRequestAdapter)create.Invoke(null, new object?[] { new AnonymousAuthenticationProvider(), null })!;

        Assert.Equal("https://shop.example.com", first.BaseUrl);
        var registry = Assert.IsType<SerializationWriterFactoryRegistry>(first.SerializationWriterFactory);
        Assert.NotSame(SerializationWriterFactoryRegistry.DefaultInstance, registry);
        Assert.NotSame(registry, second.SerializationWriterFactory);
        Assert.IsType<JsonSerializationWriterFactory>(registry.ContentTypeAssociatedFactories["application/json"]);
        Assert.Equal(before, SerializationWriterFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.Count);
        Assert.Equal(parsersBefore, ParseNodeFactoryRegistry.DefaultInstance.ContentTypeAssociatedFactories.Count);
        Assert.DoesNotContain("DefaultInstance", result.Source("Shop.ShopClient.g.cs"), StringComparison.Ordinal);
    }

    private static object Parse(Type type, string json)
    {
        var node = new JsonParseNode(JsonDocument.Parse(json).RootElement);
        var factory = Delegate.CreateDelegate(typeof(ParsableFactory<>).MakeGenericType(type), type.GetMethod("CreateFromDiscriminatorValue")!);
        var get = typeof(IParseNode).GetMethod(nameof(IParseNode.GetObjectValue))!.MakeGenericMethod(type);
        return get.Invoke(node, new object[] { factory })!;
    }
}
