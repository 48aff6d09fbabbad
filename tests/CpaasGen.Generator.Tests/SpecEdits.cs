using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace CpaasGen.Generator.Tests;

/// <summary>Text edits on a real spec that stay valid while others keep changing that spec.</summary>
internal static class SpecEdits
{
    /// <summary>
    /// Replaces the description of one component object schema with <paramref name="newDescription"/> and returns
    /// the new text and the schema's key. Picks the first object schema (with <c>properties</c>) whose description
    /// is not borrowed by a bare <c>$ref</c> property elsewhere, so the edit can only change that schema's model.
    /// </summary>
    public static (string Text, string SchemaKey) ReplaceSchemaDescription(string specText, string newDescription)
    {
        var schemas = Schemas(specText);
        var borrowed = BorrowedDescriptionTargets(Root(specText));
        foreach (var pair in schemas.Children)
        {
            var key = ((YamlScalarNode)pair.Key).Value!;
            if (pair.Value is not YamlMappingNode schema
                || !schema.Children.ContainsKey("properties")
                || schema.Children.ContainsKey("enum")
                || borrowed.Contains("#/components/schemas/" + key)
                || !schema.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "description"))
            {
                continue;
            }

            var descriptionKey = schema.Children.Keys.OfType<YamlScalarNode>().First(k => k.Value == "description");
            var edited = ReplaceMember(specText, descriptionKey, "description: " + DoubleQuoted(newDescription));

            // Re-read the edited text: only that schema's description may have changed.
            var editedSchema = (YamlMappingNode)Schemas(edited).Children[new YamlScalarNode(key)];
            if (((YamlScalarNode)editedSchema.Children[new YamlScalarNode("description")]).Value != newDescription
                || editedSchema.Children.Count != schema.Children.Count)
            {
                throw new InvalidOperationException("The description edit of schema '" + key + "' did not round-trip.");
            }

            return (edited, key);
        }

        throw new InvalidOperationException("No object schema with an own description was found.");
    }

    /// <summary>Inserts a YAML comment line before the first line that starts with <paramref name="lineStart"/>.</summary>
    public static string InsertCommentBefore(string specText, string lineStart)
    {
        var index = specText.IndexOf("\n" + lineStart, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException("No line starts with '" + lineStart + "'.");
        }

        return specText.Insert(index + 1, "# A comment added by the incremental test: it changes the text but nothing the generator reads.\n");
    }

    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Schemas(string text)
        => (YamlMappingNode)((YamlMappingNode)Root(text).Children[new YamlScalarNode("components")]).Children[new YamlScalarNode("schemas")];

    /// <summary>Schemas referenced by a property that has a <c>$ref</c> but no own description (the generator borrows the target's).</summary>
    private static HashSet<string> BorrowedDescriptionTargets(YamlNode node)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);

        void Walk(YamlNode current)
        {
            switch (current)
            {
                case YamlMappingNode map:
                    foreach (var pair in map.Children)
                    {
                        if (pair.Key is YamlScalarNode { Value: "properties" } && pair.Value is YamlMappingNode properties)
                        {
                            foreach (var property in properties.Children.Select(p => p.Value).OfType<YamlMappingNode>())
                            {
                                if (property.Children.TryGetValue(new YamlScalarNode("$ref"), out var target)
                                    && !property.Children.ContainsKey(new YamlScalarNode("description")))
                                {
                                    result.Add(((YamlScalarNode)target).Value ?? string.Empty);
                                }
                            }
                        }

                        Walk(pair.Value);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(node);
        return result;
    }

    /// <summary>
    /// Replaces a mapping member (its key line plus every following line indented deeper, or blank: a block scalar
    /// or a multi-line plain scalar) with one line at the key's indentation.
    /// </summary>
    private static string ReplaceMember(string text, YamlScalarNode keyNode, string replacementLine)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var first = (int)keyNode.Start.Line - 1;
        var indent = (int)keyNode.Start.Column - 1;
        var last = first;
        for (var i = first + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var blank = line.Trim().Length == 0;
            var lineIndent = line.Length - line.TrimStart(' ').Length;
            if (!blank && lineIndent <= indent)
            {
                break;
            }

            if (!blank)
            {
                last = i;
            }
        }

        lines.RemoveRange(first, last - first + 1);
        lines.Insert(first, new string(' ', indent) + replacementLine);
        return string.Join(newline, lines);
    }

    private static string DoubleQuoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
