using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>Fully qualified names used in generated code, so it never collides with user namespaces.</summary>
internal static class KnownTypes
{
    public const string GeneratorName = "CpaasGen.Generator";
    public const string GeneratorVersion = "0.1.0";
    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + GeneratorName + "\", \"" + GeneratorVersion + "\")]";

    public const string Serialization = "global::Microsoft.Kiota.Abstractions.Serialization";
    public const string IParsable = Serialization + ".IParsable";
    public const string IParseNode = Serialization + ".IParseNode";
    public const string ISerializationWriter = Serialization + ".ISerializationWriter";
    public const string IAdditionalDataHolder = Serialization + ".IAdditionalDataHolder";
    public const string ParsableFactory = Serialization + ".ParsableFactory";
    public const string UntypedNode = Serialization + ".UntypedNode";
    public const string ApiException = "global::Microsoft.Kiota.Abstractions.ApiException";
    public const string RequestInformation = "global::Microsoft.Kiota.Abstractions.RequestInformation";
    public const string IRequestAdapter = "global::Microsoft.Kiota.Abstractions.IRequestAdapter";
    public const string Method = "global::Microsoft.Kiota.Abstractions.Method";

    public const string Utf8JsonReader = "global::System.Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonTokenType = "global::System.Text.Json.JsonTokenType";
    public const string Dictionary = "global::System.Collections.Generic.Dictionary";
    public const string IDictionary = "global::System.Collections.Generic.IDictionary";
    public const string List = "global::System.Collections.Generic.List";
    public const string Action = "global::System.Action";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string InvariantCulture = "global::System.Globalization.CultureInfo.InvariantCulture";
    public const string Stream = "global::System.IO.Stream";
    public const string XmlConvert = "global::System.Xml.XmlConvert";
    public const string SetsRequiredMembers = "[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]";

    /// <summary>The C# element type for a type reference (no array, no nullability).</summary>
    public static string Element(TypeRef type, string ns) => type.Kind switch
    {
        TypeKind.String or TypeKind.LenientString => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Boolean => "bool",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Untyped => UntypedNode,
        TypeKind.SByte => "sbyte",
        TypeKind.Byte => "byte",
        TypeKind.Date => "global::Microsoft.Kiota.Abstractions.Date",
        TypeKind.Time => "global::Microsoft.Kiota.Abstractions.Time",
        TypeKind.Duration => "global::System.TimeSpan",
        TypeKind.Bytes => "byte[]",
        _ => "global::" + ns + "." + type.TypeName,
    };

    /// <summary>The C# type of a value: <c>List&lt;T&gt;</c> for arrays, with '?' when <paramref name="nullable"/>.</summary>
    public static string Of(TypeRef type, string ns, bool nullable)
    {
        var name = type.IsArray ? List + "<" + Element(type, ns) + ">" : Element(type, ns);
        return nullable ? name + "?" : name;
    }
}
