using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>Emits the root client: one property per operation group, all sharing one request adapter.</summary>
internal static class RootClientEmitter
{
    public static string HintName(RootClientSpec spec) => spec.Namespace + "." + spec.Name + ".g.cs";

    public static string Emit(RootClientSpec spec)
    {
        var writer = new SourceWriter();
        DocComments.FileHeader(writer);
        writer.OpenBlock("namespace " + spec.Namespace);
        DocComments.Summary(writer, spec.Title is null ? null : "Client for " + spec.Title + ".", "The API client.");
        DocComments.Remarks(writer, spec.Description);
        writer.WriteLine(KnownTypes.GeneratedCodeAttribute);
        writer.OpenBlock(spec.Accessibility + " partial class " + spec.Name);
        if (spec.DefaultBaseUrl is not null)
        {
            writer.WriteLine("/// <summary>The first server URL of the API description.</summary>");
            writer.WriteLine("public const string DefaultBaseUrl = " + DocComments.Literal(spec.DefaultBaseUrl) + ";");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>Creates the client. The adapter's <c>BaseUrl</c> is used as is; it must be set (for example to <c>DefaultBaseUrl</c>).</summary>");
        writer.WriteLine("/// <param name=\"requestAdapter\">The request adapter that sends every call.</param>");
        writer.OpenBlock("public " + spec.Name + "(" + KnownTypes.IRequestAdapter + " requestAdapter)");
        writer.WriteLine("RequestAdapter = requestAdapter ?? throw new " + KnownTypes.ArgumentNullException + "(nameof(requestAdapter));");
        foreach (var group in spec.Groups)
        {
            writer.WriteLine(group.PropertyName + " = new global::" + spec.Namespace + "." + group.ClientName + "(requestAdapter);");
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The request adapter every call goes through.</summary>");
        writer.WriteLine("public " + KnownTypes.IRequestAdapter + " RequestAdapter { get; }");
        foreach (var group in spec.Groups)
        {
            writer.WriteLine();
            DocComments.Summary(writer, group.Description, "The " + group.PropertyName + " operations.");
            writer.WriteLine("public global::" + spec.Namespace + "." + group.ClientName + " " + group.PropertyName + " { get; }");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
