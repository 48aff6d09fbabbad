using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// A model that is both a success body and an error body cannot itself be an exception (a success call would return an
/// exception object), so its error mappings throw <c>{Model}Exception</c>: an <c>ApiException</c> that carries the body
/// in <c>Error</c> and lets Kiota fill it through the model's own deserializers.
/// </summary>
internal static class ErrorWrapperEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec model)
    {
        var name = model.ErrorWrapperName!;
        var body = "global::" + model.Namespace + "." + model.Name;
        writer.WriteLine("/// <summary>Thrown by the generated clients when the API answers with an error whose body is a <see cref=\"" + body + "\"/>.</summary>");
        writer.WriteLine("/// <remarks>The HTTP status is in ResponseStatusCode; the body in <see cref=\"Error\"/>.</remarks>");
        writer.WriteLine(KnownTypes.GeneratedCodeAttribute);
        writer.OpenBlock(model.Accessibility + " partial class " + name + " : " + KnownTypes.ApiException + ", " + KnownTypes.IAdditionalDataHolder + ", " + KnownTypes.IParsable);
        writer.WriteLine("/// <summary>Creates the exception around an error body.</summary>");
        writer.WriteLine("/// <param name=\"error\">The error body.</param>");
        writer.WriteLine("public " + name + "(" + body + " error)");
        writer.WriteLine("    : base(" + DocComments.Literal("The API answered with an error (" + model.Name + ").") + ")");
        writer.OpenBlock();
        writer.WriteLine("Error = error ?? throw new " + KnownTypes.ArgumentNullException + "(nameof(error));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The error body the API sent.</summary>");
        writer.WriteLine("public " + body + " Error { get; }");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The error body's members that its schema does not declare.</summary>");
        writer.WriteLine("public " + KnownTypes.IDictionary + "<string, object> AdditionalData");
        writer.OpenBlock();
        writer.WriteLine("get => Error.AdditionalData;");
        writer.WriteLine("set => Error.AdditionalData = value;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the exception for Kiota's parse node to fill in.</summary>");
        writer.WriteLine("/// <param name=\"parseNode\">The parse node the body is read from.</param>");
        writer.WriteLine("/// <returns>An exception with an empty body.</returns>");
        writer.WriteLine("public static global::" + model.Namespace + "." + name + " CreateFromDiscriminatorValue(" + KnownTypes.IParseNode + " parseNode) => new global::" + model.Namespace + "." + name + "(" + body + ".CreateFromDiscriminatorValue(parseNode));");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The body's deserializers.</summary>");
        writer.WriteLine("/// <returns>A map from JSON member name to the action that reads it into <see cref=\"Error\"/>.</returns>");
        writer.WriteLine("public " + KnownTypes.IDictionary + "<string, " + KnownTypes.Action + "<" + KnownTypes.IParseNode + ">> GetFieldDeserializers() => Error.GetFieldDeserializers();");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Writes the body.</summary>");
        writer.WriteLine("/// <param name=\"writer\">The writer to write to.</param>");
        writer.WriteLine("public void Serialize(" + KnownTypes.ISerializationWriter + " writer) => Error.Serialize(writer);");
        writer.CloseBlock();
    }
}
