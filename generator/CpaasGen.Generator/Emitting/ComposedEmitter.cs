using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits a composed type: a discriminated union of models that share no base, as one property per alternative. The
/// discriminator picks the alternative on both read paths (Kiota: the factory creates it and hands the parse node its
/// deserializers; fast path: a reader copy peeks, then the alternative reads the object). Writing writes the
/// alternative that is set. With no known discriminator value the object's members are kept in <c>AdditionalData</c>.
/// </summary>
internal static class ComposedEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec model)
    {
        var ns = model.Namespace;
        var self = "global::" + ns + "." + model.Name;
        var helpers = "global::" + ns + ".GeneratedJson";
        var discriminator = model.Discriminator!;

        DocComments.Summary(writer, model.Description, "One of the " + model.Name + " alternatives.");
        DocComments.Remarks(writer, "One of " + string.Join(", ", model.Alternatives.Select(a => a.TypeName)) + ", told apart by the " + discriminator.JsonName
            + " member: after reading, the property of that alternative is set and the others are null. Set one of them to send one.");
        writer.WriteLine(KnownTypes.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"This schema is deprecated in the API description.\")]");
        }

        writer.OpenBlock(model.Accessibility + " partial class " + model.Name + " : " + KnownTypes.IAdditionalDataHolder + ", " + KnownTypes.IParsable + ", global::" + ns + ".IJsonModel");
        writer.WriteLine("private " + KnownTypes.IDictionary + "<string, object>? _additionalData;");
        writer.WriteLine();
        foreach (var alternative in model.Alternatives)
        {
            var values = string.Join(", ", discriminator.Cases.Where(c => c.TypeName == alternative.TypeName).Select(c => "<c>" + DocComments.Escape(c.Value) + "</c>"));
            writer.WriteLine("/// <summary>The value when it is a <see cref=\"global::" + ns + "." + alternative.TypeName + "\"/>" + (values.Length == 0 ? "." : " (" + DocComments.Escape(discriminator.JsonName) + " " + values + ").") + "</summary>");
            writer.WriteLine("public global::" + ns + "." + alternative.TypeName + "? " + alternative.PropertyName + " { get; set; }");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>The members of the alternative that is set that its schema does not declare; with none set, the members of the object read.</summary>");
        writer.WriteLine("public " + KnownTypes.IDictionary + "<string, object> AdditionalData");
        writer.OpenBlock();
        writer.WriteLine("get => " + string.Concat(model.Alternatives.Select(a => a.PropertyName + "?.AdditionalData ?? ")) + "(_additionalData ??= new " + KnownTypes.Dictionary + "<string, object>(global::System.StringComparer.Ordinal));");
        writer.OpenBlock("set");
        var first = true;
        foreach (var alternative in model.Alternatives)
        {
            writer.WriteLine((first ? "if (" : "else if (") + alternative.PropertyName + " is not null) " + alternative.PropertyName + ".AdditionalData = value;");
            first = false;
        }

        writer.WriteLine("else _additionalData = value;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Creates the wrapper for Kiota's parse node, with the alternative its <c>" + DocComments.Escape(discriminator.JsonName) + "</c> member names.</summary>");
        writer.WriteLine("/// <param name=\"parseNode\">The parse node the value is read from.</param>");
        writer.WriteLine("/// <returns>The wrapper, its alternative empty and ready to be filled.</returns>");
        writer.OpenBlock("public static " + self + " CreateFromDiscriminatorValue(" + KnownTypes.IParseNode + " parseNode)");
        writer.WriteLine("if (parseNode is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(parseNode));");
        writer.WriteLine("var result = new " + self + "();");
        writer.WriteLine("var discriminator = parseNode.GetChildNode(" + DocComments.Literal(discriminator.JsonName) + ")?.GetStringValue();");
        first = true;
        foreach (var item in discriminator.Cases)
        {
            var alternative = model.Alternatives.First(a => a.TypeName == item.TypeName);
            writer.WriteLine((first ? "if (" : "else if (") + ModelEmitter.DiscriminatorMatch(item) + ") result." + alternative.PropertyName + " = global::" + ns + "." + item.TypeName + ".CreateFromDiscriminatorValue(parseNode);");
            first = false;
        }

        writer.WriteLine("return result;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>The deserializers of the alternative that is set (the parse node fills it).</summary>");
        writer.WriteLine("/// <returns>A map from JSON member name to the action that reads it.</returns>");
        writer.OpenBlock("public virtual " + KnownTypes.IDictionary + "<string, " + KnownTypes.Action + "<" + KnownTypes.IParseNode + ">> GetFieldDeserializers()");
        foreach (var alternative in model.Alternatives)
        {
            writer.WriteLine("if (" + alternative.PropertyName + " is not null) return " + alternative.PropertyName + ".GetFieldDeserializers();");
        }

        writer.WriteLine("return new " + KnownTypes.Dictionary + "<string, " + KnownTypes.Action + "<" + KnownTypes.IParseNode + ">>(global::System.StringComparer.Ordinal);");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Writes the alternative that is set (or, with none, the members kept in <see cref=\"AdditionalData\"/>).</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer to write to.</param>");
        writer.OpenBlock("public virtual void Serialize(" + KnownTypes.ISerializationWriter + " writer)");
        writer.WriteLine("if (writer is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(writer));");
        first = true;
        foreach (var alternative in model.Alternatives)
        {
            writer.WriteLine((first ? "if (" : "else if (") + alternative.PropertyName + " is not null) " + alternative.PropertyName + ".Serialize(writer);");
            first = false;
        }

        writer.WriteLine("else if (_additionalData is { Count: > 0 }) writer.WriteAdditionalData(_additionalData);");
        writer.CloseBlock();
        writer.WriteLine();

        EmitFastPath(writer, model, self, helpers);
        writer.CloseBlock();
    }

    private static void EmitFastPath(SourceWriter writer, ModelSpec model, string self, string helpers)
    {
        var ns = model.Namespace;
        var discriminator = model.Discriminator!;
        writer.WriteLine("/// <summary>Reads a value from JSON. The reader must be on the value's first token; it is left on its last token.</summary>");
        writer.WriteLine("/// <param name=\"reader\">The reader.</param>");
        writer.WriteLine("/// <returns>The value read.</returns>");
        writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match the alternative its discriminator names.</exception>");
        writer.OpenBlock("public static " + self + " ReadFrom(ref " + KnownTypes.Utf8JsonReader + " reader)");
        writer.WriteLine("var value = new " + self + "();");
        writer.WriteLine("value.ReadJson(ref reader);");
        writer.WriteLine("return value;");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Reads a JSON object into the alternative its <c>" + DocComments.Escape(discriminator.JsonName) + "</c> member names (a copy of the reader peeks at it first). The reader must be on <c>StartObject</c>; it is left on the matching <c>EndObject</c>.</summary>");
        writer.WriteLine("/// <param name=\"reader\">The reader.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match the alternative its discriminator names.</exception>");
        writer.OpenBlock("public void ReadJson(ref " + KnownTypes.Utf8JsonReader + " reader)");
        writer.WriteLine("if (reader.TokenType != " + KnownTypes.JsonTokenType + ".StartObject) throw " + helpers + ".Unexpected(ref reader, " + DocComments.Literal(model.Name) + ", \"an object\");");
        writer.WriteLine("var discriminator = global::" + ns + ".GeneratedDiscriminator.Peek(reader, " + DocComments.Utf8Literal(discriminator.JsonName) + ");");
        foreach (var item in discriminator.Cases)
        {
            var alternative = model.Alternatives.First(a => a.TypeName == item.TypeName);
            writer.OpenBlock("if (" + ModelEmitter.DiscriminatorMatch(item) + ")");
            writer.WriteLine(alternative.PropertyName + " = global::" + ns + "." + item.TypeName + ".ReadFrom(ref reader);");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("// No known discriminator value: nothing is lost, the members stay in AdditionalData.");
        writer.OpenBlock("while (reader.Read())");
        writer.WriteLine("if (reader.TokenType == " + KnownTypes.JsonTokenType + ".EndObject) return;");
        writer.WriteLine("var name = reader.GetString()!;");
        writer.WriteLine("reader.Read();");
        writer.WriteLine("AdditionalData[name] = " + helpers + ".ReadUntyped(ref reader);");
        writer.CloseBlock();
        writer.WriteLine("throw " + helpers + ".Truncated(" + DocComments.Literal(model.Name) + ");");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Writes the alternative that is set as a JSON object (or, with none, the members kept in <see cref=\"AdditionalData\"/>).</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer.</param>");
        writer.OpenBlock("public void WriteJson(" + KnownTypes.Utf8JsonWriter + " writer)");
        writer.WriteLine("if (writer is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(writer));");
        foreach (var alternative in model.Alternatives)
        {
            writer.OpenBlock("if (" + alternative.PropertyName + " is not null)");
            writer.WriteLine(alternative.PropertyName + ".WriteJson(writer);");
            writer.WriteLine("return;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("writer.WriteStartObject();");
        writer.OpenBlock("if (_additionalData is { Count: > 0 })");
        writer.OpenBlock("foreach (var pair in _additionalData)");
        writer.WriteLine("writer.WritePropertyName(pair.Key);");
        writer.WriteLine(helpers + ".WriteAny(writer, pair.Value);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }
}
