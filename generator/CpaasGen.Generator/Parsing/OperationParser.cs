using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Reads <c>paths</c> into operation specs grouped by their first tag. Collects which component schemas are
/// used as error bodies, so those are emitted as exception types.
/// </summary>
internal sealed class OperationParser
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
    private static readonly Regex TemplateVariable = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);
    private static readonly Regex UriTemplateVarName = new(@"^[A-Za-z0-9_.]+$", RegexOptions.CultureInvariant);

    private readonly SpecDocument _doc;
    private readonly SchemaParser _schemas;
    private readonly Dictionary<string, string> _operationIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);

    public OperationParser(SpecDocument doc, SchemaParser schemas)
    {
        _doc = doc;
        _schemas = schemas;
    }

    /// <summary>Model names used as error response bodies.</summary>
    public HashSet<string> ErrorModels { get; } = new(StringComparer.Ordinal);

    /// <summary>Operations per tag, in document order; tags in first-seen order.</summary>
    public List<(string Tag, List<OperationSpec> Operations)> Groups { get; } = new();

    public void ParseAll(YamlMappingNode? paths, CancellationToken cancellationToken)
    {
        if (paths is null)
        {
            return;
        }

        foreach (var pathPair in paths.Children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = ((YamlScalarNode)pathPair.Key).Value ?? string.Empty;
            var pathPointer = Pointer.Append("#/paths", path);
            if (!path.StartsWith("/", StringComparison.Ordinal))
            {
                _doc.Report(DiagnosticDescriptors.InvalidValue, pathPair.Key, pathPointer, "a path starting with '/'", "'" + path + "'");
                continue;
            }

            var itemPointer = pathPointer;
            var item = _doc.AsMapping(_doc.Resolve(pathPair.Value, ref itemPointer), pathPointer);
            if (item is null)
            {
                continue;
            }

            var shared = SpecDocument.Member(item, "parameters");
            foreach (var method in Methods)
            {
                var operationNode = _doc.Mapping(item, method, pathPointer);
                if (operationNode is not null)
                {
                    ParseOperation(path, method, operationNode, Pointer.Append(pathPointer, method), shared, Pointer.Append(pathPointer, "parameters"));
                }
            }
        }
    }

    private void ParseOperation(string path, string method, YamlMappingNode op, string pointer, YamlNode? sharedParameters, string sharedPointer)
    {
        var operationId = _doc.String(op, "operationId", pointer);
        if (operationId is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, op, pointer, "operationId");
            return;
        }

        if (_operationIds.TryGetValue(operationId, out var firstPointer))
        {
            _doc.Report(DiagnosticDescriptors.DuplicateOperationId, SpecDocument.Member(op, "operationId"), Pointer.Append(pointer, "operationId"), operationId, firstPointer);
            return;
        }

        _operationIds[operationId] = pointer;

        var tags = _doc.Sequence(op, "tags", pointer);
        var tag = tags?.Children.OfType<YamlScalarNode>().Select(s => s.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (tag is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, op, pointer, "tags");
            return;
        }

        var methodName = _doc.String(op, "x-csharp-name", pointer) ?? Naming.ToPascal(operationId);
        if (!Naming.IsValidIdentifier(methodName))
        {
            _doc.Report(DiagnosticDescriptors.InvalidValue, SpecDocument.Member(op, "x-csharp-name"), Pointer.Append(pointer, "x-csharp-name"), "a valid C# identifier", "'" + methodName + "'");
            methodName = Naming.ToPascal(operationId);
        }

        var parameters = ParseParameters(op, pointer, sharedParameters, sharedPointer, out var parametersValid);
        if (!CheckPathTemplate(path, parameters, op, pointer) || !parametersValid)
        {
            return;
        }

        var body = ParseRequestBody(op, pointer, out var bodyValid);
        var responsesPointer = Pointer.Append(pointer, "responses");
        var responses = _doc.Mapping(op, "responses", pointer);
        if (responses is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, op, pointer, "responses");
            return;
        }

        if (!ParseResponses(responses, responsesPointer, out var responseType, out var successStatus, out var errors) || !bodyValid)
        {
            return;
        }

        var spec = new OperationSpec(
            operationId,
            methodName,
            method.ToUpperInvariant(),
            path,
            BuildUrlTemplate(path, parameters),
            _doc.String(op, "summary", pointer),
            _doc.String(op, "description", pointer),
            _doc.Bool(op, "deprecated", pointer) ?? false,
            parameters.ToEquatableArray(),
            body,
            responseType,
            successStatus,
            errors.ToEquatableArray());

        // Distinct operationIds can still map to one C# method (get_item / getItem, or an x-csharp-name): CS0111 otherwise.
        if (_methodNames.TryGetValue(tag + "\n" + methodName, out var otherOperation))
        {
            var nameKey = SpecDocument.Member(op, "x-csharp-name") is YamlScalarNode { Value: var explicitName } && explicitName == methodName ? "x-csharp-name" : "operationId";
            _doc.Report(DiagnosticDescriptors.NameCollision, SpecDocument.Member(op, nameKey), Pointer.Append(pointer, nameKey), methodName, otherOperation);
            return;
        }

        _methodNames[tag + "\n" + methodName] = pointer;
        var group = Groups.FirstOrDefault(g => g.Tag == tag);
        if (group.Operations is null)
        {
            group = (tag, new List<OperationSpec>());
            Groups.Add(group);
        }

        group.Operations.Add(spec);
    }

    private List<ParameterSpec> ParseParameters(YamlMappingNode op, string pointer, YamlNode? shared, string sharedPointer, out bool valid)
    {
        var allValid = true;
        var byKey = new Dictionary<string, ParameterSpec>(StringComparer.Ordinal);
        var order = new List<string>();

        void ReadList(YamlNode? listNode, string listPointer)
        {
            if (listNode is null)
            {
                return;
            }

            if (listNode is not YamlSequenceNode list)
            {
                _doc.Report(DiagnosticDescriptors.InvalidValue, listNode, listPointer, "a sequence of parameters", SpecDocument.Describe(listNode));
                return;
            }

            for (var i = 0; i < list.Children.Count; i++)
            {
                var itemPointer = Pointer.Append(listPointer, i.ToString(CultureInfo.InvariantCulture));
                var resolvedPointer = itemPointer;
                var resolved = _doc.Resolve(list.Children[i], ref resolvedPointer);
                if (resolved is null)
                {
                    allValid = false;
                    continue;
                }

                var parameter = ParseParameter(_doc.AsMapping(resolved, resolvedPointer), resolvedPointer, ref allValid);
                if (parameter is null)
                {
                    continue;
                }

                var key = parameter.Location + ":" + parameter.WireName;
                if (!byKey.ContainsKey(key))
                {
                    order.Add(key);
                }

                byKey[key] = parameter; // operation-level parameters override path-level ones
            }
        }

        ReadList(shared, sharedPointer);
        ReadList(SpecDocument.Member(op, "parameters"), Pointer.Append(pointer, "parameters"));
        valid = allValid;

        var result = order.Select(k => byKey[k]).ToList();

        // Distinct C# parameter names (a query "id" and a header "Id" would otherwise clash).
        // Also the locals of the generated methods (requestInfo, result), or the generated code does not compile (CS0136).
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { ["body"] = "body", ["cancellationToken"] = "cancellationToken", ["requestInfo"] = "requestInfo", ["result"] = "result" };
        for (var i = 0; i < result.Count; i++)
        {
            var name = result[i].Name;
            var suffix = 2;
            while (names.ContainsKey(name))
            {
                name = result[i].Name + suffix.ToString(CultureInfo.InvariantCulture);
                suffix++;
            }

            names[name] = name;
            if (name != result[i].Name)
            {
                result[i] = result[i] with { Name = name, TemplateName = result[i].Location == ParameterLocation.Path ? name.TrimStart('@') : result[i].TemplateName };
            }
        }

        // Required parameters first, so optional ones can take default values.
        return result.Where(p => p.Required).Concat(result.Where(p => !p.Required)).ToList();
    }

    private ParameterSpec? ParseParameter(YamlMappingNode? map, string pointer, ref bool valid)
    {
        if (map is null)
        {
            valid = false;
            return null;
        }

        var name = _doc.String(map, "name", pointer);
        if (name is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, map, pointer, "name");
            valid = false;
            return null;
        }

        var location = _doc.String(map, "in", pointer);
        if (location is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, map, pointer, "in");
            valid = false;
            return null;
        }

        ParameterLocation kind;
        switch (location)
        {
            case "path":
                kind = ParameterLocation.Path;
                break;
            case "query":
                kind = ParameterLocation.Query;
                break;
            case "header":
                kind = ParameterLocation.Header;
                break;
            case "cookie":
                _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, SpecDocument.Member(map, "in"), Pointer.Append(pointer, "in"), "a cookie parameter ('" + name + "')", "send it as a header instead");
                valid = false;
                return null;
            default:
                _doc.Report(DiagnosticDescriptors.InvalidParameterLocation, SpecDocument.Member(map, "in"), Pointer.Append(pointer, "in"), name, location);
                valid = false;
                return null;
        }

        var required = _doc.Bool(map, "required", pointer) ?? false;
        if (kind == ParameterLocation.Path && !required)
        {
            _doc.Report(DiagnosticDescriptors.InvalidValue, SpecDocument.Member(map, "required") ?? map, Pointer.Append(pointer, "required"), "required: true on a path parameter", required ? "true" : "nothing");
            required = true;
        }

        var schema = SpecDocument.Member(map, "schema");
        TypeRef? type;
        if (schema is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, map, pointer, "schema");
            valid = false;
            return null;
        }

        type = _schemas.ResolveType(schema, Pointer.Append(pointer, "schema"), out _);
        if (type is null)
        {
            valid = false;
            return null;
        }

        if (type.IsArray || type.Kind is TypeKind.Object or TypeKind.Untyped)
        {
            _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, schema, Pointer.Append(pointer, "schema"), "a parameter of array or object type ('" + name + "')", "use a scalar or an enum");
            valid = false;
            return null;
        }

        if (kind == ParameterLocation.Query && !UriTemplateVarName.IsMatch(name))
        {
            _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, SpecDocument.Member(map, "name"), Pointer.Append(pointer, "name"), "the query parameter name '" + name + "'", "a URI template variable may only contain letters, digits, '_' and '.'");
            valid = false;
            return null;
        }

        var csharpName = _doc.String(map, "x-csharp-name", pointer);
        if (csharpName is not null && !Naming.IsValidIdentifier(csharpName))
        {
            _doc.Report(DiagnosticDescriptors.InvalidValue, SpecDocument.Member(map, "x-csharp-name"), Pointer.Append(pointer, "x-csharp-name"), "a valid C# identifier", "'" + csharpName + "'");
            csharpName = null;
        }

        var identifier = Naming.EscapeKeyword(csharpName is null ? Naming.ToCamel(name) : Naming.LowerFirstWord(csharpName));
        var templateName = kind == ParameterLocation.Query ? name : identifier.TrimStart('@');
        return new ParameterSpec(name, identifier, templateName, kind, type, required, _schemas.DescriptionOf(map, pointer));
    }

    private bool CheckPathTemplate(string path, List<ParameterSpec> parameters, YamlMappingNode op, string pointer)
    {
        var ok = true;
        var variables = TemplateVariable.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value).ToList();
        foreach (var variable in variables.Distinct())
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == variable))
            {
                _doc.Report(DiagnosticDescriptors.PathParameterMismatch, op, pointer, "the path template variable '{" + variable + "}' has no path parameter");
                ok = false;
            }
        }

        foreach (var parameter in parameters.Where(p => p.Location == ParameterLocation.Path))
        {
            if (!variables.Contains(parameter.WireName))
            {
                _doc.Report(DiagnosticDescriptors.PathParameterMismatch, op, pointer, "the path parameter '" + parameter.WireName + "' does not appear in the path '" + path + "'");
                ok = false;
            }
        }

        return ok;
    }

    private static string BuildUrlTemplate(string path, List<ParameterSpec> parameters)
    {
        // Path values are encoded by the generated code (RFC 3986 path-segment rules) and inserted with reserved
        // expansion, so '+', ':' and '@' reach the wire unencoded while '/', '?', '#' and '%' are escaped.
        var builder = new StringBuilder("{+baseurl}");
        builder.Append(TemplateVariable.Replace(path, m =>
        {
            var parameter = parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == m.Groups[1].Value);
            return "{+" + parameter.TemplateName + "}";
        }));
        var query = parameters.Where(p => p.Location == ParameterLocation.Query).Select(p => p.TemplateName).ToList();
        if (query.Count > 0)
        {
            builder.Append("{?").Append(string.Join(",", query)).Append('}');
        }

        return builder.ToString();
    }

    private RequestBodySpec? ParseRequestBody(YamlMappingNode op, string pointer, out bool valid)
    {
        valid = true;
        var node = SpecDocument.Member(op, "requestBody");
        if (node is null)
        {
            return null;
        }

        var bodyPointer = Pointer.Append(pointer, "requestBody");
        var resolvedPointer = bodyPointer;
        var body = _doc.AsMapping(_doc.Resolve(node, ref resolvedPointer), resolvedPointer);
        if (body is null)
        {
            valid = false;
            return null;
        }

        var content = _doc.Mapping(body, "content", resolvedPointer);
        if (content is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, body, resolvedPointer, "content");
            valid = false;
            return null;
        }

        var contentPointer = Pointer.Append(resolvedPointer, "content");
        var (mediaType, media) = PickMedia(content, allowForm: true);
        if (media is null)
        {
            var first = content.Children.FirstOrDefault();
            _doc.Report(DiagnosticDescriptors.UnsupportedMediaType, first.Key ?? content, contentPointer, (first.Key as YamlScalarNode)?.Value ?? "(none)");
            valid = false;
            return null;
        }

        var mediaPointer = Pointer.Append(contentPointer, mediaType!);
        var typeName = ModelOf(media, mediaPointer, "a request body");
        if (typeName is null)
        {
            valid = false;
            return null;
        }

        var kind = mediaType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? BodyContentKind.Form : BodyContentKind.Json;
        return new RequestBodySpec(typeName, kind, kind == BodyContentKind.Form ? "application/x-www-form-urlencoded" : "application/json", _doc.Bool(body, "required", resolvedPointer) ?? false, _doc.String(body, "description", resolvedPointer));
    }

    private bool ParseResponses(YamlMappingNode responses, string pointer, out string? responseType, out string? successStatus, out List<ErrorMappingSpec> errors)
    {
        responseType = null;
        successStatus = null;
        errors = new List<ErrorMappingSpec>();
        var ok = true;
        var successCodes = new List<(string Code, YamlNode Node)>();
        foreach (var pair in responses.Children)
        {
            var code = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
            if (code.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            var upper = code.ToUpperInvariant();
            if (upper.Length == 3 && upper[0] == '2')
            {
                successCodes.Add((upper, pair.Value));
            }
            else if (upper == "DEFAULT" || (upper.Length == 3 && (upper[0] == '4' || upper[0] == '5')))
            {
                var errorPointer = Pointer.Append(pointer, code);
                var resolvedPointer = errorPointer;
                var response = _doc.AsMapping(_doc.Resolve(pair.Value, ref resolvedPointer), resolvedPointer);
                if (response is null)
                {
                    ok = false;
                    continue;
                }

                var content = _doc.Mapping(response, "content", resolvedPointer);
                if (content is null)
                {
                    continue; // an error without a body: Kiota raises its generic ApiException
                }

                var (mediaType, media) = PickMedia(content, allowForm: false);
                if (media is null)
                {
                    continue; // e.g. text/html error pages: nothing to deserialize
                }

                var typeName = ModelOf(media, Pointer.Append(Pointer.Append(resolvedPointer, "content"), mediaType!), "an error body");
                if (typeName is null)
                {
                    ok = false;
                    continue;
                }

                ErrorModels.Add(typeName);
                errors.Add(new ErrorMappingSpec(upper == "DEFAULT" ? "XXX" : upper, typeName, _doc.String(response, "description", resolvedPointer)));
            }
            else if (!(upper.Length == 3 && (upper[0] == '1' || upper[0] == '3')))
            {
                _doc.Report(DiagnosticDescriptors.InvalidValue, pair.Key, Pointer.Append(pointer, code), "an HTTP status code, '2XX', '4XX', '5XX' or 'default'", "'" + code + "'");
                ok = false;
            }
        }

        successCodes.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        foreach (var (code, node) in successCodes)
        {
            var successPointer = Pointer.Append(pointer, code);
            var resolvedPointer = successPointer;
            var response = _doc.AsMapping(_doc.Resolve(node, ref resolvedPointer), resolvedPointer);
            if (response is null)
            {
                ok = false;
                continue;
            }

            var content = _doc.Mapping(response, "content", resolvedPointer);
            if (content is null || content.Children.Count == 0)
            {
                successStatus ??= code;
                continue;
            }

            var (mediaType, media) = PickMedia(content, allowForm: false);
            var contentPointer = Pointer.Append(resolvedPointer, "content");
            if (media is null)
            {
                var first = content.Children.First();
                _doc.Report(DiagnosticDescriptors.UnsupportedMediaType, first.Key, Pointer.Append(contentPointer, ((YamlScalarNode)first.Key).Value ?? string.Empty), ((YamlScalarNode)first.Key).Value ?? string.Empty);
                ok = false;
                continue;
            }

            var typeName = ModelOf(media, Pointer.Append(contentPointer, mediaType!), "a response body");
            if (typeName is null)
            {
                ok = false;
                continue;
            }

            if (responseType is null)
            {
                responseType = typeName;
                successStatus = code;
            }
            else if (responseType != typeName)
            {
                _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, node, successPointer, "success responses with different bodies (" + responseType + ", " + typeName + ")", "use one schema for every 2XX response");
                ok = false;
            }
        }

        return ok;
    }

    private string? ModelOf(YamlMappingNode media, string mediaPointer, string what)
    {
        var schema = SpecDocument.Member(media, "schema");
        if (schema is null)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, media, mediaPointer, "schema");
            return null;
        }

        var schemaPointer = Pointer.Append(mediaPointer, "schema");
        var type = _schemas.ResolveType(schema, schemaPointer, out _);
        if (type is null)
        {
            return null;
        }

        if (type.Kind != TypeKind.Object || type.IsArray)
        {
            _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, schema, schemaPointer, what + " that is not a named object schema", "$ref an object schema in #/components/schemas");
            return null;
        }

        return type.TypeName;
    }

    private (string? MediaType, YamlMappingNode? Media) PickMedia(YamlMappingNode content, bool allowForm)
    {
        foreach (var pair in content.Children)
        {
            var mediaType = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
            var bare = mediaType.Split(';')[0].Trim().ToLowerInvariant();
            if (bare == "application/json" || bare.EndsWith("+json", StringComparison.Ordinal) || bare == "*/*")
            {
                return (mediaType, pair.Value as YamlMappingNode);
            }
        }

        if (allowForm)
        {
            foreach (var pair in content.Children)
            {
                var mediaType = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
                if (mediaType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                {
                    return (mediaType, pair.Value as YamlMappingNode);
                }
            }
        }

        return (null, null);
    }
}
