using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits a model's Utf8JsonReader/Utf8JsonWriter fast path (<c>IJsonModel</c>): direct reads and writes with no
/// DOM, no per-object dictionaries and no reflection, beside the Kiota <c>IParsable</c> members.
/// </summary>
internal static partial class ModelJsonEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec model)
    {
        var ns = model.Namespace;
        var self = "global::" + ns + "." + model.Name;
        var helpers = "global::" + ns + ".GeneratedJson";

        writer.WriteLine("/// <summary>Reads a value from JSON. The reader must be on the value's first token; it is left on its last token.</summary>");
        writer.WriteLine("/// <param name=\"reader\">The reader.</param>");
        writer.WriteLine("/// <returns>The value read.</returns>");
        writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match this schema (the message names the member and byte offset).</exception>");
        writer.OpenBlock("public static " + self + " ReadFrom(ref " + KnownTypes.Utf8JsonReader + " reader)");
        writer.WriteLine("var value = " + ModelEmitter.NewForDeserialization(model) + ";");
        writer.WriteLine("value.ReadJson(ref reader);");
        writer.WriteLine("return value;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Fills this instance from a JSON object. The reader must be on <c>StartObject</c>; it is left on the matching <c>EndObject</c>.</summary>");
        writer.WriteLine("/// <param name=\"reader\">The reader.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match this schema (the message names the member and byte offset).</exception>");
        writer.OpenBlock("public void ReadJson(ref " + KnownTypes.Utf8JsonReader + " reader)");
        writer.WriteLine("if (reader.TokenType != " + KnownTypes.JsonTokenType + ".StartObject) throw " + helpers + ".Unexpected(ref reader, " + DocComments.Literal(model.Name) + ", \"an object\");");
        var required = model.Properties.Where(p => p.CheckedOnRead).ToList();
        foreach (var property in required)
        {
            writer.WriteLine("var seen" + property.Name + " = false;");
        }

        writer.OpenBlock("while (reader.Read())");
        writer.OpenBlock("if (reader.TokenType == " + KnownTypes.JsonTokenType + ".EndObject)");
        foreach (var property in required)
        {
            var nullCheck = property.IsNonNullable && !property.Type.IsValueType ? " || " + property.Name + " is null" : string.Empty;
            writer.WriteLine("if (!seen" + property.Name + nullCheck + ") throw " + helpers + ".MissingRequired(" + DocComments.Literal(model.Name) + ", " + DocComments.Literal(property.JsonName) + ");");
        }

        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();
        var first = true;
        foreach (var property in model.Properties)
        {
            writer.OpenBlock((first ? "if" : "else if") + " (reader.ValueTextEquals(" + DocComments.Utf8Literal(property.JsonName) + "))");
            writer.WriteLine("reader.Read();");
            writer.WriteLine(property.Name + " = " + Read(property, ns, helpers) + ";");
            if (property.CheckedOnRead)
            {
                writer.WriteLine("seen" + property.Name + " = true;");
            }

            writer.CloseBlock();
            first = false;
        }

        if (model.Properties.Count > 0)
        {
            writer.OpenBlock("else");
        }

        writer.WriteLine("var name = reader.GetString()!;");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("AdditionalData[name] = " + helpers + ".ReadUntyped(ref reader);");
        if (model.Properties.Count > 0)
        {
            writer.CloseBlock();
        }

        writer.CloseBlock();
        writer.WriteLine("throw " + helpers + ".Truncated(" + DocComments.Literal(model.Name) + ");");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Writes this value as a JSON object. Null members are omitted.</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer.</param>");
        writer.OpenBlock("public void WriteJson(" + KnownTypes.Utf8JsonWriter + " writer)");
        writer.WriteLine("if (writer is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(writer));");
        writer.WriteLine("writer.WriteStartObject();");
        foreach (var property in model.Properties.Where(p => !p.ReadOnly))
        {
            Write(writer, property, ns, helpers);
        }

        writer.OpenBlock("if (_additionalData is { Count: > 0 })");
        writer.OpenBlock("foreach (var pair in _additionalData)");
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        writer.WriteLine(helpers + ".WriteAny(writer, pair.Value);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    private static string Read(PropertySpec property, string ns, string helpers)
    {
        var type = property.Type;
        var member = DocComments.Literal(property.JsonName);
        if (type.IsArray)
        {
            var element = KnownTypes.Element(type, ns);
            var list = helpers + ".ReadList<" + element + ">(ref reader, " + member + ", static (ref " + KnownTypes.Utf8JsonReader + " r) => " + ReadElement(type, ns, helpers, "r", member) + ")";
            // A null for a required list is caught by the required-member check at the end of the object.
            return property.IsNonNullable ? list + "!" : list;
        }

        var single = ReadScalar(type, ns, helpers, "reader", member, property.IsNonNullable);
        return single;
    }

    private static string ReadElement(TypeRef type, string ns, string helpers, string reader, string member)
    {
        var element = KnownTypes.Element(type, ns);
        return type.Kind switch
        {
            TypeKind.Object => element + ".ReadFrom(ref " + reader + ")",
            TypeKind.Untyped => helpers + ".ReadUntyped(ref " + reader + ")",
            TypeKind.Enum => "new " + element + "(" + helpers + ".ReadString(ref " + reader + ", " + member + ") ?? throw " + helpers + ".Unexpected(ref " + reader + ", " + member + ", \"a string\"))",
            _ => ReadScalar(type, ns, helpers, reader, member, nonNullable: true),
        };
    }

    private static string ReadScalar(TypeRef type, string ns, string helpers, string reader, string member, bool nonNullable)
    {
        var element = KnownTypes.Element(type, ns);
        var call = type.Kind switch
        {
            TypeKind.String or TypeKind.LenientString => helpers + ".ReadString(ref " + reader + ", " + member + ")",
            TypeKind.Int32 => helpers + ".ReadInt32(ref " + reader + ", " + member + ")",
            TypeKind.Int64 => helpers + ".ReadInt64(ref " + reader + ", " + member + ")",
            TypeKind.Float => helpers + ".ReadSingle(ref " + reader + ", " + member + ")",
            TypeKind.Double => helpers + ".ReadDouble(ref " + reader + ", " + member + ")",
            TypeKind.Decimal => helpers + ".ReadDecimal(ref " + reader + ", " + member + ")",
            TypeKind.Boolean => helpers + ".ReadBoolean(ref " + reader + ", " + member + ")",
            TypeKind.Guid => helpers + ".ReadGuid(ref " + reader + ", " + member + ")",
            TypeKind.DateTimeOffset => helpers + ".ReadDateTimeOffset(ref " + reader + ", " + member + ")",
            TypeKind.Untyped => helpers + ".ReadUntyped(ref " + reader + ")",
            TypeKind.SByte => "global::" + ns + ".GeneratedValues.ReadSByte(ref " + reader + ", " + member + ")",
            TypeKind.Byte => "global::" + ns + ".GeneratedValues.ReadByte(ref " + reader + ", " + member + ")",
            TypeKind.Date => "global::" + ns + ".GeneratedValues.ReadDate(ref " + reader + ", " + member + ")",
            TypeKind.Time => "global::" + ns + ".GeneratedValues.ReadTime(ref " + reader + ", " + member + ")",
            TypeKind.Duration => "global::" + ns + ".GeneratedValues.ReadDuration(ref " + reader + ", " + member + ")",
            TypeKind.Bytes => "global::" + ns + ".GeneratedValues.ReadBytes(ref " + reader + ", " + member + ")",
            TypeKind.Enum => helpers + ".ReadString(ref " + reader + ", " + member + ") is { } s ? new " + element + "(s) : (" + element + "?)null",
            _ => reader + ".TokenType == " + KnownTypes.JsonTokenType + ".Null ? null : " + element + ".ReadFrom(ref " + reader + ")",
        };

        if (!nonNullable || type.Kind == TypeKind.Untyped)
        {
            return call;
        }

        if (type.Kind == TypeKind.Enum)
        {
            return "(" + call + ") ?? throw " + helpers + ".Unexpected(ref " + reader + ", " + member + ", \"a string\")";
        }

        return "(" + call + ") ?? throw " + helpers + ".Unexpected(ref " + reader + ", " + member + ", \"a non-null value\")";
    }

    private static void Write(SourceWriter writer, PropertySpec property, string ns, string helpers)
    {
        var type = property.Type;
        var name = DocComments.Utf8Literal(property.JsonName);
        var value = property.Name;
        var isNullable = !property.IsNonNullable || !type.IsValueType || type.IsArray;
        var access = isNullable && type.IsValueType && !type.IsArray ? value + ".Value" : value;

        if (type.IsArray)
        {
            writer.OpenBlock("if (" + value + " is not null)");
            writer.WriteLine("writer.WriteStartArray(" + name + ");");
            writer.OpenBlock("foreach (var item in " + value + ")");
            writer.WriteLine(WriteValue(type, "item", helpers));
            writer.CloseBlock();
            writer.WriteLine("writer.WriteEndArray();");
            writer.CloseBlock();
            return;
        }

        var statement = type.Kind switch
        {
            TypeKind.String or TypeKind.LenientString => "writer.WriteString(" + name + ", " + value + ");",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => "writer.WriteNumber(" + name + ", " + access + ");",
            TypeKind.Boolean => "writer.WriteBoolean(" + name + ", " + access + ");",
            TypeKind.Guid or TypeKind.DateTimeOffset => "writer.WriteString(" + name + ", " + access + ");",
            TypeKind.Enum => "writer.WriteString(" + name + ", " + access + ".Value);",
            TypeKind.SByte or TypeKind.Byte => "writer.WriteNumber(" + name + ", (int)" + access + ");",
            TypeKind.Date or TypeKind.Time => "writer.WriteString(" + name + ", " + access + ".ToString());",
            TypeKind.Duration => "writer.WriteString(" + name + ", " + KnownTypes.XmlConvert + ".ToString(" + access + "));",
            TypeKind.Bytes => "writer.WriteBase64String(" + name + ", " + value + ");",
            TypeKind.Untyped => "{ writer.WritePropertyName(" + name + "); " + helpers + ".WriteUntyped(writer, " + value + "); }",
            _ => "{ writer.WritePropertyName(" + name + "); " + value + ".WriteJson(writer); }",
        };

        if (isNullable)
        {
            writer.WriteLine("if (" + value + " is not null) " + statement);
        }
        else
        {
            writer.WriteLine(statement);
        }
    }

    private static string WriteValue(TypeRef type, string item, string helpers) => type.Kind switch
    {
        TypeKind.String or TypeKind.LenientString => "if (" + item + " is null) writer.WriteNullValue(); else writer.WriteStringValue(" + item + ");",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => "writer.WriteNumberValue(" + item + ");",
        TypeKind.Boolean => "writer.WriteBooleanValue(" + item + ");",
        TypeKind.Guid or TypeKind.DateTimeOffset => "writer.WriteStringValue(" + item + ");",
        TypeKind.Enum => "writer.WriteStringValue(" + item + ".Value);",
        TypeKind.Untyped => helpers + ".WriteUntyped(writer, " + item + ");",
        _ => "if (" + item + " is null) writer.WriteNullValue(); else " + item + ".WriteJson(writer);",
    };
}
