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
internal static class ClientEmitter
{
    public static string HintName(ClientSpec spec) => spec.Namespace + "." + spec.Name + ".g.cs";

    public static string Emit(ClientSpec spec)
    {
        var writer = new SourceWriter();
        var hasDeprecated = spec.Operations.Any(o => o.IsDeprecated);
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
        if (operation.ResponseType is not null)
        {
            DocComments.Returns(writer, "The response body (" + operation.ResponseType + ").");
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

        var returnType = operation.ResponseType is null ? KnownTypes.Task : KnownTypes.Task + "<global::" + ns + "." + operation.ResponseType + ">";
        writer.OpenBlock("public virtual async " + returnType + " " + operation.MethodName + "Async(" + ParameterList(operation, ns, withCancellation: true) + ")");
        writer.WriteLine("var requestInfo = To" + operation.MethodName + "RequestInformation(" + ArgumentList(operation) + ");");
        var errors = operation.Errors.Count > 0 ? ErrorField(operation) : "null";
        if (operation.ResponseType is null)
        {
            writer.WriteLine("await RequestAdapter.SendNoContentAsync(requestInfo, " + errors + ", cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            var type = "global::" + ns + "." + operation.ResponseType;
            writer.WriteLine("var result = await RequestAdapter.SendAsync<" + type + ">(requestInfo, " + type + ".CreateFromDiscriminatorValue, " + errors + ", cancellationToken).ConfigureAwait(false);");
            writer.WriteLine("return result ?? throw new " + KnownTypes.ApiException + "(" + DocComments.Literal(operation.HttpMethod + " " + operation.Path + " answered with no body, but the API description declares " + operation.ResponseType + ".") + ");");
        }

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

        if (operation.Body is { Required: true })
        {
            writer.WriteLine("if (body is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(body));");
        }

        writer.WriteLine("var requestInfo = new " + KnownTypes.RequestInformation + "(" + KnownTypes.Method + "." + operation.HttpMethod + ", " + operation.MethodName + "UrlTemplate, new " + KnownTypes.Dictionary + "<string, object>(" + (operation.Parameters.Count(p => p.Location == ParameterLocation.Path) + 1).ToString(CultureInfo.InvariantCulture) + ", global::System.StringComparer.Ordinal));");
        foreach (var parameter in operation.Parameters)
        {
            var value = ValueText(parameter);
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

        if (operation.ResponseType is not null)
        {
            writer.WriteLine("requestInfo.Headers.TryAdd(\"Accept\", \"application/json\");");
        }

        if (operation.Body is { } body)
        {
            var set = "requestInfo.SetContentFromParsable(RequestAdapter, " + DocComments.Literal(body.ContentType) + ", body);";
            writer.WriteLine(body.Required ? set : "if (body is not null) " + set);
        }

        writer.WriteLine("return requestInfo;");
        writer.CloseBlock();
    }

    private static string Guarded(ParameterSpec parameter, string statement)
        => parameter.Required && parameter.Type.IsValueType ? statement : "if (" + parameter.Name + " is not null) " + statement;

    /// <summary>The parameter's value as the string that goes on the wire (invariant culture).</summary>
    private static string ValueText(ParameterSpec parameter)
    {
        var name = parameter.Name;
        var access = parameter.Type.IsValueType && !parameter.Required ? name + ".Value" : name;
        return parameter.Type.Kind switch
        {
            TypeKind.String or TypeKind.LenientString => name,
            TypeKind.Boolean => "(" + access + " ? \"true\" : \"false\")",
            TypeKind.Enum => access + ".Value",
            TypeKind.Guid => access + ".ToString(\"D\")",
            TypeKind.DateTimeOffset => access + ".ToString(\"O\", " + KnownTypes.InvariantCulture + ")",
            TypeKind.Double => access + ".ToString(\"R\", " + KnownTypes.InvariantCulture + ")",
            TypeKind.Float => access + ".ToString(\"R\", " + KnownTypes.InvariantCulture + ")",
            _ => access + ".ToString(" + KnownTypes.InvariantCulture + ")",
        };
    }

    private static string ParameterList(OperationSpec operation, string ns, bool withCancellation)
    {
        var parts = operation.Parameters.Where(p => p.Required).Select(p => KnownTypes.Of(p.Type, ns, nullable: false) + " " + p.Name).ToList();
        if (operation.Body is { } body)
        {
            parts.Add("global::" + ns + "." + body.TypeName + (body.Required ? " body" : "? body = null"));
        }

        parts.AddRange(operation.Parameters.Where(p => !p.Required).Select(p => KnownTypes.Of(p.Type, ns, nullable: true) + " " + p.Name + " = null"));
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
        return string.Join(", ", parts);
    }

    private static void WriteParamDocs(SourceWriter writer, OperationSpec operation)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.Required))
        {
            DocComments.Param(writer, parameter.Name, parameter.Description, "The " + parameter.WireName + " " + parameter.Location.ToString().ToLowerInvariant() + " parameter.");
        }

        if (operation.Body is { } body)
        {
            DocComments.Param(writer, "body", body.Description, "The request body.");
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
