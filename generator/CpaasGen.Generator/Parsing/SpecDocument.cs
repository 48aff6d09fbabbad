using System;
using System.Collections.Generic;
using System.Text;
using CpaasGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// The loaded document (JSON or YAML, as <see cref="SpecNode"/>s) with the helpers the parsers share: typed member
/// access, JSON pointers, <c>$ref</c> resolution and source locations. Lives only inside the parse step: no node ever
/// leaves it, so nothing here reaches the pipeline's cached models.
/// </summary>
internal sealed class SpecDocument
{
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SourceMap _map;
    private readonly HashSet<SpecNode> _reportedRefs = new(ReferenceEqualityComparer.Instance);

    // YAML aliases make one node appear in many places; walking each node once keeps the reference check linear
    // (a "billion laughs" document of nested aliases would otherwise take exponential time and hang the build).
    private readonly HashSet<SpecNode> _walked = new(ReferenceEqualityComparer.Instance);

    private SpecDocument(string filePath, SpecMapping root, SourceMap map, List<DiagnosticInfo> diagnostics)
    {
        FilePath = filePath;
        Root = root;
        _map = map;
        _diagnostics = diagnostics;
    }

    public string FilePath { get; }

    public SpecMapping Root { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>
    /// Loads a document: JSON through <see cref="JsonLoader"/> (fast, byte offsets), anything else, and JSON that
    /// loader declines, through <see cref="YamlLoader"/>. Null when it cannot be read (reported as CPGEN001).
    /// </summary>
    public static SpecDocument? Load(string filePath, string text, List<DiagnosticInfo> diagnostics)
    {
        var loaded = (JsonLoader.LooksLikeJson(text) ? JsonLoader.TryLoad(filePath, text) : null)
            ?? YamlLoader.Load(filePath, text, diagnostics);
        return loaded is { } ok ? new SpecDocument(filePath, ok.Root, ok.Map, diagnostics) : null;
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecNode? node, params string[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, node is null ? FileStart(FilePath) : Locate(node), args));

    public LocationInfo Locate(SpecNode node) => _map.Locate(node.Start, node.End);

    // ---- member access -------------------------------------------------------------------------------------

    public static SpecNode? Member(SpecMapping? map, string key) => map?.Get(key);

    public static SpecScalar? KeyNode(SpecMapping map, string key) => map.GetKey(key);

    /// <summary>A scalar member's text, or null when absent. Reports CPGEN012 when the member is not a scalar.</summary>
    public string? String(SpecMapping? map, string key, string pointer)
    {
        var node = Member(map, key);
        switch (node)
        {
            case null:
                return null;
            case SpecScalar scalar:
                return IsNull(scalar) ? null : scalar.Value;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node, Pointer.Append(pointer, key), "a string", Describe(node));
                return null;
        }
    }

    public bool? Bool(SpecMapping? map, string key, string pointer)
    {
        var text = String(map, key, pointer);
        if (text is null)
        {
            return null;
        }

        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Report(DiagnosticDescriptors.InvalidValue, Member(map, key), Pointer.Append(pointer, key), "true or false", "'" + text + "'");
        return null;
    }

    /// <summary>A mapping member, or null when absent. Reports CPGEN012 when the member is present but not a mapping.</summary>
    public SpecMapping? Mapping(SpecMapping? map, string key, string pointer)
    {
        var node = Member(map, key);
        return AsMapping(node, Pointer.Append(pointer, key));
    }

