using System;
using System.Collections.Generic;
using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Request and response bodies. JSON bodies may be any type (a model, a list, a scalar, untyped JSON); form bodies are
/// models; <c>text/*</c> bodies are strings; everything else (octet-stream, <c>image/*</c>, PDF, XML,
/// <c>multipart/form-data</c>…) is a <c>Stream</c> in and out. When an operation declares several media types, JSON wins,
/// then form, then text, then the first one.
/// </summary>
internal sealed partial class OperationParser
{
    private RequestBodySpec? ParseRequestBody(SpecMapping op, string pointer, string methodName, out bool valid)
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

        if (content.Children.Count == 0)
        {
            return null;
        }

        var hint = HintFor(resolvedPointer, "requestBodies", "Request") ?? methodName + "Request";
        var read = ReadBody(content, Pointer.Append(resolvedPointer, "content"), hint, request: true);
        if (read is null)
        {
            valid = false;
            return null;
        }

        var (kind, type, mediaType) = read.Value;
        if (type is { Kind: TypeKind.Object })
        {
            BodyModels.Add(type.TypeName!);
        }

        return new RequestBodySpec(type, kind, mediaType, _doc.Bool(body, "required", resolvedPointer) ?? false, _doc.String(body, "description", resolvedPointer));
    }

    private bool ParseResponses(SpecMapping responses, string pointer, string methodName, out ResponseSpec? response, out string? successStatus, out List<ErrorMappingSpec> errors)
    {
        response = null;
        successStatus = null;
        errors = new List<ErrorMappingSpec>();
        var ok = true;
        var success = new List<(string Code, SpecNode Node)>();
        var failures = new List<(string Code, SpecNode Node)>();
        SpecNode? defaultNode = null;
        foreach (var pair in responses.Children)
        {
            var code = ((SpecScalar)pair.Key).Value ?? string.Empty;
            if (code.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            var upper = code.ToUpperInvariant();
            if (upper == "DEFAULT")
            {
                defaultNode = pair.Value;
            }
            else if (upper.Length == 3 && upper[0] == '2')
            {
                success.Add((upper, pair.Value));
            }
            else if (upper.Length == 3 && (upper[0] == '4' || upper[0] == '5'))
            {
                failures.Add((upper, pair.Value));
            }
            else if (!(upper.Length == 3 && (upper[0] == '1' || upper[0] == '3')))
            {
                _doc.Report(DiagnosticDescriptors.InvalidValue, pair.Key, Pointer.Append(pointer, code), "an HTTP status code, '2XX', '4XX', '5XX' or 'default'", "'" + code + "'");
                ok = false;
            }
        }

        // `default` describes the errors when a success status is listed; when it is the only response, it is the success.
        if (defaultNode is not null)
        {
            if (success.Count == 0)
            {
                success.Add(("default", defaultNode));
            }
            else
            {
                failures.Add(("XXX", defaultNode));
            }
        }

        foreach (var (code, node) in failures)
        {
            var errorPointer = Pointer.Append(pointer, code == "XXX" ? "default" : code);
            var resolvedPointer = errorPointer;
            var errorResponse = _doc.AsMapping(_doc.Resolve(node, ref resolvedPointer), resolvedPointer);
            if (errorResponse is null)
            {
                ok = false;
                continue;
            }

            var content = _doc.Mapping(errorResponse, "content", resolvedPointer);
            if (content is null || content.Children.Count == 0)
            {
                continue; // an error without a body: Kiota raises its generic ApiException
            }

            var hint = HintFor(resolvedPointer, "responses", "Response") ?? methodName + (code == "XXX" ? string.Empty : code) + "Error";
            var read = ReadBody(content, Pointer.Append(resolvedPointer, "content"), hint, request: false);
            if (read is null)
            {
                ok = false;
                continue;
            }

            // Only a JSON object can be thrown as a typed exception; any other error body leaves Kiota's ApiException.
            if (read.Value.Type is { Kind: TypeKind.Object, IsArray: false, TypeName: { } typeName } && read.Value.Kind == BodyContentKind.Json)
            {
                ErrorModels.Add(typeName);
                errors.Add(new ErrorMappingSpec(code, typeName, _doc.String(errorResponse, "description", resolvedPointer)));
            }
        }

        success.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        var bodies = new List<(BodyContentKind Kind, TypeRef? Type, string MediaType)>();
        var anyEmpty = false;
        foreach (var (code, node) in success)
        {
            var successPointer = Pointer.Append(pointer, code);
            var resolvedPointer = successPointer;
            var successResponse = _doc.AsMapping(_doc.Resolve(node, ref resolvedPointer), resolvedPointer);
            if (successResponse is null)
            {
                ok = false;
                continue;
            }

            successStatus ??= code == "default" ? null : code;
            var content = _doc.Mapping(successResponse, "content", resolvedPointer);
            if (content is null || content.Children.Count == 0)
            {
                anyEmpty = true;
                continue;
            }

            var hint = HintFor(resolvedPointer, "responses", "Response") ?? methodName + "Response";
            var read = ReadBody(content, Pointer.Append(resolvedPointer, "content"), hint, request: false);
            if (read is null)
            {
                ok = false;
                continue;
            }

            bodies.Add(read.Value);
        }

        if (bodies.Count > 0)
        {
            response = Combine(bodies, anyEmpty);
            if (response.Type is { Kind: TypeKind.Object, TypeName: { } name })
            {
                BodyModels.Add(name);
            }
        }

        return ok;
    }

    /// <summary>
    /// One return type for every success status: the body when they agree; untyped JSON when JSON bodies differ
    /// (different bodies per 2XX status); a stream when a non-JSON body is among them.
    /// </summary>
    private static ResponseSpec Combine(List<(BodyContentKind Kind, TypeRef? Type, string MediaType)> bodies, bool anyEmpty)
    {
        var first = bodies[0];
        if (bodies.All(b => b.Kind == first.Kind && Equals(b.Type, first.Type)))
        {
            return new ResponseSpec(first.Type, first.Kind, first.MediaType, anyEmpty);
        }

        if (bodies.All(b => b.Kind == BodyContentKind.Json))
        {
            return new ResponseSpec(TypeRef.Untyped, BodyContentKind.Json, "application/json", anyEmpty);
        }

        return new ResponseSpec(null, BodyContentKind.Stream, string.Join(", ", bodies.Select(b => b.MediaType).Distinct()), anyEmpty);
    }

    private (BodyContentKind Kind, TypeRef? Type, string MediaType)? ReadBody(SpecMapping content, string contentPointer, string hint, bool request)
    {
        var candidates = new List<(string MediaType, SpecNode Key, SpecMapping? Media, BodyContentKind Kind)>();
        foreach (var pair in content.Children)
        {
            var mediaType = ((SpecScalar)pair.Key).Value ?? string.Empty;
            var kind = Classify(mediaType, request);
            if (kind is null)
            {
                continue;
            }

            candidates.Add((mediaType, pair.Key, pair.Value as SpecMapping, kind.Value));
        }

        if (candidates.Count == 0)
        {
            var first = content.Children[0];
            var name = ((SpecScalar)first.Key).Value ?? string.Empty;
            _doc.Report(DiagnosticDescriptors.UnsupportedMediaType, first.Key, Pointer.Append(contentPointer, name), name);
            return null;
        }

        var chosen = candidates.OrderBy(c => (int)c.Kind).First();
        var mediaPointer = Pointer.Append(contentPointer, chosen.MediaType);
        var bare = chosen.MediaType.Split(';')[0].Trim();
        var schema = SpecDocument.Member(chosen.Media, "schema");
        switch (chosen.Kind)
        {
            case BodyContentKind.Json:
                if (schema is null)
                {
                    return (BodyContentKind.Json, TypeRef.Untyped, "application/json");
                }

                if (IsBinaryString(schema))
                {
                    return (BodyContentKind.Stream, null, bare == "*/*" ? "application/octet-stream" : bare);
                }

                var type = _schemas.ResolveType(schema, Pointer.Append(mediaPointer, "schema"), hint, out _);
                if (type is null)
                {
                    return null;
                }

                return (BodyContentKind.Json, type, bare == "*/*" ? "application/json" : bare);
            case BodyContentKind.Form:
                if (schema is not null)
                {
                    var formType = _schemas.ResolveType(schema, Pointer.Append(mediaPointer, "schema"), hint, out _);
                    if (formType is null)
                    {
                        return null;
                    }

                    if (formType is { Kind: TypeKind.Object, IsArray: false })
                    {
                        return (BodyContentKind.Form, formType, "application/x-www-form-urlencoded");
                    }
                }

                return (BodyContentKind.Stream, null, "application/x-www-form-urlencoded");
            case BodyContentKind.Text:
                return (BodyContentKind.Text, null, bare);
            default:
                return (BodyContentKind.Stream, null, bare);
        }
    }

    /// <summary>How a media type travels; null when the key is not a media type at all.</summary>
    private static BodyContentKind? Classify(string mediaType, bool request)
    {
        var bare = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (bare.IndexOf('/') <= 0)
        {
            return null;
        }

        if (bare is "application/json" or "text/json" or "*/*" || bare.EndsWith("+json", StringComparison.Ordinal) || bare.EndsWith("/json", StringComparison.Ordinal))
        {
            return BodyContentKind.Json;
        }

        if (request && bare == "application/x-www-form-urlencoded")
        {
            return BodyContentKind.Form;
        }

        if (bare.StartsWith("text/", StringComparison.Ordinal) && bare != "text/event-stream")
        {
            return BodyContentKind.Text;
        }

        return BodyContentKind.Stream;
    }

    private bool IsBinaryString(SpecNode schema)
    {
        var pointer = "#";
        var target = schema is SpecMapping m && SpecDocument.RefOf(m) is { } reference ? _doc.TryResolve(reference) : schema;
        _ = pointer;
        return target is SpecMapping map
            && SchemaParser.TypeNames(map).Contains("string")
            && SpecDocument.Member(map, "format") is SpecScalar { Value: "binary" };
    }

    /// <summary>A stable name for an inline body of a shared component (<c>#/components/responses/NotFound</c> → <c>NotFoundResponse</c>).</summary>
    private static string? HintFor(string resolvedPointer, string section, string suffix)
    {
        var prefix = "#/components/" + section + "/";
        if (!resolvedPointer.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = Pointer.Unescape(resolvedPointer.Substring(prefix.Length).Split('/')[0]);
        var name = Naming.ToPascal(key);
        return name.EndsWith(suffix, StringComparison.Ordinal) ? name : name + suffix;
    }
}
