using CpaasGen.Generator.Infrastructure;

namespace CpaasGen.Generator.Model;

/// <summary>One operation group (an OpenAPI tag) emitted as one client class.</summary>
internal sealed record ClientSpec(
    string Namespace,
    string Accessibility,
    string Name,
    string? Description,
    EquatableArray<OperationSpec> Operations);

internal enum BodyContentKind
{
    Json,
    Form,
}

/// <summary>One operation: everything its method and its RequestInformation builder need.</summary>
/// <param name="MethodName">The method name without the <c>Async</c> suffix.</param>
/// <param name="HttpMethod">Kiota <c>Method</c> member name (GET, POST, …).</param>
/// <param name="UrlTemplate">RFC 6570 template as Kiota expects it, starting with <c>{+baseurl}</c>.</param>
/// <param name="ResponseType">The success body's model name, or null when the operation answers with no content.</param>
internal sealed record OperationSpec(
    string OperationId,
    string MethodName,
    string HttpMethod,
    string Path,
    string UrlTemplate,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterSpec> Parameters,
    RequestBodySpec? Body,
    string? ResponseType,
    string? SuccessStatus,
    EquatableArray<ErrorMappingSpec> Errors);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <param name="WireName">The name on the wire (query key, header name, path variable).</param>
/// <param name="Name">The C# parameter name (a valid identifier, already escaped with '@' when needed).</param>
/// <param name="TemplateName">The variable name used in the URL template and Kiota's parameter dictionaries.</param>
internal sealed record ParameterSpec(
    string WireName,
    string Name,
    string TemplateName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    string? Description);

internal sealed record RequestBodySpec(string TypeName, BodyContentKind ContentKind, string ContentType, bool Required, string? Description);

/// <param name="StatusKey">Kiota error-mapping key: "404", "4XX", "5XX" or "XXX" (OpenAPI <c>default</c>).</param>
internal sealed record ErrorMappingSpec(string StatusKey, string TypeName, string? Description);

/// <summary>The root client: constructed from an <c>IRequestAdapter</c>, exposing one property per group client.</summary>
internal sealed record RootClientSpec(
    string Namespace,
    string Accessibility,
    string Name,
    string? Title,
    string? Description,
    string? DefaultBaseUrl,
    EquatableArray<GroupRefSpec> Groups);

internal sealed record GroupRefSpec(string PropertyName, string ClientName, string? Description);

/// <summary>Shared helpers emitted once per spec (path encoding, JSON fast path helpers).</summary>
internal sealed record SupportSpec(string Namespace, string Accessibility);
