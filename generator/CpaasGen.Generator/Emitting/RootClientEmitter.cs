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

        if (spec.Factories is { HttpClientLibrary: true, Json: true })
        {
            writer.WriteLine();
            EmitCreateRequestAdapter(writer, spec);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>
    /// A Kiota adapter whose serializers are registered in registries of its own: no process-wide static state (Kiota's
    /// generated clients register into <c>…Registry.DefaultInstance</c>, which every client of the process shares).
    /// Emitted only when the consuming project references Kiota's HTTP library and JSON serializer.
    /// </summary>
    private static void EmitCreateRequestAdapter(SourceWriter writer, RootClientSpec spec)
    {
        const string Registry = "global::Microsoft.Kiota.Abstractions.Serialization";
        var factories = new System.Collections.Generic.List<(string ContentType, string Writer, string Parser)>
        {
            ("application/json", "global::Microsoft.Kiota.Serialization.Json.JsonSerializationWriterFactory", "global::Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory"),
        };
        if (spec.Factories.Text)
        {
            factories.Add(("text/plain", "global::Microsoft.Kiota.Serialization.Text.TextSerializationWriterFactory", "global::Microsoft.Kiota.Serialization.Text.TextParseNodeFactory"));
        }

        if (spec.Factories.Form)
        {
            factories.Add(("application/x-www-form-urlencoded", "global::Microsoft.Kiota.Serialization.Form.FormSerializationWriterFactory", "global::Microsoft.Kiota.Serialization.Form.FormParseNodeFactory"));
        }

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates a Kiota <c>HttpClientRequestAdapter</c> for this API with its own serializer registries (JSON" + (spec.Factories.Text ? ", text" : string.Empty) + (spec.Factories.Form ? ", form" : string.Empty) + "),");
        writer.WriteLine("/// so nothing is registered process-wide" + (spec.DefaultBaseUrl is null ? "." : ", and its base URL set to <see cref=\"DefaultBaseUrl\"/>.") );
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"authenticationProvider\">Authenticates each request (<c>AnonymousAuthenticationProvider</c> for none).</param>");
        writer.WriteLine("/// <param name=\"httpClient\">The HTTP client to send with; the adapter creates one when null.</param>");
        writer.WriteLine("/// <returns>The adapter, ready for this client's constructor.</returns>");
        writer.OpenBlock("public static " + KnownTypes.IRequestAdapter + " CreateRequestAdapter(global::Microsoft.Kiota.Abstractions.Authentication.IAuthenticationProvider authenticationProvider, global::System.Net.Http.HttpClient? httpClient = null)");
        writer.WriteLine("if (authenticationProvider is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(authenticationProvider));");
        writer.WriteLine("var parsers = new " + Registry + ".ParseNodeFactoryRegistry();");
        writer.WriteLine("var writers = new " + Registry + ".SerializationWriterFactoryRegistry();");
        foreach (var (contentType, writerType, parserType) in factories)
        {
            writer.WriteLine("parsers.ContentTypeAssociatedFactories[" + DocComments.Literal(contentType) + "] = new " + parserType + "();");
            writer.WriteLine("writers.ContentTypeAssociatedFactories[" + DocComments.Literal(contentType) + "] = new " + writerType + "();");
        }

        writer.WriteLine("var adapter = new global::Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(authenticationProvider, parsers, writers, httpClient);");
        if (spec.DefaultBaseUrl is not null)
        {
            writer.WriteLine("adapter.BaseUrl = DefaultBaseUrl;");
        }

        writer.WriteLine("return adapter;");
        writer.CloseBlock();
    }
}
