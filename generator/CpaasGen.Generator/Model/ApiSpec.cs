using CpaasGen.Generator.Infrastructure;

namespace CpaasGen.Generator.Model;

/// <summary>The whole parsed document as equatable data. No YAML nodes, symbols or locations in here.</summary>
internal sealed record ApiSpec(
    RootClientSpec Root,
    SupportSpec Support,
    EquatableArray<ModelSpec> Models,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<ClientSpec> Clients);

/// <summary>The parse step's output: the spec (null when the document could not be read at all) and its diagnostics.</summary>
internal sealed record ParseResult(ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