    public SpecMapping? AsMapping(SpecNode? node, string pointer)
    {
        switch (node)
        {
            case null:
                return null;
            case SpecMapping mapping:
                return mapping;
            case SpecScalar scalar when IsNull(scalar):
                return null;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node, pointer, "a mapping (an object)", Describe(node));
                return null;
        }
    }

    public SpecSequence? Sequence(SpecMapping? map, string key, string pointer)
    {
        var node = Member(map, key);
        switch (node)
        {
            case null:
                return null;
            case SpecSequence sequence:
                return sequence;
            case SpecScalar scalar when IsNull(scalar):
                return null;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node, Pointer.Append(pointer, key), "a sequence (an array)", Describe(node));
                return null;
        }
    }

    public static bool IsNull(SpecScalar scalar)
        => scalar.IsPlain && (scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null");

    public static string Describe(SpecNode node) => node switch
    {
        SpecMapping => "a mapping",
        SpecSequence => "a sequence",
        SpecScalar scalar => "'" + Truncate(scalar.Value ?? string.Empty) + "'",
        _ => "a node",
    };

    // ---- $ref ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Follows <c>$ref</c> chains. Returns the target node (or the node itself when it is not a reference) and the
    /// pointer of what it resolved to; null when the reference does not resolve (reported once, as CPGEN002).
    /// </summary>
    public SpecNode? Resolve(SpecNode node, ref string pointer)
    {
        var current = node;
        for (var depth = 0; depth < 32; depth++)
        {
            if (current is not SpecMapping map || Member(map, "$ref") is not { } refNode)
            {
                return current;
            }

            var reference = refNode is SpecScalar scalar ? scalar.Value ?? string.Empty : string.Empty;
            var target = FindTarget(reference);
            if (target is null)
            {
                ReportUnresolved(refNode, Pointer.Append(pointer, "$ref"), reference);
                return null;
            }

            pointer = reference;
            current = target;
        }

        ReportUnresolved(node, pointer, "(a $ref cycle)");
        return null;
    }

    /// <summary>The node a local reference points at, or null; reports nothing (for shape tests).</summary>
    public SpecNode? TryResolve(string reference) => FindTarget(reference);

    /// <summary>Compares YAML nodes by identity (one schema node reached from many places is one type).</summary>
    public static IEqualityComparer<SpecNode> NodeIdentity => ReferenceEqualityComparer.Instance;

    /// <summary>The pointer a <c>$ref</c> names, when the node is a reference; null otherwise.</summary>
    public static string? RefOf(SpecNode node)
        => node is SpecMapping map && Member(map, "$ref") is SpecScalar scalar ? scalar.Value : null;

    /// <summary>Checks every <c>$ref</c> in the document, wherever it is (callbacks and examples' siblings included).</summary>
    public void ValidateAllReferences()
    {
        // The pointer of a node is built only when something is reported: the walk visits every node of the document.
        Walk(Root, new List<string>());
    }

    private void Walk(SpecNode node, List<string> path)
    {
        if (node.IsShared && !_walked.Add(node))
        {
            return;
        }

        switch (node)
        {
            case SpecMapping map:
                var isNameMap = path.Count > 0 && IsNameMap(path[path.Count - 1]);
                foreach (var pair in map.Children)
                {
                    var key = ((SpecScalar)pair.Key).Value;
                    if (key == "$ref")
                    {
                        var reference = (pair.Value as SpecScalar)?.Value ?? string.Empty;
                        if (FindTarget(reference) is null)
                        {
                            ReportUnresolved(pair.Value, Pointer.Append(PointerOf(path), key), reference);
                        }

                        continue;
                    }

                    if (pair.Value is SpecScalar)
                    {
                        continue; // nothing below a scalar
                    }

                    if (key.StartsWith("x-", StringComparison.Ordinal) && !isNameMap)
                    {
                        // Specification extensions are ignored (spec/README.md), so are any $refs inside them.
                        continue;
                    }

                    path.Add(key);
                    if (key is "example" or "examples" && !isNameMap)
                    {
                        // Example values are data, not schema: a "$ref" key inside them is just a member name.
                        if (key == "examples")
                        {
                            WalkExamples(pair.Value, path);
                        }
                    }
                    else
                    {
                        Walk(pair.Value, path);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                break;
            case SpecSequence sequence:
                for (var index = 0; index < sequence.Children.Count; index++)
                {
                    if (sequence.Children[index] is SpecScalar)
                    {
                        continue;
                    }

                    path.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Walk(sequence.Children[index], path);
                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }

    private static string PointerOf(List<string> path)
    {
        var pointer = "#";
        foreach (var segment in path)
        {
            pointer = Pointer.Append(pointer, segment);
        }

        return pointer;
    }

    /// <summary>Maps whose keys are names chosen by the author (a property "x-webhookURL" is not an extension).</summary>
    private static bool IsNameMap(string key)
        => key is "properties" or "components" or "schemas" or "responses" or "parameters" or "requestBodies" or "headers"
            or "links" or "callbacks" or "securitySchemes" or "pathItems" or "webhooks" or "mapping" or "variables" or "encoding" or "content";

    private void WalkExamples(SpecNode node, List<string> path)
    {
        // `examples` is a map of Example Objects, each of which may itself be a $ref to components/examples.
        if (node is not SpecMapping map)
        {
            return;
        }

        foreach (var pair in map.Children)
        {
            if (pair.Value is SpecMapping example && Member(example, "$ref") is { } refNode)
            {
                var reference = (refNode as SpecScalar)?.Value ?? string.Empty;
                if (FindTarget(reference) is null)
                {
                    ReportUnresolved(refNode, Pointer.Append(Pointer.Append(PointerOf(path), ((SpecScalar)pair.Key).Value), "$ref"), reference);
                }
            }
        }
    }

    private void ReportUnresolved(SpecNode node, string pointer, string reference)
    {
        if (_reportedRefs.Add(node))
        {
            Report(DiagnosticDescriptors.UnresolvedReference, node, pointer, reference);
        }
    }

    private SpecNode? FindTarget(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            // External references (other files, URLs) are not followed: the document must be self-contained.
            return null;
        }

        SpecNode current = Root;
        foreach (var rawSegment in reference.Substring(2).Split('/'))
        {
            var segment = Pointer.Unescape(Uri.UnescapeDataString(rawSegment));
            switch (current)
            {
                case SpecMapping map:
                    var next = Member(map, segment);
                    if (next is null)
                    {
                        return null;
                    }

                    current = next;
                    break;
                case SpecSequence sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count:
                    current = sequence.Children[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    // ---- locations -----------------------------------------------------------------------------------------

    public static LocationInfo FileStart(string filePath)
        => new(filePath, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));

    private static string Truncate(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "…";

    private sealed class ReferenceEqualityComparer : IEqualityComparer<SpecNode>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(SpecNode? x, SpecNode? y) => ReferenceEquals(x, y);

        // The offset is a good spread for nodes of one document (equality stays by reference) and costs nothing,
        // where the runtime's identity hash must first be created and stored in the object header.
        public int GetHashCode(SpecNode obj) => obj.Start;
    }
}

/// <summary>RFC 6901 JSON pointers in their URI-fragment form (<c>#/paths/~1users/get</c>).</summary>
internal static class Pointer
{
    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Escape(string segment)
    {
        if (segment.IndexOf('~') < 0 && segment.IndexOf('/') < 0)
        {
            return segment;
        }

        var builder = new StringBuilder(segment.Length + 4);
        foreach (var c in segment)
        {
            builder.Append(c switch
            {
                '~' => "~0",
                '/' => "~1",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");
}
