using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CpaasGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// The loaded YAML (or JSON, a YAML subset) document with the helpers the parsers share: typed member access,
/// JSON pointers, <c>$ref</c> resolution and source locations. Lives only inside the parse step: no YAML node ever
/// leaves it, so nothing here reaches the pipeline's cached models.
/// </summary>
internal sealed class SpecDocument
{
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly HashSet<YamlNode> _reportedRefs = new(ReferenceEqualityComparer.Instance);

    // YAML aliases make one node appear in many places; walking each node once keeps the reference check linear
    // (a "billion laughs" document of nested aliases would otherwise take exponential time and hang the build).
    private readonly HashSet<YamlNode> _walked = new(ReferenceEqualityComparer.Instance);

    private SpecDocument(string filePath, YamlMappingNode root, List<DiagnosticInfo> diagnostics)
    {
        FilePath = filePath;
        Root = root;
        _diagnostics = diagnostics;
    }

    public string FilePath { get; }

    public YamlMappingNode Root { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public static SpecDocument? Load(string filePath, string text, List<DiagnosticInfo> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            // YamlDotNet's message repeats the position as "(Line: 3, Col: 5, Idx: 20) - (…): "; keep only the reason.
            var reason = ex.InnerException is { } inner && ex.Message.StartsWith("(", StringComparison.Ordinal) ? inner.Message : ex.Message;
            reason = StripMarkPrefix(reason);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, Locate(filePath, ex.Start, ex.End), "#", reason));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, FileStart(filePath), "#", ex.Message));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, FileStart(filePath), "#", "the file is empty"));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, Locate(filePath, node.Start, node.End), "#", "the document root must be a mapping (an object)"));
            return null;
        }

        // OpenAPI only has string keys; the parsers rely on that (a YAML "? [a, b]" complex key would be a sequence).
        if (!AllKeysAreScalars(filePath, root, "#", new HashSet<YamlNode>(ReferenceEqualityComparer.Instance), diagnostics))
        {
            return null;
        }

        return new SpecDocument(filePath, root, diagnostics);
    }

    private static bool AllKeysAreScalars(string filePath, YamlNode node, string pointer, HashSet<YamlNode> visited, List<DiagnosticInfo> diagnostics)
    {
        if (!visited.Add(node))
        {
            return true; // an alias of a node already checked
        }

        var ok = true;
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var pair in map.Children)
                {
                    if (pair.Key is not YamlScalarNode key)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, Locate(filePath, pair.Key.Start, pair.Key.End), pointer, "a mapping key must be a plain string, not " + Describe(pair.Key)));
                        ok = false;
                        continue;
                    }

                    ok &= AllKeysAreScalars(filePath, pair.Value, Pointer.Append(pointer, key.Value ?? string.Empty), visited, diagnostics);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    ok &= AllKeysAreScalars(filePath, sequence.Children[i], Pointer.Append(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), visited, diagnostics);
                }

                break;
        }

        return ok;
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode? node, params string[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, node is null ? FileStart(FilePath) : Locate(node), args));

    public LocationInfo Locate(YamlNode node) => Locate(FilePath, node.Start, node.End);

    // ---- member access -------------------------------------------------------------------------------------

    public static YamlNode? Member(YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static YamlScalarNode? KeyNode(YamlMappingNode map, string key)
    {
        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal))
            {
                return scalar;
            }
        }

        return null;
    }

    /// <summary>A scalar member's text, or null when absent. Reports CPGEN012 when the member is not a scalar.</summary>
    public string? String(YamlMappingNode? map, string key, string pointer)
    {
        var node = Member(map, key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return IsNull(scalar) ? null : scalar.Value;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node, Pointer.Append(pointer, key), "a string", Describe(node));
                return null;
        }
    }

    public bool? Bool(YamlMappingNode? map, string key, string pointer)
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
    public YamlMappingNode? Mapping(YamlMappingNode? map, string key, string pointer)
    {
        var node = Member(map, key);
        return AsMapping(node, Pointer.Append(pointer, key));
    }

    public YamlMappingNode? AsMapping(YamlNode? node, string pointer)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return mapping;
            case YamlScalarNode scalar when IsNull(scalar):
                return null;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node, pointer, "a mapping (an object)", Describe(node));
                return null;
        }
    }

    public YamlSequenceNode? Sequence(YamlMappingNode? map, string key, string pointer)
    {
        var node = Member(map, key);
        switch (node)
        {
            case null:
                return null;
            case YamlSequenceNode sequence:
                return sequence;
            case YamlScalarNode scalar when IsNull(scalar):
                return null;
            default:
                Report(DiagnosticDescriptors.InvalidValue, node, Pointer.Append(pointer, key), "a sequence (an array)", Describe(node));
                return null;
        }
    }

    public static bool IsNull(YamlScalarNode scalar)
        => scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null || scalar.Value == "~" || scalar.Value == "null" || scalar.Value.Length == 0);

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a sequence",
        YamlScalarNode scalar => "'" + Truncate(scalar.Value ?? string.Empty) + "'",
        _ => node.NodeType.ToString(),
    };

    // ---- $ref ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Follows <c>$ref</c> chains. Returns the target node (or the node itself when it is not a reference) and the
    /// pointer of what it resolved to; null when the reference does not resolve (reported once, as CPGEN002).
    /// </summary>
    public YamlNode? Resolve(YamlNode node, ref string pointer)
    {
        var current = node;
        for (var depth = 0; depth < 32; depth++)
        {
            if (current is not YamlMappingNode map || Member(map, "$ref") is not { } refNode)
            {
                return current;
            }

            var reference = refNode is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;
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
    public YamlNode? TryResolve(string reference) => FindTarget(reference);

    /// <summary>Compares YAML nodes by identity (one schema node reached from many places is one type).</summary>
    public static IEqualityComparer<YamlNode> NodeIdentity => ReferenceEqualityComparer.Instance;

    /// <summary>The pointer a <c>$ref</c> names, when the node is a reference; null otherwise.</summary>
    public static string? RefOf(YamlNode node)
        => node is YamlMappingNode map && Member(map, "$ref") is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>Checks every <c>$ref</c> in the document, wherever it is (callbacks and examples' siblings included).</summary>
    public void ValidateAllReferences()
    {
        Walk(Root, "#");
    }

    private void Walk(YamlNode node, string pointer)
    {
        if (node is not YamlScalarNode && !_walked.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode map:
                foreach (var pair in map.Children)
                {
                    var key = (pair.Key as YamlScalarNode)?.Value ?? string.Empty;
                    if (key == "$ref")
                    {
                        var reference = (pair.Value as YamlScalarNode)?.Value ?? string.Empty;
                        if (FindTarget(reference) is null)
                        {
                            ReportUnresolved(pair.Value, Pointer.Append(pointer, key), reference);
                        }

                        continue;
                    }

                    var isNameMap = IsNameMap(pointer);
                    if (key.StartsWith("x-", StringComparison.Ordinal) && !isNameMap)
                    {
                        // Specification extensions are ignored (spec/README.md), so are any $refs inside them.
                        continue;
                    }

                    if (key is "example" or "examples" && !isNameMap)
                    {
                        // Example values are data, not schema: a "$ref" key inside them is just a member name.
                        if (key == "examples")
                        {
                            WalkExamples(pair.Value, Pointer.Append(pointer, key));
                        }

                        continue;
                    }

                    Walk(pair.Value, Pointer.Append(pointer, key));
                }

                break;
            case YamlSequenceNode sequence:
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    Walk(item, Pointer.Append(pointer, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    index++;
                }

                break;
        }
    }

    /// <summary>Maps whose keys are names chosen by the author (a property "x-webhookURL" is not an extension).</summary>
    private static bool IsNameMap(string pointer)
    {
        var last = pointer.Substring(pointer.LastIndexOf('/') + 1);
        return last is "properties" or "components" or "schemas" or "responses" or "parameters" or "requestBodies" or "headers"
            or "links" or "callbacks" or "securitySchemes" or "pathItems" or "webhooks" or "mapping" or "variables" or "encoding" or "content";
    }

    private void WalkExamples(YamlNode node, string pointer)
    {
        // `examples` is a map of Example Objects, each of which may itself be a $ref to components/examples.
        if (node is not YamlMappingNode map)
        {
            return;
        }

        foreach (var pair in map.Children)
        {
            if (pair.Value is YamlMappingNode example && Member(example, "$ref") is { } refNode)
            {
                var reference = (refNode as YamlScalarNode)?.Value ?? string.Empty;
                if (FindTarget(reference) is null)
                {
                    ReportUnresolved(refNode, Pointer.Append(Pointer.Append(pointer, ((YamlScalarNode)pair.Key).Value ?? string.Empty), "$ref"), reference);
                }
            }
        }
    }

    private void ReportUnresolved(YamlNode node, string pointer, string reference)
    {
        if (_reportedRefs.Add(node))
        {
            Report(DiagnosticDescriptors.UnresolvedReference, node, pointer, reference);
        }
    }

    private YamlNode? FindTarget(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            // External references (other files, URLs) are not followed: the document must be self-contained.
            return null;
        }

        YamlNode current = Root;
        foreach (var rawSegment in reference.Substring(2).Split('/'))
        {
            var segment = Pointer.Unescape(Uri.UnescapeDataString(rawSegment));
            switch (current)
            {
                case YamlMappingNode map:
                    var next = Member(map, segment);
                    if (next is null)
                    {
                        return null;
                    }

                    current = next;
                    break;
                case YamlSequenceNode sequence when int.TryParse(segment, out var index) && index >= 0 && index < sequence.Children.Count:
                    current = sequence.Children[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    // ---- locations -----------------------------------------------------------------------------------------

    private static LocationInfo Locate(string filePath, Mark start, Mark end)
    {
        var startLine = (int)Math.Max(0, start.Line - 1);
        var startColumn = (int)Math.Max(0, start.Column - 1);
        var endLine = (int)Math.Max(startLine, end.Line - 1);
        var endColumn = (int)Math.Max(0, end.Column - 1);
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        var startIndex = (int)Math.Max(0, start.Index);
        var endIndex = (int)Math.Max(startIndex, end.Index);
        return new LocationInfo(
            filePath,
            new TextSpan(startIndex, endIndex - startIndex),
            new LinePositionSpan(new LinePosition(startLine, startColumn), new LinePosition(endLine, endColumn)));
    }

    private static LocationInfo FileStart(string filePath)
        => new(filePath, new TextSpan(0, 0), new LinePositionSpan(new LinePosition(0, 0), new LinePosition(0, 0)));

    private static string StripMarkPrefix(string message)
    {
        // "(Line: 3, Col: 1, Idx: 12) - (Line: 3, Col: 1, Idx: 12): While scanning …" → "While scanning …"
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && index > 0 ? message.Substring(index + 3) : message;
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "…";

    private sealed class ReferenceEqualityComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
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
