using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Cpaas.Testing.Internal;

/// <summary>One operation of the API description, with the example its stub starts from.</summary>
internal sealed class ApiOperation
{
    public ApiOperation(string operationId, string method, string pathTemplate, bool requiresAuth, int successStatus, JsonNode? successExample, string? exampleSource, JsonNode? errorExample)
    {
        OperationId = operationId;
        Method = method;
        PathTemplate = pathTemplate;
        RequiresAuth = requiresAuth;
        SuccessStatus = successStatus;
        SuccessExample = successExample;
        ExampleSource = exampleSource;
        ErrorExample = errorExample;
    }

    public string OperationId { get; }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path as the description writes it, with <c>{name}</c> parameters.</summary>
    public string PathTemplate { get; }

    /// <summary>False when the operation opts out of security (<c>security: []</c>), as the token endpoint does.</summary>
    public bool RequiresAuth { get; }

    /// <summary>The documented success status the stub answers with (the one whose example was used, else the first 2xx).</summary>
    public int SuccessStatus { get; }

    /// <summary>The success body example, or null when the success response has no body.</summary>
    public JsonNode? SuccessExample { get; }

    /// <summary>Where the example came from: <c>own</c> (the operation's response), or how it was composed.</summary>
    public string? ExampleSource { get; }

    /// <summary>The example of the operation's 4xx error body.</summary>
    public JsonNode? ErrorExample { get; }

    public bool HasOwnExample => ExampleSource == ApiDescription.OwnExample;
}

/// <summary>
/// The parts of the OpenAPI document the test kit needs: every operation (path × method) with its success
/// example, the error body examples, and the webhook notification examples of the callbacks.
/// </summary>
internal sealed class ApiDescription
{
    public const string OwnExample = "own";
    public const string ResourceName = "openapi.yaml";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
    private static readonly Lazy<ApiDescription> EmbeddedInstance = new(LoadEmbedded);

    private readonly YamlMappingNode _root;
    private readonly Dictionary<string, JsonNode> _schemaExamples = new(StringComparer.Ordinal);

    private ApiDescription(YamlMappingNode root)
    {
        _root = root;
        var operations = new List<(string Path, string Method, YamlMappingNode Operation)>();
        if (Member(root, "paths") is YamlMappingNode paths)
        {
            foreach (var path in paths.Children)
            {
                if (path.Value is not YamlMappingNode item)
                {
                    continue;
                }

                foreach (var method in Methods)
                {
                    if (Member(item, method) is YamlMappingNode operation)
                    {
                        operations.Add((((YamlScalarNode)path.Key).Value!, method, operation));
                    }
                }
            }
        }

        // First pass: learn an example for every named schema from the explicit examples (so a body that has no
        // example of its own can be composed from the spec's examples of its parts).
        foreach (var (_, _, operation) in operations)
        {
            foreach (var response in Responses(operation))
            {
                IndexMedia(JsonMedia(response.Response));
            }
        }

        var result = new List<ApiOperation>();
        foreach (var (path, method, operation) in operations)
        {
            var operationId = (Member(operation, "operationId") as YamlScalarNode)?.Value
                ?? throw new InvalidOperationException("The API description's operation " + method.ToUpperInvariant() + " " + path + " has no operationId.");
            result.Add(BuildOperation(operationId, method, path, operation));
        }

        Operations = result;
        Notifications = CollectNotificationExamples(operations.Select(o => o.Operation));
    }

    /// <summary>The description embedded in this assembly (spec/openapi.yaml of the repository), parsed once.</summary>
    public static ApiDescription Embedded => EmbeddedInstance.Value;

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Notification body examples by their single top-level key (<c>inboundSMSMessageNotification</c>, …).</summary>
    public IReadOnlyDictionary<string, JsonObject> Notifications { get; }

