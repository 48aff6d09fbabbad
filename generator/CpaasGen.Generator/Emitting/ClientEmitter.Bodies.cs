using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>Response calls, request bodies and URL values of the generated client methods.</summary>
internal static partial class ClientEmitter
{
    private const string Linq = "global::System.Linq.Enumerable";

    /// <summary>The C# type a success body is returned as (nullable when another success status has no body).</summary>
    private static string? ResultType(ResponseSpec? response, string ns)
    {
        if (response is null)
        {
            return null;
        }

        var type = response.ContentKind switch
        {
            BodyContentKind.Stream => KnownTypes.Stream,
            BodyContentKind.Text => "string",
            _ => KnownTypes.Of(response.Type!, ns, nullable: false),
        };
        return response.Optional ? type + "?" : type;
    }

    /// <summary>A short description of the body type for the docs and the no-body exception.</summary>
    private static string Describe(ResponseSpec response, string ns)
        => response.ContentKind switch
        {
            BodyContentKind.Stream => "a stream of " + response.Accept,
            BodyContentKind.Text => "a " + response.Accept + " text",
            _ => KnownTypes.Of(response.Type!, ns, nullable: false).Replace("global::" + ns + ".", string.Empty).Replace("global::", string.Empty),
        };

    private static void EmitCall(SourceWriter writer, OperationSpec operation, string ns, string errors)
    {
        var response = operation.Response;
        if (response is null)
        {
            writer.WriteLine("await RequestAdapter.SendNoContentAsync(requestInfo, " + errors + ", cancellationToken).ConfigureAwait(false);");
            return;
        }

        var tail = ", " + errors + ", cancellationToken).ConfigureAwait(false);";
        string value;
        switch (response.ContentKind)
        {
            case BodyContentKind.Stream:
                writer.WriteLine("var result = await RequestAdapter.SendPrimitiveAsync<" + KnownTypes.Stream + ">(requestInfo" + tail);
                value = "result";
                break;
            case BodyContentKind.Text:
                writer.WriteLine("var stream = await RequestAdapter.SendPrimitiveAsync<" + KnownTypes.Stream + ">(requestInfo" + tail);
                writer.WriteLine("var result = await global::" + ns + ".GeneratedValues.ReadTextAsync(stream, cancellationToken).ConfigureAwait(false);");
                value = "result";
                break;
            default:
                value = EmitJsonCall(writer, response.Type!, ns, tail);
                break;
        }

        if (response.Optional)
        {
            writer.WriteLine("return " + value + ";");
            return;
        }

        writer.WriteLine("return " + value + " ?? throw new " + KnownTypes.ApiException + "(" + DocComments.Literal(operation.HttpMethod + " " + operation.Path + " answered with no body, but the API description declares " + Describe(response, ns) + ".") + ");");
    }

    /// <summary>Sends a JSON call; returns the expression of the (nullable) result.</summary>
    private static string EmitJsonCall(SourceWriter writer, TypeRef type, string ns, string tail)
    {
        var element = KnownTypes.Element(type, ns);
        if (type.IsArray)
        {
            switch (type.Kind)
            {
                case TypeKind.Object or TypeKind.Untyped:
                    writer.WriteLine("var result = await RequestAdapter.SendCollectionAsync<" + element + ">(requestInfo, " + element + ".CreateFromDiscriminatorValue" + tail);
                    return "(result is null ? null : " + Linq + ".ToList(result))";
                case TypeKind.Enum:
                    writer.WriteLine("var result = await RequestAdapter.SendPrimitiveCollectionAsync<string>(requestInfo" + tail);
                    return "(result is null ? null : " + Linq + ".ToList(" + Linq + ".Select(result, static v => new " + element + "(v ?? string.Empty))))";
                default:
                    writer.WriteLine("var result = await RequestAdapter.SendPrimitiveCollectionAsync<" + element + ">(requestInfo" + tail);
                    return "(result is null ? null : " + Linq + ".ToList(result))";
            }
        }

        switch (type.Kind)
        {
            case TypeKind.Object or TypeKind.Untyped:
                writer.WriteLine("var result = await RequestAdapter.SendAsync<" + element + ">(requestInfo, " + element + ".CreateFromDiscriminatorValue" + tail);
                return "result";
            case TypeKind.Enum:
                writer.WriteLine("var result = await RequestAdapter.SendPrimitiveAsync<string>(requestInfo" + tail);
                return "(result is null ? (" + element + "?)null : new " + element + "(result))";
            default:
                var primitive = type.IsValueType ? element + "?" : element;
                writer.WriteLine("var result = await RequestAdapter.SendPrimitiveAsync<" + primitive + ">(requestInfo" + tail);
                return "result";
        }
    }

