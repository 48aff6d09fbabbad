using System.Collections.Generic;
using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// The direct path of a generated operation: a static <c>OperationDescriptor</c> (method, URL template split at its
/// path variables, query names, Accept, content type, error models) and, in the async method, a branch that hands the
/// descriptor, the encoded path values, the query values, the body model and the response model's <c>ReadFrom</c> to a
/// request adapter implementing the generated <c>IDirectRequestAdapter</c>, with no Kiota <c>RequestInformation</c>.
/// Any other adapter gets the <c>RequestInformation</c> as before. Only for operations the direct path covers
/// completely: path and scalar query parameters, no or one JSON model body, no or one JSON model response.
/// </summary>
internal static partial class ClientEmitter
{
    private const string BaseUrlVariable = "{+baseurl}";

    /// <summary>Whether the operation can go the direct path, and if so the literal URL text around its path variables.</summary>
    private static bool TryDirect(OperationSpec operation, out List<string> segments, out List<ParameterSpec> pathParameters)
    {
        segments = new List<string>();
        pathParameters = new List<ParameterSpec>();
        if (operation.Parameters.Any(p => p.Location is not (ParameterLocation.Path or ParameterLocation.Query) || p.IsMap || p.Type.IsArray))
        {
            return false;
        }

        if (operation.Body is { } body && !(body.ContentKind == BodyContentKind.Json && body.Type is { Kind: TypeKind.Object, IsArray: false }))
        {
            return false;
        }

        if (operation.Response is { } response && !(response.ContentKind == BodyContentKind.Json && response.Type is { Kind: TypeKind.Object, IsArray: false }))
        {
            return false;
        }

        var template = operation.UrlTemplate;
        if (!template.StartsWith(BaseUrlVariable, System.StringComparison.Ordinal))
        {
            return false; // an operation with its own server URL
        }

        var query = template.IndexOf("{?", System.StringComparison.Ordinal);
        var path = query >= 0 ? template.Substring(BaseUrlVariable.Length, query - BaseUrlVariable.Length) : template.Substring(BaseUrlVariable.Length);
        var position = 0;
        while (true)
        {
            var open = path.IndexOf('{', position);
            if (open < 0)
            {
                segments.Add(path.Substring(position));
                break;
            }

            var close = path.IndexOf('}', open);
            if (close < 0 || path[open + 1] != '+')
            {
                return false;
            }

            var name = path.Substring(open + 2, close - open - 2);
            var parameter = operation.Parameters.FirstOrDefault(p => p.Location == ParameterLocation.Path && p.TemplateName == name);
            if (parameter is null)
            {
                return false;
            }

            segments.Add(path.Substring(position, open - position));
            pathParameters.Add(parameter);
            position = close + 1;
        }

        return pathParameters.Count == operation.Parameters.Count(p => p.Location == ParameterLocation.Path);
    }

    /// <summary>A <c>string[]</c> expression: the items, or the shared empty array.</summary>
    private static string StringArray(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", list) + " }";
    }

    private static string DescriptorField(OperationSpec operation) => "s_" + Naming.LowerFirstWord(operation.MethodName) + "Operation";

    /// <summary>The loggable operation name: the method and the path template without the base URL and the query.</summary>
    private static string OperationName(OperationSpec operation)
    {
        var template = operation.UrlTemplate.Replace(BaseUrlVariable, string.Empty).Replace("{+", "{");
        var query = template.IndexOf("{?", System.StringComparison.Ordinal);
        return operation.HttpMethod + " " + (query >= 0 ? template.Substring(0, query) : template);
    }

    private static void EmitDescriptor(SourceWriter writer, ClientSpec spec, OperationSpec operation)
    {
        if (!TryDirect(operation, out var segments, out var pathParameters))
        {
            return;
        }

        var ns = spec.Namespace;
        var query = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).Select(p => DocComments.Literal(p.TemplateName));
        writer.WriteLine("private static readonly global::" + ns + ".OperationDescriptor " + DescriptorField(operation) + " = new global::" + ns + ".OperationDescriptor(");
        writer.Indentation++;
        writer.WriteLine(KnownTypes.Method + "." + operation.HttpMethod + ",");
        writer.WriteLine(DocComments.Literal(OperationName(operation)) + ",");
        writer.WriteLine(StringArray(segments.Select(DocComments.Literal)) + ",");
        writer.WriteLine(StringArray(pathParameters.Select(p => DocComments.Literal(p.TemplateName))) + ",");
        writer.WriteLine(StringArray(query) + ",");
        writer.WriteLine((operation.Response is { } response ? DocComments.Literal(response.Accept) : "null") + ",");
        writer.WriteLine((operation.Body is { } body ? DocComments.Literal(body.ContentType) : "null") + ",");
        writer.WriteLine((operation.Errors.Count > 0 ? ErrorField(operation) : "null") + ");");
        writer.Indentation--;
        writer.WriteLine();
    }

    /// <summary>The branch at the start of the async method: the direct call when the adapter offers it.</summary>
    private static void EmitDirectBranch(SourceWriter writer, ClientSpec spec, OperationSpec operation)
    {
        if (!TryDirect(operation, out _, out var pathParameters))
        {
            return;
        }

        var ns = spec.Namespace;
        writer.OpenBlock("if (RequestAdapter is global::" + ns + ".IDirectRequestAdapter { CanSendDirect: true } direct)");
        foreach (var parameter in operation.Parameters.Where(p => p.Required && !p.Type.IsValueType))
        {
            writer.WriteLine("if (" + parameter.Name + " is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(" + parameter.Name + "));");
        }

        if (operation.Body is { Required: true })
        {
            writer.WriteLine("if (body is null) throw new " + KnownTypes.ArgumentNullException + "(nameof(body));");
        }

        var path = pathParameters.Select(p => "global::" + ns + ".PathSegment.Encode(" + UrlValue(p, ns) + ", nameof(" + p.Name + "))");
        writer.WriteLine("var pathValues = " + StringArray(path) + ";");
        var queryParameters = operation.Parameters.Where(p => p.Location == ParameterLocation.Query).ToList();
        var queryValues = "null";
        if (queryParameters.Count > 0)
        {
            var values = queryParameters.Select(p => (p.Required && p.Type.IsValueType) || UrlValue(p, ns) == p.Name ? UrlValue(p, ns) : "(" + p.Name + " is null ? null : " + UrlValue(p, ns) + ")");
            writer.WriteLine("var queryValues = new string?[] { " + string.Join(", ", values) + " };");
            queryValues = "queryValues";
        }

        var body = operation.Body is null ? "null" : "body";
        if (operation.Response is { } response)
        {
            var element = KnownTypes.Element(response.Type!, ns);
            writer.WriteLine("return await direct.SendDirectAsync<" + element + ">(" + DescriptorField(operation) + ", pathValues, " + queryValues + ", " + body + ", " + element + ".ReadFrom, cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            writer.WriteLine("await direct.SendDirectNoContentAsync(" + DescriptorField(operation) + ", pathValues, " + queryValues + ", " + body + ", cancellationToken).ConfigureAwait(false);");
            writer.WriteLine("return;");
        }

        writer.CloseBlock();
        writer.WriteLine();
    }
}
