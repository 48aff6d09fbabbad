using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Cpaas.Testing.Internal;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Cpaas.Testing.Tests;

/// <summary>
/// The kit cannot drift from the spec: every path × method of spec/openapi.yaml (read here from the file, not
/// through the kit) is sent to the server, and each must be answered by the stub titled with its operationId.
/// </summary>
public sealed class SpecCoverageTests
{
    [Fact]
    public async Task Every_operation_of_the_spec_has_a_stub()
    {
        var spec = SpecFile.Load();
        var operations = SpecFile.Operations(spec).ToList();
        Assert.True(operations.Count >= 18, "the spec should have all its operations; found " + operations.Count);

        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await TokenAsync(server, http);
        var answered = new List<string>();
        foreach (var (path, method, operation) in operations)
        {
            var operationId = ((YamlScalarNode)operation.Children[new YamlScalarNode("operationId")]).Value!;
            var url = server.Root() + FillPath(spec, path, operation, server.UserId);
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
            request.Content = RequestBody(operation);
            if (!SpecFile.IsPublic(spec, operation))
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            }

            server.WireMockServer.ResetLogEntries();
            using var response = await http.SendAsync(request);

            var entry = Assert.Single(server.WireMockServer.LogEntries);
            Assert.True(operationId == entry.MappingTitle, method.ToUpperInvariant() + " " + path + " (" + operationId + ") was answered by '" + entry.MappingTitle + "' with " + (int)response.StatusCode);
            if (!SpecFile.IsPublic(spec, operation))
            {
                Assert.NotEqual(401, (int)response.StatusCode); // the token was accepted (the token endpoint itself refuses the example's credentials)
            }

            answered.Add(operationId);
        }

        // And the other way round: the kit has no stub for an operation the spec does not have.
        var kitTitles = server.WireMockServer.Mappings.Select(m => m.Title ?? string.Empty).Where(t => t != Stubs.UnmatchedTitle).OrderBy(t => t, StringComparer.Ordinal).ToList();
        Assert.Equal(answered.OrderBy(t => t, StringComparer.Ordinal).ToList(), kitTitles);
    }

    [Fact]
    public async Task Plus_in_a_path_is_matched_raw_and_percent_encoding_is_decoded()
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await TokenAsync(server, http);
        foreach (var sender in new[] { "+16137005555", "%2B16137006666" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, server.Root() + "/cpaas/smsmessaging/v1/" + server.UserId + "/outbound/" + sender + "/requests")
            {
                Content = new StringContent("{\"outboundSMSMessageRequest\":{\"address\":[\"+16131234567\"],\"outboundSMSTextMessage\":{\"message\":\"x\"}}}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            Assert.Equal(201, (int)response.StatusCode);
        }

        Assert.Equal(["+16137005555", "+16137006666"], server.SentMessages.Select(m => m.Sender));
    }

    internal static async Task<string> TokenAsync(CpaasMockServer server, HttpClient http)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = server.ClientId,
            ["client_secret"] = CpaasMockServerOptions.DefaultClientSecret,
            ["scope"] = "openid",
        });
        using var response = await http.PostAsync(server.Root() + "/cpaas/auth/v1/token", form);
        Assert.Equal(200, (int)response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The path with {userId} = the kit's user and every other parameter = its example in the spec.</summary>
    private static string FillPath(YamlMappingNode spec, string path, YamlMappingNode operation, string userId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (SpecFile.Member(operation, "parameters") is YamlSequenceNode parameters)
        {
            foreach (var parameter in parameters.Children.Select(p => SpecFile.Deref(spec, p)).OfType<YamlMappingNode>())
            {
                var name = ((YamlScalarNode)SpecFile.Member(parameter, "name")!).Value!;
                values[name] = (SpecFile.Member(parameter, "example") as YamlScalarNode)?.Value ?? "sample-" + name;
            }
        }

        foreach (var (name, value) in values)
        {
            path = path.Replace("{" + name + "}", name == "userId" ? userId : value, StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>The spec's own request example, as JSON or as a form.</summary>
    private static HttpContent? RequestBody(YamlMappingNode operation)
    {
        if (SpecFile.Member(operation, "requestBody") is not YamlMappingNode body || SpecFile.Member(body, "content") is not YamlMappingNode content)
        {
            return null;
        }

        var (type, media) = content.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)).First();
        var example = SpecFile.Member(media, "example");
        if (type == "application/x-www-form-urlencoded" && example is YamlMappingNode fields)
        {
            return new FormUrlEncodedContent(fields.Children.ToDictionary(f => ((YamlScalarNode)f.Key).Value!, f => ((YamlScalarNode)f.Value).Value!));
        }

        return new StringContent(example is null ? "{}" : WireJson.Serialize(SpecFile.ToJson(example)), Encoding.UTF8, type);
    }
}

/// <summary>Reads spec/openapi.yaml (copied next to the tests) with YamlDotNet, independently of the kit.</summary>
internal static class SpecFile
{
    /// <summary>A YAML example as JSON (flow-style JSON examples: quoted scalars are strings, plain ones numbers, booleans or null).</summary>
    public static System.Text.Json.Nodes.JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new System.Text.Json.Nodes.JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new System.Text.Json.Nodes.JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } plain => Plain(plain.Value),
        YamlScalarNode scalar => System.Text.Json.Nodes.JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static System.Text.Json.Nodes.JsonNode? Plain(string? value)
    {
        if (value is null or "~" or "null" or "")
        {
            return null;
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return System.Text.Json.Nodes.JsonValue.Create(value);
        }
    }

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Spec", "openapi.yaml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static string Text() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "openapi.yaml"));

    public static IEnumerable<(string Path, string Method, YamlMappingNode Operation)> Operations(YamlMappingNode spec)
    {
        foreach (var path in ((YamlMappingNode)Member(spec, "paths")!).Children)
        {
            foreach (var method in Methods)
            {
                if (Member((YamlMappingNode)path.Value, method) is YamlMappingNode operation)
                {
                    yield return (((YamlScalarNode)path.Key).Value!, method, operation);
                }
            }
        }
    }

    public static string OperationId(YamlMappingNode operation) => ((YamlScalarNode)Member(operation, "operationId")!).Value!;

    public static bool IsPublic(YamlMappingNode spec, YamlMappingNode operation)
        => (Member(operation, "security") ?? Member(spec, "security")) is not YamlSequenceNode { Children.Count: > 0 };

    public static YamlNode? Member(YamlMappingNode? map, string key)
        => map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlNode Deref(YamlMappingNode spec, YamlNode node)
    {
        while (node is YamlMappingNode map && Member(map, "$ref") is YamlScalarNode reference)
        {
            YamlNode current = spec;
            foreach (var segment in reference.Value!.TrimStart('#', '/').Split('/'))
            {
                current = Member((YamlMappingNode)current, segment)!;
            }

            node = current;
        }

        return node;
    }
}
