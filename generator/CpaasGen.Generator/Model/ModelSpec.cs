using CpaasGen.Generator.Infrastructure;

namespace CpaasGen.Generator.Model;

/// <summary>Everything needed to emit one model class, and nothing else (so one schema's edit re-emits one file).</summary>
/// <param name="Properties">This type's own members (a derived type's inherited members are its base's).</param>
/// <param name="BaseName">The generated model this one derives from (<c>allOf: [$ref Base, …]</c>, or an alternative of a discriminated <c>oneOf</c>).</param>
/// <param name="IsBase">Other models derive from this one: its members are read and written through virtual hooks.</param>
/// <param name="Discriminator">How the factories pick the derived type to create, when this type has derived types to pick.</param>
/// <param name="SetsDiscriminator">The discriminator value this type's constructors set (a derived type of a discriminated base).</param>
/// <param name="Alternatives">A composed type (a discriminated <c>oneOf</c>/<c>anyOf</c> whose alternatives cannot share a base): one property per alternative, the one its discriminator names is set.</param>
internal sealed record ModelSpec(
    string Namespace,
    string Accessibility,
    string Name,
    string? Description,
    bool IsError,
    bool IsDeprecated,
    EquatableArray<PropertySpec> Properties,
    string? ErrorWrapperName = null,
    bool UsesDeprecated = false,
    string? BaseName = null,
    bool IsBase = false,
    DiscriminatorSpec? Discriminator = null,
    DiscriminatorValueSpec? SetsDiscriminator = null,
    EquatableArray<ComposedAlternativeSpec> Alternatives = default)
{
    /// <summary>A member of a class hierarchy: emitted with virtual member hooks instead of self-contained reads and writes.</summary>
    public bool InHierarchy => IsBase || BaseName is not null;

    /// <summary>A composed type: a wrapper around exactly one of <see cref="Alternatives"/>.</summary>
    public bool IsComposed => Alternatives.Count > 0;
}

/// <param name="PropertyName">The wrapper's property that holds this alternative.</param>
/// <param name="TypeName">The alternative's model.</param>
internal sealed record ComposedAlternativeSpec(string PropertyName, string TypeName);

/// <summary>The discriminator a factory reads, and which type each value creates (values compared ignoring case, as Kiota does).</summary>
/// <param name="JsonName">The discriminator member's name on the wire.</param>
/// <param name="Cases">Each value and the derived type it creates, in document order; any other value creates the type itself.</param>
internal sealed record DiscriminatorSpec(string JsonName, EquatableArray<DiscriminatorCaseSpec> Cases);

/// <param name="Value">The discriminator value on the wire.</param>
/// <param name="TypeName">The derived model it creates.</param>
internal sealed record DiscriminatorCaseSpec(string Value, string TypeName);

/// <summary>A derived type's own discriminator value, set by its constructors so a new instance serializes as what it is.</summary>
/// <param name="PropertyName">The (inherited) C# property that holds the discriminator.</param>
/// <param name="Type">That property's type (a string or an extensible enum).</param>
internal sealed record DiscriminatorValueSpec(string PropertyName, string Value, TypeRef Type);

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
