using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>Parameters: path, query (scalars, arrays, objects as string maps), header and cookie.</summary>
internal sealed partial class OperationParser
{
    private List<ParameterSpec> ParseParameters(SpecMapping op, string pointer, SpecNode? shared, string sharedPointer, string methodName, out bool valid)
    {
        var allValid = true;
        var byKey = new Dictionary<string, ParameterSpec>(StringComparer.Ordinal);
        var order = new List<string>();

        void ReadList(SpecNode? listNode, string listPointer)
        {
            if (listNode is null)
            {
                return;
            }

            if (listNode is not SpecSequence list)
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

                var parameter = ParseParameter(_doc.AsMapping(resolved, resolvedPointer), resolvedPointer, methodName, ref allValid);
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
        return order.Select(k => byKey[k]).ToList();
    }

    /// <summary>
    /// Distinct C# parameter names (a query "id" and a header "Id" would otherwise clash), also against the body and the
    /// locals of the generated methods (CS0136); then required parameters first, so optional ones can take defaults.
    /// </summary>
    private static void FinishParameterNames(List<ParameterSpec> parameters, RequestBodySpec? body)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "body", "bodyContentType", "cancellationToken", "requestInfo", "result", "cookies", "text", "stream" };
        for (var i = 0; i < parameters.Count; i++)
        {
            var baseName = parameters[i].Name;
            var name = baseName;
            for (var suffix = 2; !names.Add(name); suffix++)
            {
                name = baseName + suffix.ToString(CultureInfo.InvariantCulture);
            }

            if (name != baseName)
            {
                parameters[i] = parameters[i] with { Name = name, TemplateName = parameters[i].Location == ParameterLocation.Path ? TemplateVar(name.TrimStart('@')) : parameters[i].TemplateName };
            }
        }

        var ordered = parameters.Where(p => p.Required).Concat(parameters.Where(p => !p.Required)).ToList();
        parameters.Clear();
        parameters.AddRange(ordered);
        _ = body;
    }

    private ParameterSpec? ParseParameter(SpecMapping? map, string pointer, string methodName, ref bool valid)
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
                // OpenAPI: header parameters named Accept, Content-Type or Authorization SHALL be ignored.
                if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                kind = ParameterLocation.Header;
                break;
            case "cookie":
                kind = ParameterLocation.Cookie;
                break;
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

        // A parameter may describe its value with `content` instead of `schema`; neither means a string (as Kiota and NSwag read it).
        var schemaPointer = Pointer.Append(pointer, "schema");
        var schema = SpecDocument.Member(map, "schema");
        if (schema is null && _doc.Mapping(map, "content", pointer) is { Children.Count: > 0 } content && content.Children[0].Value is SpecMapping media)
        {
            schemaPointer = Pointer.Append(Pointer.Append(Pointer.Append(pointer, "content"), ((SpecScalar)content.Children[0].Key).Value ?? string.Empty), "schema");
            schema = SpecDocument.Member(media, "schema");
        }

        TypeRef? type;
        var nameHint = pointer.StartsWith("#/components/parameters/", StringComparison.Ordinal) ? Naming.ToPascal(name) : methodName + Naming.ToPascal(name);
        if (schema is null)
        {
            type = TypeRef.Scalar(TypeKind.String);
        }
        else
        {
            type = _schemas.ResolveType(schema, schemaPointer, nameHint, out _);
        }

        if (type is null)
        {
            valid = false;
            return null;
        }

        var style = ParameterStyle.Exploded;
        var isMap = false;
        if (type.IsArray && type.Kind is TypeKind.Object or TypeKind.Untyped)
        {
            type = TypeRef.Scalar(TypeKind.String).AsArray(); // an array of objects in a URL: each item as its text
        }

        if (!type.IsArray && type.Kind is TypeKind.Object or TypeKind.Untyped)
        {
            isMap = true; // an object in a URL, header or cookie: a string map, serialized per `style`/`explode`
        }

        {
            // Defaults: form + explode for query and cookie, simple without explode for path and header.
            var styleName = _doc.String(map, "style", pointer);
            var explode = _doc.Bool(map, "explode", pointer) ?? (kind is ParameterLocation.Query or ParameterLocation.Cookie && styleName is null or "form");
            style = styleName == "deepObject" ? ParameterStyle.DeepObject : explode ? ParameterStyle.Exploded : ParameterStyle.Joined;
        }

        var csharpName = _filter.ParameterName(pointer) ?? _doc.String(map, "x-csharp-name", pointer);
        if (csharpName is not null && !Naming.IsValidIdentifier(csharpName))
        {
            _doc.Report(DiagnosticDescriptors.InvalidValue, SpecDocument.Member(map, "x-csharp-name"), Pointer.Append(pointer, "x-csharp-name"), "a valid C# identifier", "'" + csharpName + "'");
            csharpName = null;
        }

        var identifier = Naming.EscapeKeyword(csharpName is null ? Naming.ToCamel(name) : Naming.LowerFirstWord(csharpName));
        var templateName = kind == ParameterLocation.Query ? TemplateVar(name) : TemplateVar(identifier.TrimStart('@'));
        return new ParameterSpec(
            name,
            identifier,
            templateName,
            kind,
            type,
            required,
            _schemas.DescriptionOf(map, pointer),
            style,
            isMap,
            _doc.Bool(map, "deprecated", pointer) ?? false);
    }
}
