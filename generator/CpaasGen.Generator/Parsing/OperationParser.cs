using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Reads <c>paths</c> into operation specs grouped by their first tag (or, without tags, by the first path segment
/// after the segments every path shares). An operation without <c>operationId</c> gets a stable name from its method
/// and path (<c>GET /pets/{id}/toys</c> → <c>GetPetsByIdToys</c>). Collects which models are error bodies and which
/// are success or request bodies, so error-only models become exception types.
/// </summary>
internal sealed partial class OperationParser
{
    private static readonly char[] Slash = ['/'];

    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
    private static readonly Regex TemplateVariable = new(@"\{([^{}]*)\}", RegexOptions.CultureInvariant);

    private readonly SpecDocument _doc;
    private readonly SchemaParser _schemas;
    private readonly OperationFilter _filter;
    private readonly Dictionary<string, string> _operationIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _methodNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _groupOfTag = new(StringComparer.Ordinal);
    private readonly List<string> _pathPrefix = new();
    private readonly bool _responsesOptional;

    public OperationParser(SpecDocument doc, SchemaParser schemas, OperationFilter filter, bool responsesOptional)
    {
        _doc = doc;
        _schemas = schemas;
        _filter = filter;
        _responsesOptional = responsesOptional;
    }

    /// <summary>Model names used as error response bodies.</summary>
    public HashSet<string> ErrorModels { get; } = new(StringComparer.Ordinal);

    /// <summary>Model names used as request or success bodies (these are never turned into exception types).</summary>
    public HashSet<string> BodyModels { get; } = new(StringComparer.Ordinal);

    /// <summary>Operations per group, in document order; groups in first-seen order.</summary>
    public List<(string Group, List<OperationSpec> Operations)> Groups { get; } = new();

    /// <summary>Operations that were not generated (pointer and reason), for the skip-and-warn summary.</summary>
    public List<(string Pointer, string Name, SpecNode Node)> Skipped { get; } = new();

    /// <summary>
    /// First pass: the group (client) of every operation, so client names are claimed before any synthesized model
    /// name. A group whose client name is taken is reported (CPGEN008) and its operations are skipped.
    /// </summary>
    public List<string> PlanGroups(SpecMapping? paths)
    {
        var groups = new List<string>();
        if (paths is null)
        {
            return groups;
        }

        var pathNames = paths.Children.Select(p => (p.Key as SpecScalar)?.Value ?? string.Empty).Where(p => p.StartsWith("/", StringComparison.Ordinal)).ToList();
        _pathPrefix.AddRange(CommonPrefix(pathNames));
        foreach (var pathPair in paths.Children)
        {
            var path = (pathPair.Key as SpecScalar)?.Value ?? string.Empty;
            if (pathPair.Value is not SpecMapping item)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (SpecDocument.Member(item, method) is SpecMapping op)
                {
                    var group = GroupOf(op, path);
                    if (!groups.Contains(group))
                    {
                        groups.Add(group);
                    }
                }
            }
        }

        return groups;
    }

    public void ParseAll(SpecMapping? paths, CancellationToken cancellationToken)
    {
        if (paths is null)
        {
            return;
        }

        foreach (var pathPair in paths.Children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = ((SpecScalar)pathPair.Key).Value ?? string.Empty;
            if (path.StartsWith("x-", StringComparison.Ordinal))
            {
                continue; // an extension of the Paths Object
            }

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
            var pathServer = ServerUrl(item, pathPointer);
            foreach (var method in Methods)
            {
                var operationNode = _doc.Mapping(item, method, pathPointer);
                if (operationNode is null)
                {
                    continue;
                }

                var pointer = Pointer.Append(pathPointer, method);
                var diagnosticsBefore = _doc.Diagnostics.Count;
                if (!ParseOperation(path, method, operationNode, pointer, shared, Pointer.Append(pathPointer, "parameters"), pathServer))
                {
                    Skipped.Add((pointer, method.ToUpperInvariant() + " " + path, operationNode));
                }
                else if (_doc.Diagnostics.Skip(diagnosticsBefore).Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                {
                    // Generated, but a member type was dropped on the way (reported above): listed for the summary too.
                    Skipped.Add((pointer, method.ToUpperInvariant() + " " + path + " (partly)", operationNode));
                }
            }
        }
    }

    private bool ParseOperation(string path, string method, SpecMapping op, string pointer, SpecNode? sharedParameters, string sharedPointer, string? pathServer)
    {
        var operationId = _doc.String(op, "operationId", pointer);
        if (operationId is not null)
        {
            if (_operationIds.TryGetValue(operationId, out var firstPointer))
            {
                _doc.Report(DiagnosticDescriptors.DuplicateOperationId, SpecDocument.Member(op, "operationId"), Pointer.Append(pointer, "operationId"), operationId, firstPointer);
                return false;
            }

            _operationIds[operationId] = pointer;
        }

        var group = GroupOf(op, path);
        if (!_filter.Includes(operationId, method, path, group))
        {
            return true; // excluded on purpose (CpaasGenExclude / overlay): not a skip
        }

        var explicitName = _filter.MethodName(operationId, method, path) ?? _doc.String(op, "x-csharp-name", pointer);
        var defaultName = operationId is null ? SynthesizedName(method, path, _pathPrefix.Count) : Naming.ToPascal(operationId);
        var methodName = explicitName ?? defaultName;
        if (!Naming.IsValidIdentifier(methodName))
        {
            _doc.Report(DiagnosticDescriptors.InvalidValue, SpecDocument.Member(op, "x-csharp-name"), Pointer.Append(pointer, "x-csharp-name"), "a valid C# identifier", "'" + methodName + "'");
            methodName = defaultName;
        }

        // Distinct operationIds can still map to one C# method (get_item / getItem, or an x-csharp-name): CS0111 otherwise.
        // A name the generator made up gets a numeric suffix instead.
        if (_methodNames.ContainsKey(group + "\n" + methodName) && explicitName is null && operationId is null)
        {
            var baseName = methodName;
            for (var suffix = 2; _methodNames.ContainsKey(group + "\n" + methodName); suffix++)
            {
                methodName = baseName + suffix.ToString(CultureInfo.InvariantCulture);
            }
        }

        if (_methodNames.TryGetValue(group + "\n" + methodName, out var otherOperation))
        {
            var nameKey = SpecDocument.Member(op, "x-csharp-name") is SpecScalar { Value: var xName } && xName == methodName ? "x-csharp-name" : "operationId";
            _doc.Report(DiagnosticDescriptors.NameCollision, SpecDocument.Member(op, nameKey) ?? op, Pointer.Append(pointer, nameKey), methodName, otherOperation);
            return false;
        }

        var parameters = ParseParameters(op, pointer, sharedParameters, sharedPointer, methodName, out var parametersValid);
        if (!parametersValid)
        {
            return false;
        }

        AddMissingPathParameters(path, parameters, op, pointer);
        if (!CheckPathTemplate(path, parameters, op, pointer))
        {
            return false;
        }

        var body = ParseRequestBody(op, pointer, methodName, out var bodyValid);
        var responses = _doc.Mapping(op, "responses", pointer);
        if (responses is null && !_responsesOptional)
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, op, pointer, "responses");
            return false;
        }

        ResponseSpec? response = null;
        string? successStatus = null;
        var errors = new List<ErrorMappingSpec>();
        if (responses is not null && !ParseResponses(responses, Pointer.Append(pointer, "responses"), methodName, out response, out successStatus, out errors))
        {
            return false;
        }

        if (!bodyValid)
        {
            return false;
        }

        FinishParameterNames(parameters, body);
        var server = ServerUrl(op, pointer) ?? pathServer;
        var spec = new OperationSpec(
            operationId ?? method.ToUpperInvariant() + " " + path,
            methodName,
            method.ToUpperInvariant(),
            path,
            BuildUrlTemplate(path, parameters, server),
            _doc.String(op, "summary", pointer),
            _doc.String(op, "description", pointer),
            _doc.Bool(op, "deprecated", pointer) ?? false,
            parameters.ToEquatableArray(),
            body,
            response,
            successStatus,
            errors.ToEquatableArray());

        _methodNames[group + "\n" + methodName] = pointer;
        var existing = Groups.FirstOrDefault(g => g.Group == group);
        if (existing.Operations is null)
        {
            existing = (group, new List<OperationSpec>());
            Groups.Add(existing);
        }

        existing.Operations.Add(spec);
        return true;
    }

    /// <summary>The operation's group: its first tag, or the first path segment after the prefix all paths share.</summary>
    private string GroupOf(SpecMapping op, string path)
    {
        var tag = (SpecDocument.Member(op, "tags") as SpecSequence)?.Children.OfType<SpecScalar>().Select(s => s.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (tag is not null)
        {
            return tag;
        }

        var segments = Segments(path);
        var literal = segments.Skip(_pathPrefix.Count).FirstOrDefault(s => !s.StartsWith("{", StringComparison.Ordinal))
            ?? segments.FirstOrDefault(s => !s.StartsWith("{", StringComparison.Ordinal));
        return literal is null || Naming.ToPascal(literal) == "Value" ? "Default" : literal;
    }

    private static List<string> Segments(string path) => path.Split(Slash, StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>The literal segments every path starts with (<c>/api/v2</c>), which would otherwise put every operation in one group.</summary>
    private static IEnumerable<string> CommonPrefix(List<string> paths)
    {
        if (paths.Count < 2)
        {
            return Enumerable.Empty<string>();
        }

        var lists = paths.Select(Segments).ToList();
        var prefix = new List<string>();
        for (var i = 0; ; i++)
        {
            var segment = i < lists[0].Count ? lists[0][i] : null;
            if (segment is null || segment.StartsWith("{", StringComparison.Ordinal) || lists.Any(l => l.Count <= i + 1 || l[i] != segment))
            {
                return prefix;
            }

            prefix.Add(segment);
        }
    }

    /// <summary>
    /// <c>GET /pets/{petId}/toys</c> → <c>GetPetsByPetIdToys</c>: stable, readable, and distinct per method and path
    /// (the literal prefix every path shares, such as <c>/api/v1</c>, is left out).
    /// </summary>
    public static string SynthesizedName(string method, string path, int skipSegments)
    {
        var builder = new StringBuilder(Naming.ToPascal(method));
        foreach (var segment in Segments(path).Skip(skipSegments))
        {
            if (segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal))
            {
                builder.Append("By").Append(Naming.ToPascal(segment.Substring(1, segment.Length - 2)));
            }
            else
            {
                var word = Naming.ToPascal(segment);
                builder.Append(word == "Value" ? string.Empty : word.TrimStart('_'));
            }
        }

        return builder.ToString();
    }

    private string? ServerUrl(SpecMapping owner, string pointer)
    {
        var servers = _doc.Sequence(owner, "servers", pointer);
        if (servers is null || servers.Children.Count == 0 || servers.Children[0] is not SpecMapping first)
        {
            return null;
        }

        var url = ServerVariables.Expand(_doc, first, Pointer.Append(Pointer.Append(pointer, "servers"), "0"));
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? url.TrimEnd('/') : null;
    }

    private bool CheckPathTemplate(string path, List<ParameterSpec> parameters, SpecMapping op, string pointer)
    {
        var ok = true;
        var variables = TemplateVariable.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value).ToList();
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

    /// <summary>A <c>{variable}</c> with no path parameter: CPGEN007 (an error), and the operation still gets a required string parameter for it.</summary>
    private void AddMissingPathParameters(string path, List<ParameterSpec> parameters, SpecMapping op, string pointer)
    {
        foreach (var variable in TemplateVariable.Matches(path).Cast<Match>().Select(m => m.Groups[1].Value).Distinct())
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.WireName == variable))
            {
                _doc.Report(DiagnosticDescriptors.PathParameterMismatch, op, pointer, "the path template variable '{" + variable + "}' has no path parameter");
                var name = Naming.EscapeKeyword(Naming.ToCamel(variable));
                parameters.Insert(0, new ParameterSpec(variable, name, TemplateVar(name.TrimStart('@')), ParameterLocation.Path, TypeRef.Scalar(TypeKind.String), true, null));
            }
        }
    }

    private static string BuildUrlTemplate(string path, List<ParameterSpec> parameters, string? server)
    {
        // Path values are encoded by the generated code (RFC 3986 path-segment rules) and inserted with reserved
        // expansion, so '+', ':' and '@' reach the wire unencoded while '/', '?', '#' and '%' are escaped.
        var builder = new StringBuilder(server ?? "{+baseurl}");
        builder.Append(TemplateVariable.Replace(path, m =>
        {
            var parameter = parameters.First(p => p.Location == ParameterLocation.Path && p.WireName == m.Groups[1].Value);
            return "{+" + parameter.TemplateName + "}";
        }));
        var query = parameters.Where(p => p.Location == ParameterLocation.Query)
            .Select(p => p.TemplateName + ((p.Type.IsArray || p.IsMap) && p.Style != ParameterStyle.Joined ? "*" : string.Empty))
            .ToList();
        if (query.Count > 0)
        {
            builder.Append("{?").Append(string.Join(",", query)).Append('}');
        }

        return builder.ToString();
    }

    /// <summary>
    /// An RFC 6570 variable name for a wire name: letters, digits and '_' stay, every other character is
    /// percent-encoded as UTF-8 (<c>api-version</c> → <c>api%2Dversion</c>, <c>$filter</c> → <c>%24filter</c>,
    /// <c>filter[name]</c> → <c>filter%5Bname%5D</c>). The expansion writes the name as it is, and the server decodes it.
    /// </summary>
    public static string TemplateVar(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsLetterOrDigit(c) || c == '_'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }
}
