namespace CpaasGen.Generator.Model;

/// <summary>The kind of value a property, parameter or body holds.</summary>
internal enum TypeKind
{
    String,
    /// <summary>A string that also accepts JSON numbers and booleans (an OpenAPI <c>oneOf</c> of scalars); numbers keep their JSON text.</summary>
    LenientString,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    Boolean,
    Guid,
    DateTimeOffset,
    /// <summary>A free-form JSON value (schema without a type, a map, a mixed union), kept as a Kiota <c>UntypedNode</c>.</summary>
    Untyped,
    /// <summary>A generated model class.</summary>
    Object,
    /// <summary>A generated extensible string enum (a readonly struct).</summary>
    Enum,
    /// <summary><c>integer</c> / <c>int8</c>: <c>sbyte</c>.</summary>
    SByte,
    /// <summary><c>integer</c> / <c>uint8</c>: <c>byte</c>.</summary>
    Byte,
    /// <summary><c>string</c> / <c>date</c>: Kiota's <c>Date</c>.</summary>
    Date,
    /// <summary><c>string</c> / <c>time</c>: Kiota's <c>Time</c>.</summary>
    Time,
    /// <summary><c>string</c> / <c>duration</c>: <c>TimeSpan</c> (ISO 8601 duration on the wire).</summary>
    Duration,
    /// <summary><c>string</c> / <c>byte</c> (base64) or <c>binary</c> inside a JSON document: <c>byte[]</c>.</summary>
    Bytes,
}

/// <summary>A resolved type: a scalar, a generated model or enum, or an array of one of those.</summary>
/// <param name="Kind">The element kind.</param>
/// <param name="TypeName">The generated type's C# name for <see cref="TypeKind.Object"/> and <see cref="TypeKind.Enum"/>; otherwise null.</param>
/// <param name="IsArray">True when the value is a JSON array of the element kind.</param>
internal sealed record TypeRef(TypeKind Kind, string? TypeName, bool IsArray)
{
    public static TypeRef Scalar(TypeKind kind) => new(kind, null, false);

    public static readonly TypeRef Untyped = Scalar(TypeKind.Untyped);

    public TypeRef AsArray() => this with { IsArray = true };

    /// <summary>True when the C# element type is a value type (so an optional one is <c>T?</c> of <see cref="System.Nullable{T}"/>).</summary>
    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal
        or TypeKind.Boolean or TypeKind.Guid or TypeKind.DateTimeOffset or TypeKind.Enum or TypeKind.SByte or TypeKind.Byte
        or TypeKind.Date or TypeKind.Time or TypeKind.Duration;

    /// <summary>A JSON scalar (no model, enum, untyped node or array).</summary>
    public bool IsPrimitive => !IsArray && Kind is not (TypeKind.Object or TypeKind.Enum or TypeKind.Untyped);
}
