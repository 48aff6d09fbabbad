using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Cpaas.Testing.Internal;

/// <summary>
/// One operation of the API description, with the example its stub answers, the first example of its 4xx answers, and
/// the examples of its answers declared by exact status (<c>"403"</c>, not <c>"4XX"</c>).
/// </summary>
internal sealed record ApiOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    bool RequiresAuth,
    int SuccessStatus,
    JsonNode? SuccessExample,
    JsonNode? ErrorExample,
    IReadOnlyDictionary<int, JsonNode>? StatusExamples = null)
{
    /// <summary>The example of the answer declared for exactly <paramref name="status"/>, or null.</summary>
    public JsonNode? ExampleFor(int status) => StatusExamples is not null && StatusExamples.TryGetValue(status, out var example) ? example : null;
}

/// <summary>
/// What the test kit takes from the OpenAPI document (read with Microsoft.OpenApi and its YAML reader): every operation
/// (path × method) with its success status and example, the error body examples (of the responses and of the error
/// schemas), and the webhook notification examples of the callbacks.
/// </summary>
internal sealed class ApiDescription
{
    public const string ResourceName = "openapi.yaml";

    private static readonly Lazy<ApiDescription> EmbeddedInstance = new(LoadEmbedded);

    private ApiDescription(OpenApiDocument document)
    {
        var operations = new List<ApiOperation>();
        var notifications = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var globalSecurity = document.Security is { Count: > 0 };
        foreach (var (path, item) in document.Paths ?? new OpenApiPaths())
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var id = operation.OperationId
                    ?? throw new InvalidOperationException("The API description's operation " + method.Method + " " + path + " has no operationId.");
                var requiresAuth = operation.Security is { } security ? security.Count > 0 : globalSecurity;
                operations.Add(Build(id, method, path, requiresAuth, operation));
                foreach (var callback in (operation.Callbacks ?? new Dictionary<string, IOpenApiCallback>()).Values)
                {
                    foreach (var callbackItem in (callback.PathItems ?? []).Values)
                    {
                        foreach (var callbackOperation in (callbackItem.Operations ?? []).Values)
                        {
                            var media = Json(callbackOperation.RequestBody?.Content);
                            if ((media?.Example ?? SchemaExample(media?.Schema)) is JsonObject { Count: 1 } example)
                            {
                                notifications.TryAdd(example.First().Key, example);
                            }
                        }
                    }
                }
            }
        }

        Operations = operations;
        Notifications = notifications;
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (SchemaExample(schema) is { } example)
            {
                _schemaExamples[name] = example;
            }
        }
    }

    private readonly Dictionary<string, JsonNode> _schemaExamples = new(StringComparer.Ordinal);

    /// <summary>The description embedded in this assembly (spec/openapi.yaml of the repository), read once.</summary>
    public static ApiDescription Embedded => EmbeddedInstance.Value;

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Notification body examples by their single top-level key (<c>inboundSMSMessageNotification</c>, …).</summary>
    public IReadOnlyDictionary<string, JsonObject> Notifications { get; }

    /// <summary>Reads a description (YAML or JSON); throws naming the first problem when it is not valid OpenAPI.</summary>
    public static ApiDescription Parse(string text)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var result = OpenApiDocument.Load(stream, OpenApiConstants.Yaml, settings);
        if (result.Document is null || result.Diagnostic?.Errors is { Count: > 0 })
        {
            var problem = result.Diagnostic?.Errors.FirstOrDefault();
            throw new InvalidOperationException("The API description could not be read: " + (problem is null ? "no document." : problem.Pointer + ": " + problem.Message));
        }

        return new ApiDescription(result.Document);
    }

    /// <summary>The example of a named schema of <c>components/schemas</c> (for example <c>MessageErrorBody</c>), or null.</summary>
    public JsonNode? SchemaExample(string schemaName) => _schemaExamples.GetValueOrDefault(schemaName)?.DeepClone();

    public ApiOperation Operation(string operationId)
        => Operations.FirstOrDefault(o => o.OperationId == operationId)
           ?? throw new InvalidOperationException("The API description has no operation '" + operationId + "'.");

    private static ApiDescription LoadEmbedded()
    {
        using var stream = typeof(ApiDescription).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("CpaasGen.Testing was built without its embedded " + ResourceName + ".");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static ApiOperation Build(string id, HttpMethod method, string path, bool requiresAuth, OpenApiOperation operation)
    {
        var where = "operation '" + id + "' (" + method.Method + " " + path + ")";
        var responses = (operation.Responses ?? new OpenApiResponses()).ToList();
        var success = responses.Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (success.Count == 0)
        {
            throw new InvalidOperationException("The API description's " + where + " has no 2xx response, so the test kit cannot answer it.");
        }

        // The first 2xx response with an example is the stub's answer; a success without any body (204) answers nothing.
        var answered = success.FirstOrDefault(r => Json(r.Value.Content)?.Example is not null);
        JsonNode? example = null;
        var status = StatusOf(success[0].Key);
        if (answered.Value is not null)
        {
            status = StatusOf(answered.Key);
            example = Json(answered.Value.Content)!.Example!.DeepClone();
        }
        else if (success.FirstOrDefault(r => Json(r.Value.Content) is not null) is { Value: not null } withBody)
        {
            throw new InvalidOperationException(
                "The API description has no example for the " + withBody.Key + " response of " + where + ": add an `example` to that response.");
        }

        var error = responses.Where(r => r.Key.StartsWith('4'))
            .Select(r => Json(r.Value.Content) is { } media ? media.Example ?? SchemaExample(media.Schema) : null)
            .FirstOrDefault(e => e is not null)?.DeepClone();
        var byStatus = new Dictionary<int, JsonNode>();
        foreach (var (code, response) in responses)
        {
            if (int.TryParse(code, out var exact) && Json(response.Content)?.Example is { } exactExample)
            {
                byStatus[exact] = exactExample.DeepClone();
            }
        }

        return new ApiOperation(id, method.Method.ToUpperInvariant(), path, requiresAuth, status, example, error, byStatus);
    }

    /// <summary>A schema's example (an OpenAPI 3.0 <c>example</c>, or the first of 3.1's <c>examples</c>).</summary>
    private static JsonNode? SchemaExample(IOpenApiSchema? schema)
    {
#pragma warning disable CS0618 // Example is what an OpenAPI 3.0 document has; Examples is 3.1's.
        return schema?.Examples?.FirstOrDefault() ?? schema?.Example;
#pragma warning restore CS0618
    }

    private static int StatusOf(string code)
        => int.TryParse(code.Replace("XX", "00", StringComparison.OrdinalIgnoreCase), out var status) ? status : 200;

    private static IOpenApiMediaType? Json(IDictionary<string, IOpenApiMediaType>? content)
        => content?.FirstOrDefault(c => c.Key.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || c.Key.EndsWith("+json", StringComparison.OrdinalIgnoreCase)).Value;
}
