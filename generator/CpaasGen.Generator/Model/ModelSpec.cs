using CpaasGen.Generator.Infrastructure;

namespace CpaasGen.Generator.Model;

/// <summary>Everything needed to emit one model class, and nothing else (so one schema's edit re-emits one file).</summary>
internal sealed record ModelSpec(
    string Namespace,
    string Accessibility,
    string Name,
    string? Description,
    bool IsError,
    bool IsDeprecated,
    EquatableArray<PropertySpec> Properties,
    string? ErrorWrapperName = null,
    bool UsesDeprecated = false);

/// <summary>One property of a model.</summary>
/// <param name="JsonName">The member name on the wire.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="Required">Listed in the schema's <c>required</c>.</param>
/// <param name="Nullable">The schema says <c>nullable: true</c> (or a 3.1 <c>"null"</c> type).</param>
/// <param name="ReadOnly"><c>readOnly: true</c>: sent by the server only, so never C#-required and never written.</param>
/// <param name="WriteOnly"><c>writeOnly: true</c>: sent by the client only, so a response that omits it is not an error.</param>
internal sealed record PropertySpec(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    string? Example,
    bool IsDeprecated,
    bool ReadOnly = false,
    bool WriteOnly = false)
{
    /// <summary>The C# property is non-nullable only when the member is required and not nullable.</summary>
    public bool IsNonNullable => Required && !Nullable;

    /// <summary>A required member that a response must carry (the fast path checks it after reading).</summary>
    public bool CheckedOnRead => Required && !WriteOnly;
}

/// <summary>An extensible string enum: known values plus whatever the server sends.</summary>
internal sealed record EnumSpec(
    string Namespace,
    string Accessibility,
    string Name,
    string? Description,
    EquatableArray<EnumMemberSpec> Members);

internal sealed record EnumMemberSpec(string Value, string Name);
