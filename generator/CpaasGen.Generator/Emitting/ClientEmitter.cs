using System.Globalization;
using System.Linq;
using System.Text;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits one client per operation group: for each operation a <c>To…RequestInformation</c> builder and an async
/// method that sends it through Kiota's <c>IRequestAdapter</c>, with the spec's error bodies mapped to the
/// generated exception types.
/// </summary>
internal static partial class ClientEmitter
{
    public static string HintName(ClientSpec spec) => spec.Namespace + "." + spec.Name + ".g.cs";

    public static string Emit(ClientSpec spec)
    {
        var writer = new SourceWriter();
        var hasDeprecated = spec.UsesDeprecated || spec.Operations.Any(o => o.IsDeprecated);
        DocComments.FileHeader(writer, hasDeprecated ? "#pragma warning disable CS0618 // deprecated operations still call each other" : string.Empty);
        writer.OpenBlock("namespace " + spec.Namespace);
        DocComments.Summary(writer, spec.Description, "Operations tagged " + spec.Name.Substring(0, spec.Name.Length - "Client".Length) + ".");
        writer.WriteLine("/// <remarks>Stateless and safe to share: every call builds its own request. Methods are virtual so tests can substitute them.</remarks>");
        writer.WriteLine(KnownTypes.GeneratedCodeAttribute);
        writer.OpenBlock(spec.Accessibility + " partial class " + spec.Name);

        foreach (var operation in spec.Operations)
        {
            writer.WriteLine("private const string " + operation.MethodName + "UrlTemplate = " + DocComments.Literal(operation.UrlTemplate) + ";");
        }

        writer.WriteLine();
        foreach (var operation in spec.Operations.Where(o => o.Errors.Count > 0))
        {
            writer.WriteLine("private static readonly " + KnownTypes.Dictionary + "<string, " + KnownTypes.ParsableFactory + "<" + KnownTypes.IParsable + ">> " + ErrorField(operation) + " = new " + KnownTypes.Dictionary + "<string, " + KnownTypes.ParsableFactory + "<" + KnownTypes.IParsable + ">>(global::System.StringComparer.OrdinalIgnoreCase)");
            writer.OpenBlock();
            foreach (var error in operation.Errors)
            {
                writer.WriteLine("[" + DocComments.Literal(error.StatusKey) + "] = global::" + spec.Namespace + "." + error.TypeName + ".CreateFromDiscriminatorValue,");
            }

            writer.CloseBlock(";");
            writer.WriteLine();
        }

        foreach (var operation in spec.Operations)
        {
            EmitDescriptor(writer, spec, operation);
        }

        writer.WriteLine("/// <summary>Creates the client over a Kiota request adapter (which owns the HTTP client, base URL, authentication and serializers).</summary>");
        writer.WriteLine("/// <param name=\"requestAdapter\">The request adapter.</param>");
        writer.OpenBlock("public " + spec.Name + "(" + KnownTypes.IRequestAdapter + " requestAdapter)");
        writer.WriteLine("RequestAdapter = requestAdapter ?? throw new " + KnownTypes.ArgumentNullException + "(nameof(requestAdapter));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>The request adapter every call goes through.</summary>");
        writer.WriteLine("public " + KnownTypes.IRequestAdapter + " RequestAdapter { get; }");

        foreach (var operation in spec.Operations)
        {
            writer.WriteLine();
            EmitSend(writer, spec, operation);
            writer.WriteLine();
            EmitBuilder(writer, spec, operation);
        }

        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string ErrorField(OperationSpec operation) => "s_" + Naming.LowerFirstWord(operation.MethodName) + "Errors";

    private static void EmitSend(SourceWriter writer, ClientSpec spec, OperationSpec operation)
    {
        var ns = spec.Namespace;
        DocComments.Summary(writer, operation.Summary ?? operation.Description, operation.HttpMethod + " " + operation.Path);
        var remarks = new StringBuilder();
        if (operation.Summary is not null && operation.Description is not null)
        {
            remarks.Append(operation.Description.TrimEnd()).Append("\n\n");
        }

        remarks.Append("HTTP: ").Append(operation.HttpMethod).Append(' ').Append(operation.Path).Append(" (operationId ").Append(operation.OperationId).Append(").");
        DocComments.Remarks(writer, remarks.ToString());
        WriteParamDocs(writer, operation);
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        if (operation.Response is { } response)
        {
            DocComments.Returns(writer, "The response body (" + Describe(response, ns) + ")" + (response.Optional ? ", or null when the API answers with no body." : "."));
        }
        else
        {
            DocComments.Returns(writer, "A task that completes when the API has answered with a success status.");
        }

        foreach (var group in operation.Errors.GroupBy(e => e.TypeName))
        {
            var statuses = "with " + string.Join(" or ", group.Select(e => StatusText(e.StatusKey))) + " status";
            if (group.Any(e => e.StatusKey == "XXX"))
            {
                statuses = "with an error status";
            }

            var description = group.First().Description;
            DocComments.Exception(writer, "global::" + ns + "." + group.Key, "The API answered " + statuses + (description is null ? "." : ": " + description.TrimEnd('.') + "."));
        }

        writer.WriteLine("/// <exception cref=\"" + KnownTypes.ApiException + "\">The API answered with an error status that carries no declared body, or with no body where one is declared.</exception>");
        if (operation.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"This operation is deprecated in the API description.\")]");
        }

        var resultType = ResultType(operation.Response, ns);
        var returnType = resultType is null ? KnownTypes.Task : KnownTypes.Task + "<" + resultType + ">";
        writer.OpenBlock("public virtual async " + returnType + " " + operation.MethodName + "Async(" + ParameterList(operation, ns, withCancellation: true) + ")");
        EmitDirectBranch(writer, spec, operation);
        writer.WriteLine("var requestInfo = To" + operation.MethodName + "RequestInformation(" + ArgumentList(operation) + ");");
        EmitCall(writer, operation, ns, operation.Errors.Count > 0 ? ErrorField(operation) : "null");
        writer.CloseBlock();
    }

