using CpaasGen.Generator.Infrastructure;

namespace CpaasGen.Generator.Model;

/// <summary>One operation group (an OpenAPI tag, or the first path segment when there is none) emitted as one client class.</summary>
internal sealed record ClientSpec(
    string Namespace,
    string Accessibility,
    string Name,
    string? Description,
    EquatableArray<OperationSpec> Operations,
    bool UsesDeprecated = false);

/// <summary>How a body travels.</summary>
internal enum BodyContentKind
{
    /// <summary>JSON (<c>application/json</c>, <c>*+json</c>): a model, a list, a scalar or an untyped node.</summary>
    Json,
    /// <summary><c>application/x-www-form-urlencoded</c>: a model written by Kiota's form serializer.</summary>
    Form,
    /// <summary><c>text/plain</c> and other <c>text/*</c> except XML/HTML bodies of JSON-less operations: a string.</summary>
    Text,
    /// <summary>Everything else (octet-stream, <c>image/*</c>, PDF, XML, <c>multipart/form-data</c>…): a <c>Stream</c>.</summary>
    Stream,
}

/// <summary>One operation: everything its method and its RequestInformation builder need.</summary>
/// <param name="MethodName">The method name without the <c>Async</c> suffix.</param>
/// <param name="HttpMethod">Kiota <c>Method</c> member name (GET, POST, …).</param>
/// <param name="UrlTemplate">RFC 6570 template as Kiota expects it, starting with <c>{+baseurl}</c> (or an operation's own server URL).</param>
/// <param name="Response">The success body, or null when the operation answers with no content.</param>
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
    ResponseSpec? Response,
    string? SuccessStatus,
    EquatableArray<ErrorMappingSpec> Errors);

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>How a query parameter's array or object value is expanded (OpenAPI <c>style</c>/<c>explode</c>).</summary>
internal enum ParameterStyle
{
    /// <summary>A scalar, or an array/object with <c>explode: true</c> (<c>ids=1&amp;ids=2</c>, <c>a=1&amp;b=2</c>).</summary>
    Exploded,
    /// <summary><c>explode: false</c>: one comma-separated value (<c>ids=1,2</c>).</summary>
    Joined,
    /// <summary><c>style: deepObject</c>: <c>filter[a]=1&amp;filter[b]=2</c>.</summary>
    DeepObject,
}

/// <param name="WireName">The name on the wire (query key, header name, path variable, cookie name).</param>
/// <param name="Name">The C# parameter name (a valid identifier, already escaped with '@' when needed).</param>
/// <param name="TemplateName">The URI-template variable name (RFC 6570 varname: other characters percent-encoded), also Kiota's dictionary key.</param>
/// <param name="IsMap">An object-valued query parameter, passed as a string dictionary.</param>
internal sealed record ParameterSpec(
    string WireName,
    string Name,
    string TemplateName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    string? Description,
    ParameterStyle Style = ParameterStyle.Exploded,
    bool IsMap = false,
    bool IsDeprecated = false);

/// <param name="Type">The body type for JSON and form bodies; null for text and stream bodies.</param>
internal sealed record RequestBodySpec(TypeRef? Type, BodyContentKind ContentKind, string ContentType, bool Required, string? Description);

/// <param name="Type">The body type for JSON bodies; null for text and stream bodies.</param>
/// <param name="Optional">Another success status has no body, so the method returns null for it.</param>
internal sealed record ResponseSpec(TypeRef? Type, BodyContentKind ContentKind, string Accept, bool Optional);

/// <param name="StatusKey">Kiota error-mapping key: "404", "4XX", "5XX" or "XXX" (OpenAPI <c>default</c>).</param>
/// <param name="TypeName">The exception type thrown: the error model, or its wrapper when the model is also a success body.</param>
internal sealed record ErrorMappingSpec(string StatusKey, string TypeName, string? Description);

/// <summary>The root client: constructed from an <c>IRequestAdapter</c>, exposing one property per group client.</summary>
/// <param name="Factories">Which Kiota serialization packages the consuming project references (for <c>CreateRequestAdapter</c>).</param>
internal sealed record RootClientSpec(
    string Namespace,
    string Accessibility,
    string Name,
    string? Title,
    string? Description,
    string? DefaultBaseUrl,
    EquatableArray<GroupRefSpec> Groups,
    KiotaPackages Factories = default);

internal sealed record GroupRefSpec(string PropertyName, string ClientName, string? Description);

/// <summary>Kiota packages the consuming compilation references, read once from the compilation as plain flags.</summary>
internal readonly record struct KiotaPackages(bool HttpClientLibrary, bool Json, bool Text, bool Form, bool Multipart);

/// <summary>Shared helpers emitted once per spec (path encoding, JSON fast path helpers).</summary>
/// <param name="UsesValues">Some model or client needs <c>GeneratedValues</c> (extra scalar formats, array/map/cookie parameters, text bodies).</param>
/// <param name="UsesDiscriminators">Some model's factories dispatch on a discriminator (<c>GeneratedDiscriminator</c>).</param>
internal sealed record SupportSpec(string Namespace, string Accessibility, bool UsesValues = false, bool UsesDiscriminators = false);