    private static void EmitSetBody(SourceWriter writer, RequestBodySpec body, string ns)
    {
        var contentType = DocComments.Literal(body.ContentType);
        var value = body.Type is { IsValueType: true, IsArray: false } && !body.Required ? "body.Value" : "body";
        string set;
        switch (body.ContentKind)
        {
            case BodyContentKind.Stream:
                set = "requestInfo.SetStreamContent(body, bodyContentType);";
                break;
            case BodyContentKind.Text:
                set = "requestInfo.SetStreamContent(global::" + ns + ".GeneratedValues.TextStream(body), " + contentType + ");";
                break;
            default:
                var type = body.Type!;
                var element = KnownTypes.Element(type, ns);
                set = type switch
                {
                    { IsArray: true, Kind: TypeKind.Object or TypeKind.Untyped } => "requestInfo.SetContentFromParsable<" + element + ">(RequestAdapter, " + contentType + ", body.ToArray());",
                    { IsArray: true, Kind: TypeKind.Enum } => "requestInfo.SetContentFromScalarCollection<string>(RequestAdapter, " + contentType + ", body.ConvertAll(static v => v.Value).ToArray());",
                    { IsArray: true } => "requestInfo.SetContentFromScalarCollection<" + element + ">(RequestAdapter, " + contentType + ", body.ToArray());",
                    { Kind: TypeKind.Object or TypeKind.Untyped } => "requestInfo.SetContentFromParsable(RequestAdapter, " + contentType + ", body);",
                    { Kind: TypeKind.Enum } => "requestInfo.SetContentFromScalar<string>(RequestAdapter, " + contentType + ", " + value + ".Value);",
                    _ => "requestInfo.SetContentFromScalar<" + element + ">(RequestAdapter, " + contentType + ", " + value + ");",
                };
                break;
        }

        writer.WriteLine(body.Required ? set : "if (body is not null) " + set);
    }

    private static string BodyParameter(RequestBodySpec body, string ns)
    {
        var type = body.ContentKind switch
        {
            BodyContentKind.Stream => KnownTypes.Stream,
            BodyContentKind.Text => "string",
            _ => KnownTypes.Of(body.Type!, ns, nullable: false),
        };
        return type + (body.Required ? " body" : "? body = null");
    }

    /// <summary>The C# type of a parameter: its value type, or a string map for an object-valued query parameter.</summary>
    private static string ParameterType(ParameterSpec parameter, string ns, bool nullable)
        => parameter.IsMap
            ? KnownTypes.IDictionary + "<string, string>" + (nullable ? "?" : string.Empty)
            : KnownTypes.Of(parameter.Type, ns, nullable);

    /// <summary>The parameter's value as it goes in a URL or header (invariant culture; arrays as string arrays, maps as maps).</summary>
    private static string UrlValue(ParameterSpec parameter, string ns)
    {
        var name = parameter.Name;
        if (parameter.IsMap && parameter.Location == ParameterLocation.Query)
        {
            return "global::" + ns + ".GeneratedValues.Map(" + name + ", " + (parameter.Style == ParameterStyle.DeepObject ? DocComments.Literal(parameter.WireName) : "null") + ")";
        }

        if (parameter.IsMap)
        {
            // simple style: "a,1,b,2"; exploded: "a=1,b=2" (RFC 6570 {x} / {x*}).
            return "global::" + ns + ".GeneratedValues.JoinMap(" + name + ", " + (parameter.Style == ParameterStyle.Exploded ? "true" : "false") + ")";
        }

        if (parameter.Type.IsArray)
        {
            var strings = "global::" + ns + ".GeneratedValues.Strings(" + name + ", static v => " + Text(parameter.Type.Kind, "v") + ")";
            return parameter.Location == ParameterLocation.Query ? strings : "string.Join(\",\", " + strings + ")";
        }

        var access = parameter.Type.IsValueType && !parameter.Required ? name + ".Value" : name;
        return Text(parameter.Type.Kind, access);
    }

    private static string Text(TypeKind kind, string value) => kind switch
    {
        TypeKind.String or TypeKind.LenientString => value,
        TypeKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
        TypeKind.Enum => value + ".Value",
        TypeKind.Guid => value + ".ToString(\"D\")",
        TypeKind.DateTimeOffset => value + ".ToString(\"O\", " + KnownTypes.InvariantCulture + ")",
        TypeKind.Double or TypeKind.Float => value + ".ToString(\"R\", " + KnownTypes.InvariantCulture + ")",
        TypeKind.Date or TypeKind.Time => value + ".ToString()",
        TypeKind.Duration => KnownTypes.XmlConvert + ".ToString(" + value + ")",
        TypeKind.Bytes => "global::System.Convert.ToBase64String(" + value + ")",
        TypeKind.Untyped => value + ".ToString() ?? string.Empty",
        _ => value + ".ToString(" + KnownTypes.InvariantCulture + ")",
    };

    private static bool HasStreamBody(OperationSpec operation) => operation.Body is { ContentKind: BodyContentKind.Stream };

    private static bool AnyCookie(OperationSpec operation) => operation.Parameters.Any(p => p.Location == ParameterLocation.Cookie);
}