    private static void EmitBuilder(SourceWriter writer, ClientSpec spec, OperationSpec operation)
    {
        var ns = spec.Namespace;
        writer.WriteLine("/// <summary>Builds the request for <see cref=\"" + operation.MethodName + "Async\"/> without sending it.</summary>");
        WriteParamDocs(writer, operation);
        writer.WriteLine("/// <returns>The request information.</returns>");
        if (operation.IsDeprecated)
        {
            writer.WriteLine("[global::System.Obsolete(\"This operation is deprecated in the API description.\")]");
        }

        writer.OpenBlock("public virtual " + KnownTypes.RequestInformation + " To" + operation.MethodName + "RequestInformation(" + ParameterList(operation, ns, withCancellation: false) + ")");
        foreach (var parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType))
        {
            writer.WriteLine("if (" + parameter.Name + " is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(" + parameter.Name + "));");
        }

        if (operation.Body is { Required: true } required && !(required.Type is { IsValueType: true, IsArray: false } && required.ContentKind == BodyContentKind.Json))
        {
            writer.WriteLine("if (body is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(body));");
        }

        writer.WriteLine("var requestInfo = new " + KnownTypes.RequestInformation + "(" + KnownTypes.Method + "." + operation.HttpMethod + ", " + operation.MethodName + "UrlTemplate, new " + KnownTypes.Dictionary + "<string, object>(" + (operation.Parameters.Count(p => p.Location == ParameterLocation.Path) + 1).ToString(CultureInfo.InvariantCulture) + ", global::System.StringComparer.Ordinal));");
        foreach (var parameter in operation.Parameters.Where(p => p.Location != ParameterLocation.Cookie))
        {
            var value = UrlValue(parameter, ns);
            switch (parameter.Location)
            {
                case ParameterLocation.Path:
                    writer.WriteLine("requestInfo.PathParameters[" + DocComments.Literal(parameter.TemplateName) + "] = global::" + ns + ".PathSegment.Encode(" + value + ", nameof(" + parameter.Name + "));");
                    break;
                case ParameterLocation.Query:
                    writer.WriteLine(Guarded(parameter, "requestInfo.QueryParameters[" + DocComments.Literal(parameter.TemplateName) + "] = " + value + ";"));
                    break;
                case ParameterLocation.Header:
                    writer.WriteLine(Guarded(parameter, "requestInfo.Headers.Add(" + DocComments.Literal(parameter.WireName) + ", " + value + ");"));
                    break;
            }
        }

