using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// The members of a model that is part of a class hierarchy (a base or a derived type): constructors a derived type
/// chains to (and that set its discriminator value), and the Kiota <c>Serialize</c> split into an overridable
/// <c>SerializeMembers</c> so a derived type writes its base's members and then its own. The additional data stay in
/// the root type and are written last.
/// </summary>
internal static partial class ModelEmitter
{
    /// <summary>The field that records whether the JSON being read carried a required member.</summary>
    public static string SeenField(PropertySpec property) => "_seen" + property.Name.TrimStart('@');

    private static void EmitHierarchyConstructors(SourceWriter writer, ModelSpec model)
    {
        // Every member of a hierarchy declares both: the public one for users (the implicit default constructor is
        // gone once another exists) and the deserialization one its derived types chain to and the factories call.
        writer.WriteLine(HasRequired(model)
            ? "/// <summary>Creates an instance; every <c>required</c> member must be set in the object initializer.</summary>"
            : "/// <summary>Creates an instance.</summary>");
        writer.WriteLine("public " + model.Name + "()");
        writer.OpenBlock();
        SetDiscriminator(writer, model);
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine("/// <summary>Creates an instance for a deserializer to fill in (required members are checked after reading).</summary>");
        writer.WriteLine("/// <param name=\"forDeserialization\">Unused: selects this constructor.</param>");
        writer.WriteLine("#pragma warning disable CS8618 // filled in by the deserializer");
        writer.WriteLine(KnownTypes.SetsRequiredMembers);
        writer.WriteLine("internal " + model.Name + "(bool forDeserialization)" + (model.BaseName is null ? string.Empty : " : base(forDeserialization)"));
        writer.WriteLine("#pragma warning restore CS8618");
        writer.OpenBlock();
        if (model.BaseName is null)
        {
            writer.WriteLine("_ = forDeserialization;");
        }

        SetDiscriminator(writer, model);
        writer.CloseBlock();
        writer.WriteLine();
    }

    private static void SetDiscriminator(SourceWriter writer, ModelSpec model)
    {
        if (model.SetsDiscriminator is not { } value)
        {
            return;
        }

        var literal = DocComments.Literal(value.Value);
        writer.WriteLine(value.PropertyName + " = " + (value.Type.Kind == TypeKind.Enum ? "new " + KnownTypes.Element(value.Type, model.Namespace) + "(" + literal + ")" : literal) + ";");
    }

    private static void EmitHierarchySerialize(SourceWriter writer, ModelSpec model)
    {
        if (model.BaseName is null)
        {
            writer.WriteLine("/// <summary>Writes this value with a Kiota serialization writer.</summary>");
            writer.WriteLine("/// <param name=\"writer\">The writer to write to.</param>");
            writer.OpenBlock("public virtual void Serialize(" + KnownTypes.ISerializationWriter + " writer)");
            writer.WriteLine("if (writer is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(writer));");
            writer.WriteLine("SerializeMembers(writer);");
            writer.WriteLine("if (_additionalData is { Count: > 0 }) writer.WriteAdditionalData(_additionalData);");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>Writes this type's members with a Kiota serialization writer (a derived type writes its base's first).</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer to write to.</param>");
        writer.OpenBlock("protected " + (model.BaseName is null ? "virtual" : "override") + " void SerializeMembers(" + KnownTypes.ISerializationWriter + " writer)");
        if (model.BaseName is not null)
        {
            writer.WriteLine("base.SerializeMembers(writer);");
        }

        foreach (var property in model.Properties.Where(p => !p.ReadOnly))
        {
            writer.WriteLine(KiotaWrite(property, model.Namespace));
        }

        writer.CloseBlock();
        writer.WriteLine();
    }
}
