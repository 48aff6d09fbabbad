using Microsoft.CodeAnalysis;

namespace CpaasGen.Generator;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: they are documented in spec/README.md#diagnostics and
/// tracked in AnalyzerReleases.*.md. Every message starts with the JSON pointer of the offending element.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CpaasGen";
    private const string HelpLink = "https://github.com/cpaasgen/cpaasgen/blob/main/spec/README.md#diagnostics";

    public static readonly DiagnosticDescriptor UnreadableDocument = Error(
        "CPGEN001", "The OpenAPI document cannot be read", "{0}: the document cannot be read: {1}");

    public static readonly DiagnosticDescriptor UnresolvedReference = Error(
        "CPGEN002", "Unresolved $ref", "{0}: $ref '{1}' does not resolve to anything in the document");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Error(
        "CPGEN003", "Unsupported OpenAPI construct", "{0}: {1} is not supported by the generator; {2}");

    public static readonly DiagnosticDescriptor MissingRequiredMember = Error(
        "CPGEN004", "A required member is missing", "{0}: required member '{1}' is missing");

    public static readonly DiagnosticDescriptor DuplicateOperationId = Error(
        "CPGEN005", "Duplicate operationId", "{0}: operationId '{1}' is already used at {2}");

    public static readonly DiagnosticDescriptor InvalidParameterLocation = Error(
        "CPGEN006", "Invalid parameter location", "{0}: parameter '{1}' has location '{2}'; expected 'path', 'query' or 'header'");

    public static readonly DiagnosticDescriptor PathParameterMismatch = Error(
        "CPGEN007", "Path template and path parameters disagree", "{0}: {1}");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        "CPGEN008", "Two elements map to the same C# name", "{0}: the C# name '{1}' is already used by {2}; set x-csharp-name on one of them");

    public static readonly DiagnosticDescriptor UnsupportedVersion = Error(
        "CPGEN009", "Unsupported OpenAPI version", "{0}: OpenAPI version '{1}' is not supported; use 3.0.x or 3.1.x");

    public static readonly DiagnosticDescriptor UndefinedRequiredProperty = Warning(
        "CPGEN010", "A required property is not defined", "{0}: '{1}' is listed in 'required' but is not one of the schema's properties");

    public static readonly DiagnosticDescriptor UnsupportedMediaType = Error(
        "CPGEN011", "Unsupported media type", "{0}: media type '{1}' is not supported; a body's content keys must be media types such as application/json");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "CPGEN012", "Invalid value", "{0}: expected {1}, found {2}");

    public static readonly DiagnosticDescriptor OperationSkipped = Warning(
        "CPGEN013", "Operation skipped", "{0}: {1} was not generated (skip-and-warn mode): {2}");

    public static readonly DiagnosticDescriptor DiscriminatorMappingIgnored = Warning(
        "CPGEN014", "Discriminator mapping entry ignored", "{0}: discriminator value '{1}' maps to '{2}', which is neither {3}, a type derived from it, nor one of its alternatives; the value is ignored");

    private static DiagnosticDescriptor Error(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

    private static DiagnosticDescriptor Warning(string id, string title, string message)
        => new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);
}
