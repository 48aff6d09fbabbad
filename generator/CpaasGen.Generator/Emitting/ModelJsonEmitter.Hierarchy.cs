using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// The Utf8JsonReader/Utf8JsonWriter fast path of a model in a class hierarchy. The root type owns <c>ReadJson</c> and
/// <c>WriteJson</c> (the <c>IJsonModel</c> contract); each type reads and writes its own members in overridable hooks
/// that chain to its base's. <c>ReadFrom</c> of a type with derived types peeks at the discriminator with a copy of the
/// reader (a struct: the copy scans ahead, the caller's reader stays where it is), then creates the derived type.
/// </summary>
internal static partial class ModelJsonEmitter
{
    public static void EmitHierarchy(SourceWriter writer, ModelSpec model)
    {
        var ns = model.Namespace;
        var self = "global::" + ns + "." + model.Name;
        var helpers = "global::" + ns + ".GeneratedJson";
        var isRoot = model.BaseName is null;

        writer.WriteLine(model.Discriminator is null
            ? "/// <summary>Reads a value from JSON. The reader must be on the value's first token; it is left on its last token.</summary>"
            : "/// <summary>Reads a value from JSON: the derived type its <c>" + DocComments.Escape(model.Discriminator.JsonName) + "</c> member names, or this type. The reader must be on the value's first token; it is left on its last token.</summary>");
        writer.WriteLine("/// <param name=\"reader\">The reader.</param>");
        writer.WriteLine("/// <returns>The value read.</returns>");
        writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match this schema (the message names the member and byte offset).</exception>");
        writer.OpenBlock("public static " + (isRoot ? string.Empty : "new ") + self + " ReadFrom(ref " + KnownTypes.Utf8JsonReader + " reader)");
        if (model.Discriminator is { } discriminator)
        {
            writer.WriteLine("var discriminator = global::" + ns + ".GeneratedDiscriminator.Peek(reader, " + DocComments.Utf8Literal(discriminator.JsonName) + ");");
            writer.WriteLine(self + " value;");
            var first = true;
            foreach (var item in discriminator.Cases)
            {
                writer.WriteLine((first ? "if (" : "else if (") + ModelEmitter.DiscriminatorMatch(item) + ") value = new global::" + ns + "." + item.TypeName + "(true);");
                first = false;
            }

            writer.WriteLine("else value = " + ModelEmitter.NewForDeserialization(model) + ";");
        }
        else
        {
            writer.WriteLine("var value = " + ModelEmitter.NewForDeserialization(model) + ";");
        }

        writer.WriteLine("value.ReadJson(ref reader);");
        writer.WriteLine("return value;");
        writer.CloseBlock();
        writer.WriteLine();

        if (isRoot)
        {
            EmitRootReadWrite(writer, model, helpers);
        }

        writer.WriteLine("/// <summary>Reads the member whose name the reader is on when it is one of this type's (or its base's); the reader is left on the member value's last token.</summary>");
        writer.WriteLine("/// <param name=\"reader\">The reader, on a property name.</param>");
        writer.WriteLine("/// <returns>False when the member is not one this type declares: the caller keeps it in <c>AdditionalData</c>.</returns>");
        writer.OpenBlock("protected " + (isRoot ? "virtual" : "override") + " bool ReadMember(ref " + KnownTypes.Utf8JsonReader + " reader)");
        foreach (var property in model.Properties)
        {
            writer.OpenBlock("if (reader.ValueTextEquals(" + DocComments.Utf8Literal(property.JsonName) + "))");
            writer.WriteLine("reader.Read();");
            writer.WriteLine(property.Name + " = " + Read(property, ns, helpers) + ";");
            if (property.CheckedOnRead)
            {
                writer.WriteLine(ModelEmitter.SeenField(property) + " = true;");
            }

            writer.WriteLine("return true;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine(isRoot ? "return false;" : "return base.ReadMember(ref reader);");
        writer.CloseBlock();
        writer.WriteLine();

        var required = model.Properties.Where(p => p.CheckedOnRead).ToList();
        if (isRoot || required.Count > 0)
        {
            writer.WriteLine("/// <summary>Throws when a required member was missing (or null) in the JSON object just read; then forgets what was seen.</summary>");
            writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">A required member is missing.</exception>");
            writer.OpenBlock("protected " + (isRoot ? "virtual" : "override") + " void CheckRequiredMembers()");
            if (!isRoot)
            {
                writer.WriteLine("base.CheckRequiredMembers();");
            }

            foreach (var property in required)
            {
                var nullCheck = property.IsNonNullable && !property.Type.IsValueType ? " || " + property.Name + " is null" : string.Empty;
                writer.WriteLine("if (!" + ModelEmitter.SeenField(property) + nullCheck + ") throw " + helpers + ".MissingRequired(" + DocComments.Literal(model.Name) + ", " + DocComments.Literal(property.JsonName) + ");");
            }

            foreach (var property in required)
            {
                writer.WriteLine(ModelEmitter.SeenField(property) + " = false;");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>Writes this type's members (a derived type writes its base's first). Null members are omitted.</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer, inside the object.</param>");
        writer.OpenBlock("protected " + (isRoot ? "virtual" : "override") + " void WriteJsonMembers(" + KnownTypes.Utf8JsonWriter + " writer)");
        if (!isRoot)
        {
            writer.WriteLine("base.WriteJsonMembers(writer);");
        }

        foreach (var property in model.Properties.Where(p => !p.ReadOnly))
        {
            Write(writer, property, ns, helpers);
        }

        writer.CloseBlock();
    }

    private static void EmitRootReadWrite(SourceWriter writer, ModelSpec model, string helpers)
    {
        writer.WriteLine("/// <summary>Fills this instance from a JSON object. The reader must be on <c>StartObject</c>; it is left on the matching <c>EndObject</c>.</summary>");
        writer.WriteLine("/// <param name=\"reader\">The reader.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match this schema (the message names the member and byte offset).</exception>");
        writer.OpenBlock("public void ReadJson(ref " + KnownTypes.Utf8JsonReader + " reader)");
        writer.WriteLine("if (reader.TokenType != " + KnownTypes.JsonTokenType + ".StartObject) throw " + helpers + ".Unexpected(ref reader, " + DocComments.Literal(model.Name) + ", \"an object\");");
        writer.OpenBlock("while (reader.Read())");
        writer.OpenBlock("if (reader.TokenType == " + KnownTypes.JsonTokenType + ".EndObject)");
        writer.WriteLine("CheckRequiredMembers();");
        writer.WriteLine("return;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("if (!ReadMember(ref reader))");
        writer.WriteLine("var name = reader.GetString()!;");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("AdditionalData[name] = " + helpers + ".ReadUntyped(ref reader);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine("throw " + helpers + ".Truncated(" + DocComments.Literal(model.Name) + ");");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Writes this value as a JSON object. Null members are omitted.</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer.</param>");
        writer.OpenBlock("public void WriteJson(" + KnownTypes.Utf8JsonWriter + " writer)");
        writer.WriteLine("if (writer is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(writer));");
        writer.WriteLine("writer.WriteStartObject();");
        writer.WriteLine("WriteJsonMembers(writer);");
        writer.OpenBlock("if (_additionalData is { Count: > 0 })");
        writer.OpenBlock("foreach (var pair in _additionalData)");
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        writer.WriteLine(helpers + ".WriteAny(writer, pair.Value);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
        writer.WriteLine();
    }
}