    public static ApiDescription Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidOperationException("The API description is empty or not a YAML mapping.");
        }

        return new ApiDescription(root);
    }

    public ApiOperation Operation(string operationId)
        => Operations.FirstOrDefault(o => o.OperationId == operationId)
           ?? throw new InvalidOperationException("The API description has no operation '" + operationId + "'.");

    internal static YamlNode? Member(YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static ApiDescription LoadEmbedded()
    {
        using var stream = typeof(ApiDescription).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("CpaasGen.Testing was built without its embedded " + ResourceName + ".");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private ApiOperation BuildOperation(string operationId, string method, string path, YamlMappingNode operation)
    {
        var security = Member(operation, "security") ?? Member(_root, "security");
        var requiresAuth = security is YamlSequenceNode { Children.Count: > 0 };
        var where = "operation '" + operationId + "' (" + method.ToUpperInvariant() + " " + path + ")";

        var responses = Responses(operation).ToList();
        var success = responses.Where(r => r.Code.StartsWith('2')).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        if (success.Count == 0)
        {
            throw new InvalidOperationException("The API description's " + where + " has no 2xx response, so the test kit cannot answer it.");
        }

        int status = StatusOf(success[0].Code);
        JsonNode? example = null;
        string? source = null;
        foreach (var response in success)
        {
            var own = MediaExample(JsonMedia(response.Response));
            if (own is not null)
            {
                status = StatusOf(response.Code);
                example = own;
                source = OwnExample;
                break;
            }
        }

        if (source is null)
        {
            var withBody = success.FirstOrDefault(r => Member(JsonMedia(r.Response), "schema") is not null);
            if (withBody.Response is not null)
            {
                status = StatusOf(withBody.Code);
                var schema = Member(JsonMedia(withBody.Response), "schema")!;
                example = ExampleFor(schema, where + " response " + withBody.Code, 0)
                    ?? throw new InvalidOperationException(
                        "The API description has no example for the " + withBody.Code + " response of " + where
                        + ", and none can be composed from the examples of its schema: add an `example` to that response.");
                source = "composed from the examples of " + SchemaName(schema);
            }
        }

        JsonNode? error = null;
        foreach (var response in responses.Where(r => r.Code.StartsWith('4')))
        {
            var media = JsonMedia(response.Response);
            error = MediaExample(media) ?? (Member(media, "schema") is { } schema ? ExampleFor(schema, where + " response " + response.Code, 0) : null);
            if (error is not null)
            {
                break;
            }
        }

        return new ApiOperation(operationId, method.ToUpperInvariant(), path, requiresAuth, status, example, source, error);
    }

    private static int StatusOf(string code)
        => int.TryParse(code.Replace("XX", "00", StringComparison.OrdinalIgnoreCase), out var status) ? status : 200;

    private IEnumerable<(string Code, YamlMappingNode Response)> Responses(YamlMappingNode operation)
    {
        if (Member(operation, "responses") is not YamlMappingNode responses)
        {
            yield break;
        }

        foreach (var pair in responses.Children)
        {
            if (Deref(pair.Value).Node is YamlMappingNode response)
            {
                yield return (((YamlScalarNode)pair.Key).Value!, response);
            }
        }
    }

    private YamlMappingNode? JsonMedia(YamlMappingNode? holder)
    {
        if (Member(holder, "content") is not YamlMappingNode content)
        {
            return null;
        }

        foreach (var pair in content.Children)
        {
            var type = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
            if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value as YamlMappingNode;
            }
        }

        return null;
    }

    /// <summary>The media type's <c>example</c>, or the value of the first of its <c>examples</c>.</summary>
    private JsonNode? MediaExample(YamlMappingNode? media)
    {
        if (Member(media, "example") is { } example)
        {
            return YamlJson.ToJson(example);
        }

        if (Member(media, "examples") is YamlMappingNode examples)
        {
            foreach (var pair in examples.Children)
            {
                if (Deref(pair.Value).Node is YamlMappingNode named && Member(named, "value") is { } value)
                {
                    return YamlJson.ToJson(value);
                }
            }
        }

        return null;
    }

    private void IndexMedia(YamlMappingNode? media)
    {
        var example = MediaExample(media);
        if (example is not null && Member(media, "schema") is { } schema)
        {
            Index(schema, example, 0);
        }
    }

    /// <summary>Remembers, for each named schema, the first example value the description shows for it.</summary>
    private void Index(YamlNode schema, JsonNode? example, int depth)
    {
        if (example is null || depth > 32)
        {
            return;
        }

        var (name, node) = Deref(schema);
        if (name is not null)
        {
            _schemaExamples.TryAdd(name, example.DeepClone());
        }

        if (node is not YamlMappingNode resolved)
        {
            return;
        }

        if (example is JsonObject obj && Member(resolved, "properties") is YamlMappingNode properties)
        {
            foreach (var property in properties.Children)
            {
                var key = ((YamlScalarNode)property.Key).Value!;
                if (obj.TryGetPropertyValue(key, out var value))
                {
                    Index(property.Value, value, depth + 1);
                }
            }
        }
        else if (example is JsonArray array && Member(resolved, "items") is { } items)
        {
            foreach (var item in array)
            {
                Index(items, item, depth + 1);
            }
        }
    }

    /// <summary>
    /// An example for a schema: its own <c>example</c>, else the example the description shows for that named
    /// schema elsewhere, else one composed member by member from the examples of its properties.
    /// </summary>
    private JsonNode? ExampleFor(YamlNode schema, string where, int depth)
    {
        if (depth > 32)
        {
            return null;
        }

        if (schema is YamlMappingNode own && Member(own, "example") is { } ownExample)
        {
            return YamlJson.ToJson(ownExample);
        }

        var (name, node) = Deref(schema);
        if (node is not YamlMappingNode resolved)
        {
            return null;
        }

        if (!ReferenceEquals(resolved, schema) && Member(resolved, "example") is { } example)
        {
            return YamlJson.ToJson(example);
        }

        if (name is not null && _schemaExamples.TryGetValue(name, out var known))
        {
            return known.DeepClone();
        }

        if (Member(resolved, "properties") is YamlMappingNode properties)
        {
            var required = Member(resolved, "required") is YamlSequenceNode list
                ? list.Children.OfType<YamlScalarNode>().Select(s => s.Value).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string?>(StringComparer.Ordinal);
            var result = new JsonObject();
            foreach (var property in properties.Children)
            {
                var key = ((YamlScalarNode)property.Key).Value!;
                var value = ExampleFor(property.Value, where + " member " + key, depth + 1);
                if (value is not null)
                {
                    result[key] = value;
                }
                else if (required.Contains(key))
                {
                    throw new InvalidOperationException(
                        "The API description has no example for the required member '" + key + "' (" + where + "): add an `example` to the response or to that member.");
                }
            }

            return result.Count > 0 ? result : null;
        }

        if (Member(resolved, "items") is { } items)
        {
            var item = ExampleFor(items, where + " item", depth + 1);
            return item is null ? new JsonArray() : new JsonArray(item);
        }

        if (Member(resolved, "oneOf") is YamlSequenceNode oneOf)
        {
            foreach (var alternative in oneOf.Children)
            {
                var value = ExampleFor(alternative, where, depth + 1);
                if (value is not null)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private IReadOnlyDictionary<string, JsonObject> CollectNotificationExamples(IEnumerable<YamlMappingNode> operations)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (Member(operation, "callbacks") is not YamlMappingNode callbacks)
            {
                continue;
            }

            foreach (var callback in callbacks.Children)
            {
                if (Deref(callback.Value).Node is not YamlMappingNode expressions)
                {
                    continue;
                }

                foreach (var expression in expressions.Children)
                {
                    if (Member(expression.Value as YamlMappingNode, "post") is not YamlMappingNode post)
                    {
                        continue;
                    }

                    var callbackId = (Member(post, "operationId") as YamlScalarNode)?.Value ?? ((YamlScalarNode)callback.Key).Value!;
                    var body = Deref(Member(post, "requestBody")).Node as YamlMappingNode;
                    var media = JsonMedia(body);
                    var example = MediaExample(media)
                        ?? (Member(media, "schema") is { } schema ? ExampleFor(schema, "callback '" + callbackId + "'", 0) : null);
                    if (example is JsonObject { Count: 1 } envelope)
                    {
                        result.TryAdd(envelope.First().Key, envelope);
                    }
                }
            }
        }

        return result;
    }

    private static string SchemaName(YamlNode schema)
        => schema is YamlMappingNode map && Member(map, "$ref") is YamlScalarNode reference ? reference.Value!.Split('/')[^1] : "its schema";

    /// <summary>Follows <c>$ref</c> (local JSON pointers only); returns the last component name seen.</summary>
    private (string? Name, YamlNode? Node) Deref(YamlNode? node)
    {
        string? name = null;
        for (var hops = 0; hops < 16 && node is YamlMappingNode map && Member(map, "$ref") is YamlScalarNode reference; hops++)
        {
            var pointer = reference.Value ?? string.Empty;
            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The test kit only follows local references; '" + pointer + "' is not one.");
            }

            YamlNode? current = _root;
            foreach (var raw in pointer[2..].Split('/'))
            {
                var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                current = Member(current as YamlMappingNode, segment)
                    ?? throw new InvalidOperationException("The API description's reference '" + pointer + "' points nowhere.");
            }

            name = pointer;
            node = current;
        }

        return (name, node);
    }
}
