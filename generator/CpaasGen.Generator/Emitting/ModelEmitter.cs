using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits one model class: properties, Kiota <c>IParsable</c> members (field deserializers, <c>Serialize</c>,
/// <c>CreateFromDiscriminatorValue</c>), <c>IAdditionalDataHolder</c>, and the Utf8Json fast path
/// (see <see cref="ModelJsonEmitter"/>). Error schemas derive from Kiota's <c>ApiException</c>.
/// </summary>
internal static partial class ModelEmitter
{
    public static string HintName(ModelSpec model) => model.Namespace + "." + model.Name + ".g.cs";

    public static string Emit(ModelSpec model)
    {
        var writer = new SourceWriter();
        var hasDeprecated = model.IsDeprecated || model.UsesDeprecated || model.Properties.Any(p => p.IsDeprecated);
        DocComments.FileHeader(writer, hasDeprecated ? "#pragma warning disable CS0618 // deprecated members are still (de)serialized" : string.Empty);
        writer.OpenBlock("namespace " + model.Namespace);
        if (model.IsComposed)
        {
            ComposedEmitter.Emit(writer, model);
            if (model.ErrorWrapperName is not null)
            {
                writer.WriteLine();
                ErrorWrapperEmitter.Emit(writer, model);
            }

            writer.CloseBlock();
            return writer.ToString();
        }


        DocComments.Summary(writer, model.Description, "The " + model.Name + " schema.");
        if (model.IsError)
        {
            DocComments.Remarks(writer, "Thrown by the generated clients when the API answers with this error body; the HTTP status is in ResponseStatusCode.");
        }

        writer.WriteLine(KnownTypes.GeneratedCodeAttribute);
        if (model.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"This schema is deprecated in the API description.\")]");
        }

        var bases = model.IsError
            ? KnownTypes.ApiException + ", " + KnownTypes.IAdditionalDataHolder + ", " + KnownTypes.IParsable + ", global::" + model.Namespace + ".IJsonModel"
            : KnownTypes.IAdditionalDataHolder + ", " + KnownTypes.IParsable + ", global::" + model.Namespace + ".IJsonModel";
        if (model.BaseName is not null)
        {
            bases = "global::" + model.Namespace + "." + model.BaseName; // the interfaces come with the base
        }

        writer.OpenBlock(model.Accessibility + " partial class " + model.Name + " : " + bases);
        if (model.BaseName is null)
        {
            writer.WriteLine("private " + KnownTypes.IDictionary + "<string, object>? _additionalData;");
        }

        if (model.InHierarchy)
        {
            // Which required members the JSON being read has carried: reading spans this type's and its bases' hooks.
            foreach (var property in model.Properties.Where(p => p.CheckedOnRead))
            {
                writer.WriteLine("private bool " + SeenField(property) + ";");
            }
        }

        if (model.BaseName is null || model.Properties.Any(p => p.CheckedOnRead))
        {
            writer.WriteLine();
        }

        if (model.InHierarchy)
        {
            EmitHierarchyConstructors(writer, model);
        }
        else
        {
            EmitConstructors(writer, model);
        }

        foreach (var property in model.Properties)
        {
            EmitProperty(writer, model, property);
        }

        if (model.BaseName is null)
        {
            writer.WriteLine("/// <summary>Members the server sent that this version of the API description does not declare; kept so nothing is lost, and written back by <see cref=\"Serialize\"/>.</summary>");
            writer.WriteLine("public " + KnownTypes.IDictionary + "<string, object> AdditionalData");
            writer.OpenBlock();
            writer.WriteLine("get => _additionalData ??= new " + KnownTypes.Dictionary + "<string, object>(global::System.StringComparer.Ordinal);");
            writer.WriteLine("set => _additionalData = value;");
            writer.CloseBlock();
            writer.WriteLine();
        }

        EmitFactory(writer, model);
        EmitFieldDeserializers(writer, model);
        if (model.InHierarchy)
        {
            EmitHierarchySerialize(writer, model);
            ModelJsonEmitter.EmitHierarchy(writer, model);
        }
        else
        {
            EmitSerialize(writer, model);
            ModelJsonEmitter.Emit(writer, model);
        }

        writer.CloseBlock();
        if (model.ErrorWrapperName is not null)
        {
            writer.WriteLine();
            ErrorWrapperEmitter.Emit(writer, model);
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    private static bool HasRequired(ModelSpec model) => model.Properties.Any(p => p.Required);

    private static void EmitConstructors(SourceWriter writer, ModelSpec model)
    {
        var baseCall = model.IsError
            ? " : base(" + DocComments.Literal("The API answered with an error (" + model.Name + ").") + ")"
            : string.Empty;
        if (model.IsError || HasRequired(model))
        {
            writer.WriteLine(HasRequired(model)
                ? "/// <summary>Creates an instance; every <c>required</c> member must be set in the object initializer.</summary>"
                : "/// <summary>Creates an instance.</summary>");
            writer.WriteLine("public " + model.Name + "()" + baseCall);
            writer.OpenBlock().CloseBlock();
            writer.WriteLine();
        }

        if (HasRequired(model))
        {
            writer.WriteLine("/// <summary>Creates an instance for a deserializer to fill in (required members are checked after reading).</summary>");
            writer.WriteLine("#pragma warning disable CS8618 // filled in by the deserializer");
            writer.WriteLine(KnownTypes.SetsRequiredMembers);
            writer.WriteLine("private " + model.Name + "(bool forDeserialization)" + baseCall);
            writer.WriteLine("#pragma warning restore CS8618");
            writer.OpenBlock();
            writer.WriteLine("_ = forDeserialization;");
            writer.CloseBlock();
            writer.WriteLine();
        }
    }

    /// <summary>The expression that creates an empty instance for deserialization.</summary>
    public static string NewForDeserialization(ModelSpec model) => HasRequired(model) || model.InHierarchy ? "new " + model.Name + "(true)" : "new " + model.Name + "()";

    private static void EmitProperty(SourceWriter writer, ModelSpec model, PropertySpec property)
    {
        DocComments.Summary(writer, property.Description, "The <c>" + property.JsonName + "</c> member.");
        var remarks = "JSON member <c>" + DocComments.Escape(property.JsonName) + "</c>" + (property.Required ? " (required)" : string.Empty) + ".";
        if (property.Example is not null)
        {
            remarks += " Example: <c>" + DocComments.Escape(property.Example) + "</c>.";
        }

        // A required member may not be [Obsolete] (CS9042) unless the type is: say it in the docs instead.
        var obsoleteAttribute = property.IsDeprecated && !(property.Required && !model.IsDeprecated);
        if (property.IsDeprecated && !obsoleteAttribute)
        {
            remarks += " Deprecated in the API description.";
        }

        if (property.ReadOnly)
        {
            remarks += " Read-only: set by the server, never sent.";
        }

        writer.WriteLine("/// <remarks>" + remarks + "</remarks>");
        if (obsoleteAttribute)
        {
            writer.WriteLine("[global::System.Obsolete(\"This member is deprecated in the API description.\")]");
        }

        var type = KnownTypes.Of(property.Type, model.Namespace, nullable: !property.IsNonNullable);
        writer.WriteLine("public " + (property.Required ? "required " : string.Empty) + type + " " + property.Name + " { get; set; }");
        writer.WriteLine();
    }

    private static void EmitFactory(SourceWriter writer, ModelSpec model)
    {
        writer.WriteLine(model.Discriminator is null
            ? "/// <summary>Creates a new instance for Kiota's parse node to fill in.</summary>"
            : "/// <summary>Creates a new instance for Kiota's parse node to fill in: the derived type its <c>" + DocComments.Escape(model.Discriminator.JsonName) + "</c> member names, or this type.</summary>");
        writer.WriteLine("/// <param name=\"parseNode\">The parse node the value is read from.</param>");
        writer.WriteLine("/// <returns>An empty instance.</returns>");
        var hides = model.BaseName is null ? string.Empty : "new ";
        writer.OpenBlock("public static " + hides + "global::" + model.Namespace + "." + model.Name + " CreateFromDiscriminatorValue(" + KnownTypes.IParseNode + " parseNode)");
        writer.WriteLine("if (parseNode is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(parseNode));");
        if (model.Discriminator is { } discriminator)
        {
            writer.WriteLine("var discriminator = parseNode.GetChildNode(" + DocComments.Literal(discriminator.JsonName) + ")?.GetStringValue();");
            foreach (var item in discriminator.Cases)
            {
                writer.WriteLine("if (" + DiscriminatorMatch(item) + ") return new global::" + model.Namespace + "." + item.TypeName + "(true);");
            }
        }

        writer.WriteLine("return " + NewForDeserialization(model) + ";");
        writer.CloseBlock();
        writer.WriteLine();
    }

    /// <summary>Discriminator values compare ignoring case, as Kiota's generated factories do.</summary>
    public static string DiscriminatorMatch(DiscriminatorCaseSpec item)
        => "string.Equals(discriminator, " + DocComments.Literal(item.Value) + ", global::System.StringComparison.OrdinalIgnoreCase)";

    private static void EmitFieldDeserializers(SourceWriter writer, ModelSpec model)
    {
        if (model.BaseName is not null)
        {
            writer.WriteLine("/// <summary>The deserializers for each JSON member (this type's and its base's), for Kiota's parse nodes.</summary>");
            writer.WriteLine("/// <returns>A map from JSON member name to the action that reads it.</returns>");
            writer.OpenBlock("public override " + KnownTypes.IDictionary + "<string, " + KnownTypes.Action + "<" + KnownTypes.IParseNode + ">> GetFieldDeserializers()");
            writer.WriteLine("var fields = base.GetFieldDeserializers();");
            foreach (var property in model.Properties)
            {
                writer.WriteLine("fields[" + DocComments.Literal(property.JsonName) + "] = n => { " + property.Name + " = " + KiotaRead(property, model.Namespace) + "; };");
            }

            writer.WriteLine("return fields;");
            writer.CloseBlock();
            writer.WriteLine();
            return;
        }

        writer.WriteLine("/// <summary>The deserializers for each JSON member, for Kiota's parse nodes.</summary>");
        writer.WriteLine("/// <returns>A map from JSON member name to the action that reads it.</returns>");
        writer.OpenBlock("public virtual " + KnownTypes.IDictionary + "<string, " + KnownTypes.Action + "<" + KnownTypes.IParseNode + ">> GetFieldDeserializers()");
        writer.WriteLine("return new " + KnownTypes.Dictionary + "<string, " + KnownTypes.Action + "<" + KnownTypes.IParseNode + ">>(" + model.Properties.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", global::System.StringComparer.Ordinal)");
        writer.OpenBlock();
        foreach (var property in model.Properties)
        {
            writer.WriteLine("[" + DocComments.Literal(property.JsonName) + "] = n => { " + property.Name + " = " + KiotaRead(property, model.Namespace) + "; },");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static string KiotaRead(PropertySpec property, string ns)
    {
        var type = property.Type;
        var bang = property.IsNonNullable && !type.IsValueType ? "!" : string.Empty;
        var valueBang = property.IsNonNullable && type.IsValueType ? " ?? default" : string.Empty;
        var element = KnownTypes.Element(type, ns);
        if (type.IsArray)
        {
            const string Linq = "global::System.Linq.Enumerable";
            return type.Kind switch
            {
                TypeKind.Object or TypeKind.Untyped => Linq + ".ToList(n.GetCollectionOfObjectValues<" + element + ">(" + element + ".CreateFromDiscriminatorValue))",
                TypeKind.Enum => Linq + ".ToList(" + Linq + ".Select(n.GetCollectionOfPrimitiveValues<string>(), static v => new " + element + "(v ?? string.Empty)))",
                TypeKind.LenientString => Linq + ".ToList(n.GetCollectionOfPrimitiveValues<string>())",
                _ => Linq + ".ToList(n.GetCollectionOfPrimitiveValues<" + element + ">())",
            };
        }

        return type.Kind switch
        {
            TypeKind.String => "n.GetStringValue()" + bang,
            TypeKind.LenientString => "global::" + ns + ".GeneratedJson.ReadLenientString(n)" + bang,
            TypeKind.Int32 => "n.GetIntValue()" + valueBang,
            TypeKind.Int64 => "n.GetLongValue()" + valueBang,
            TypeKind.Float => "n.GetFloatValue()" + valueBang,
            TypeKind.Double => "n.GetDoubleValue()" + valueBang,
            TypeKind.Decimal => "n.GetDecimalValue()" + valueBang,
            TypeKind.Boolean => "n.GetBoolValue()" + valueBang,
            TypeKind.Guid => "n.GetGuidValue()" + valueBang,
            TypeKind.SByte => "n.GetSbyteValue()" + valueBang,
            TypeKind.Byte => "n.GetByteValue()" + valueBang,
            TypeKind.Date => "n.GetDateValue()" + valueBang,
            TypeKind.Time => "n.GetTimeValue()" + valueBang,
            TypeKind.Duration => "n.GetTimeSpanValue()" + valueBang,
            TypeKind.Bytes => "n.GetByteArrayValue()" + bang,
            TypeKind.Untyped => "n.GetObjectValue<" + element + ">(" + element + ".CreateFromDiscriminatorValue)" + bang,
            TypeKind.DateTimeOffset => "n.GetDateTimeOffsetValue()" + valueBang,
            TypeKind.Enum => property.IsNonNullable
                ? "new " + element + "(n.GetStringValue() ?? string.Empty)"
                : "n.GetStringValue() is { } s ? new " + element + "(s) : (" + element + "?)null",
            _ => "n.GetObjectValue<" + element + ">(" + element + ".CreateFromDiscriminatorValue)" + bang,
        };
    }

    private static void EmitSerialize(SourceWriter writer, ModelSpec model)
    {
        writer.WriteLine("/// <summary>Writes this value with a Kiota serialization writer.</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer to write to.</param>");
        writer.OpenBlock("public virtual void Serialize(" + KnownTypes.ISerializationWriter + " writer)");
        writer.WriteLine("if (writer is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(writer));");
        foreach (var property in model.Properties.Where(p => !p.ReadOnly))
        {
            writer.WriteLine(KiotaWrite(property, model.Namespace));
        }

        writer.WriteLine("if (_additionalData is { Count: > 0 }) writer.WriteAdditionalData(_additionalData);");
        writer.CloseBlock();
        writer.WriteLine();
    }

    internal static string KiotaWrite(PropertySpec property, string ns)
    {
        var type = property.Type;
        var key = DocComments.Literal(property.JsonName);
        var element = KnownTypes.Element(type, ns);
        var value = property.Name;
        if (type.IsArray)
        {
            return type.Kind switch
            {
                TypeKind.Object or TypeKind.Untyped => "writer.WriteCollectionOfObjectValues<" + element + ">(" + key + ", " + value + ");",
                TypeKind.Enum => "writer.WriteCollectionOfPrimitiveValues<string>(" + key + ", " + value + "?.ConvertAll(static v => v.Value));",
                TypeKind.LenientString => "writer.WriteCollectionOfPrimitiveValues<string>(" + key + ", " + value + ");",
                _ => "writer.WriteCollectionOfPrimitiveValues<" + element + ">(" + key + ", " + value + ");",
            };
        }

        var nullableValue = value;
        return type.Kind switch
        {
            TypeKind.String or TypeKind.LenientString => "writer.WriteStringValue(" + key + ", " + value + ");",
            TypeKind.Int32 => "writer.WriteIntValue(" + key + ", " + nullableValue + ");",
            TypeKind.Int64 => "writer.WriteLongValue(" + key + ", " + nullableValue + ");",
            TypeKind.Float => "writer.WriteFloatValue(" + key + ", " + nullableValue + ");",
            TypeKind.Double => "writer.WriteDoubleValue(" + key + ", " + nullableValue + ");",
            TypeKind.Decimal => "writer.WriteDecimalValue(" + key + ", " + nullableValue + ");",
            TypeKind.Boolean => "writer.WriteBoolValue(" + key + ", " + nullableValue + ");",
            TypeKind.Guid => "writer.WriteGuidValue(" + key + ", " + nullableValue + ");",
            TypeKind.SByte => "writer.WriteSbyteValue(" + key + ", " + nullableValue + ");",
            TypeKind.Byte => "writer.WriteByteValue(" + key + ", " + nullableValue + ");",
            TypeKind.Date => "writer.WriteDateValue(" + key + ", " + nullableValue + ");",
            TypeKind.Time => "writer.WriteTimeValue(" + key + ", " + nullableValue + ");",
            TypeKind.Duration => "writer.WriteTimeSpanValue(" + key + ", " + nullableValue + ");",
            TypeKind.Bytes => "writer.WriteByteArrayValue(" + key + ", " + nullableValue + ");",
            TypeKind.DateTimeOffset => "writer.WriteDateTimeOffsetValue(" + key + ", " + nullableValue + ");",
            TypeKind.Enum => "writer.WriteStringValue(" + key + ", " + (property.IsNonNullable ? value + ".Value" : value + "?.Value") + ");",
            _ => "writer.WriteObjectValue<" + element + ">(" + key + ", " + value + ");",
        };
    }
}
