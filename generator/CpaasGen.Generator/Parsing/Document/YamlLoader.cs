using System;
using System.Collections.Generic;
using System.IO;
using CpaasGen.Generator.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Loads a YAML document (YamlDotNet) into <see cref="SpecNode"/>s with character offsets. Reports an unreadable
/// document (CPGEN001 at the parser's line and column) and non-string keys, which OpenAPI never has. A node reached
/// through several aliases becomes one node, so every later walk stays linear ("billion laughs" documents).
/// </summary>
internal static class YamlLoader
{
    /// <summary>Deeper than any real document; YamlDotNet's representation model recurses per level (a stack overflow kills the compiler).</summary>
    public const int MaxDepth = 512;

    public static (SpecMapping Root, SourceMap Map)? Load(string filePath, string text, List<DiagnosticInfo> diagnostics)
    {
        if (TooDeep(text) is { } deep)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, Locate(filePath, deep, deep), "#", "the document is nested deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels"));
            return null;
        }

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
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, SpecDocument.FileStart(filePath), "#", ex.Message));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, SpecDocument.FileStart(filePath), "#", "the file is empty"));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents[0].RootNode;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, Locate(filePath, node.Start, node.End), "#", "the document root must be a mapping (an object)"));
            return null;
        }

        // OpenAPI only has string keys; the parsers rely on that (a YAML "? [a, b]" complex key would be a sequence).
        if (!AllKeysAreScalars(filePath, root, "#", new HashSet<YamlNode>(IdentityComparer.Instance), diagnostics))
        {
            return null;
        }

        var converted = new Dictionary<YamlNode, SpecNode>(IdentityComparer.Instance);
        return ((SpecMapping)Convert(root, converted), SourceMap.ForChars(filePath, text));
    }

    /// <summary>
    /// Where the nesting first goes deeper than <see cref="MaxDepth"/>, or null. Uses YamlDotNet's event parser, which
    /// keeps its own stack, before the recursive loader runs; a syntax error is left to the loader to report.
    /// </summary>
    private static Mark? TooDeep(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var depth = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                        if (++depth > MaxDepth)
                        {
                            return parser.Current.Start;
                        }

                        break;
                    case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or FormatException)
        {
            // Broken YAML: the loader reports it, with its position (YamlDotNet's parser also throws InvalidOperationException).
        }

        return null;
    }

    private static SpecNode Convert(YamlNode node, Dictionary<YamlNode, SpecNode> converted)
    {
        // Only an anchored node can be reached twice (through an alias); the rest need no memo.
        var anchored = !node.Anchor.IsEmpty;
        if (anchored && converted.TryGetValue(node, out var known))
        {
            return known;
        }

        var start = Offset(node.Start);
        var end = Math.Max(start, Offset(node.End));
        SpecNode result;
        switch (node)
        {
            case YamlMappingNode map:
                var members = new List<KeyValuePair<SpecNode, SpecNode>>(map.Children.Count);
                foreach (var pair in map.Children)
                {
                    members.Add(new KeyValuePair<SpecNode, SpecNode>(Convert(pair.Key, converted), Convert(pair.Value, converted)));
                }

                result = new SpecMapping(start, end, members);
                break;
            case YamlSequenceNode sequence:
                var items = new List<SpecNode>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    items.Add(Convert(item, converted));
                }

                result = new SpecSequence(start, end, items);
                break;
            case YamlScalarNode scalar:
                result = new SpecScalar(start, end, scalar.Value ?? string.Empty, scalar.Style == ScalarStyle.Plain);
                break;
            default:
                result = new SpecScalar(start, end, string.Empty, isPlain: true); // an unresolved alias: reads as null
                break;
        }

        if (anchored)
        {
            result.IsShared = true;
            converted[node] = result;
        }

        return result;
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
                        var what = pair.Key is YamlMappingNode ? "a mapping" : pair.Key is YamlSequenceNode ? "a sequence" : pair.Key.NodeType.ToString();
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableDocument, Locate(filePath, pair.Key.Start, pair.Key.End), pointer, "a mapping key must be a plain string, not " + what));
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

    private static int Offset(Mark mark) => (int)Math.Max(0, Math.Min(int.MaxValue, mark.Index));

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

    private static string StripMarkPrefix(string message)
    {
        // "(Line: 3, Col: 1, Idx: 12) - (Line: 3, Col: 1, Idx: 12): While scanning …" → "While scanning …"
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && index > 0 ? message.Substring(index + 3) : message;
    }

    private sealed class IdentityComparer : IEqualityComparer<YamlNode>
    {
        public static readonly IdentityComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