        if (AnyCookie(operation))
        {
            // One Cookie header, name=value pairs joined with "; " (RFC 6265); values percent-encoded.
            writer.WriteLine("var cookies = new global::System.Collections.Generic.List<string>();");
            foreach (var parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Cookie))
            {
                writer.WriteLine(Guarded(parameter, "cookies.Add(global::" + ns + ".GeneratedValues.Cookie(" + DocComments.Literal(parameter.WireName) + ", " + UrlValue(parameter, ns) + "));"));
            }

            writer.WriteLine("if (cookies.Count > 0) requestInfo.Headers.Add(\"Cookie\", string.Join(\"; \", cookies));");
        }

        if (operation.Response is { } response)
        {
            writer.WriteLine("requestInfo.Headers.TryAdd(\"Accept\", " + DocComments.Literal(response.Accept) + ");");
        }

        if (operation.Body is { } body)
        {
            EmitSetBody(writer, body, ns);
        }

        writer.WriteLine("return requestInfo;");
        writer.CloseBlock();
    }

    private static string Guarded(ParameterSpec parameter, string statement)
        => parameter.Required && parameter.Type.IsValueType ? statement : "if (" + parameter.Name + " is not null) " + statement;

    private static string ParameterList(OperationSpec operation, string ns, bool withCancellation)
    {
        var parts = operation.Parameters.Where(p => p.Required).Select(p => ParameterType(p, ns, nullable: false) + " " + p.Name).ToList();
        if (operation.Body is { } body)
        {
            parts.Add(BodyParameter(body, ns));
        }

        parts.AddRange(operation.Parameters.Where(p => !p.Required).Select(p => ParameterType(p, ns, nullable: true) + " " + p.Name + " = null"));
        if (HasStreamBody(operation))
        {
            parts.Add("string bodyContentType = " + DocComments.Literal(operation.Body!.ContentType));
        }

        if (withCancellation)
        {
            parts.Add(KnownTypes.CancellationToken + " cancellationToken = default");
        }

        return string.Join(", ", parts);
    }

    private static string ArgumentList(OperationSpec operation)
    {
        var parts = operation.Parameters.Where(p => p.Required).Select(p => p.Name).ToList();
        if (operation.Body is not null)
        {
            parts.Add("body");
        }

        parts.AddRange(operation.Parameters.Where(p => !p.Required).Select(p => p.Name));
        if (HasStreamBody(operation))
        {
            parts.Add("bodyContentType");
        }

        return string.Join(", ", parts);
    }

    private static void WriteParamDocs(SourceWriter writer, OperationSpec operation)
    {
        WriteParamDocsCore(writer, operation);
        if (HasStreamBody(operation))
        {
            writer.WriteLine("/// <param name=\"bodyContentType\">The body's media type (for multipart/form-data, with its boundary).</param>");
        }
    }

    private static void WriteParamDocsCore(SourceWriter writer, OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.Required))
        {
            DocComments.Param(writer, parameter.Name, parameter.Description, "The " + parameter.WireName + " " + parameter.Location.ToString().ToLowerInvariant() + " parameter.");
        }

        if (operation.Body is { } body)
        {
            DocComments.Param(writer, "body", body.Description, body.ContentKind is BodyContentKind.Json or BodyContentKind.Form ? "The request body." : "The request body (" + body.ContentType + ").");
        }

        foreach (var parameter in operation.Parameters.Where(p => !p.Required))
        {
            DocComments.Param(writer, parameter.Name, parameter.Description, "The optional " + parameter.WireName + " " + parameter.Location.ToString().ToLowerInvariant() + " parameter.");
        }
    }

    private static string StatusText(string key) => key switch
    {
        "XXX" => "with any other error status",
        _ when key.EndsWith("XX", System.StringComparison.Ordinal) => key,
        _ => key.ToString(CultureInfo.InvariantCulture),
    };
}
