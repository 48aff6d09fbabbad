using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Walks an object graph through every instance field (public or not, base classes included), with a
/// reference-identity recursion guard, and reports values of types that must never be cached in a pipeline step:
/// they either pin a whole compilation in memory or compare by reference, which breaks incremental caching.
/// </summary>
internal static class ObjectGraphWalker
{
    private const int MaxDepth = 64;

    /// <summary>Types that must not appear anywhere in a pipeline model.</summary>
    private static readonly Type[] Forbidden =
    {
        typeof(Compilation),
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(Location),
        typeof(SemanticModel),
        typeof(AdditionalText),
        typeof(SourceText),
        typeof(AnalyzerConfigOptions),
        typeof(AnalyzerConfigOptionsProvider),
    };

    private static readonly Type? SpecNodeType = typeof(CpaasGenGenerator).Assembly.GetType("CpaasGen.Generator.Parsing.SpecNode");

    /// <summary>Every path at which a forbidden value was found, as "root.Field[3].Other (Type)".</summary>
    public static List<string> FindForbidden(object? root, string rootName)
    {
        var found = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(root, rootName, 0, visited, found);
        return found;
    }

    public static bool IsForbidden(Type type)
    {
        foreach (var forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                return true;
            }
        }

        // The parse step's document nodes (JSON or YAML) and YamlDotNet's own must stay inside the parse step.
        return (SpecNodeType is { } node && node.IsAssignableFrom(type))
            || (type.Namespace is { } ns && (ns == "YamlDotNet" || ns.StartsWith("YamlDotNet.", StringComparison.Ordinal)));
    }

    private static void Visit(object? node, string path, int depth, HashSet<object> visited, List<string> found)
    {
        if (node is null)
        {
            return;
        }

        var type = node.GetType();
        if (IsForbidden(type))
        {
            found.Add(path + " (" + type.FullName + ")");
            return;
        }

        if (IsLeaf(type) || depth > MaxDepth)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(node))
        {
            return;
        }

        if (node is Array array)
        {
            if (array.Rank != 1 || IsLeaf(type.GetElementType()!))
            {
                return;
            }

            for (var i = 0; i < array.Length; i++)
            {
                Visit(array.GetValue(i), path + "[" + i + "]", depth + 1, visited, found);
            }

            return;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRef || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Visit(field.GetValue(node), path + "." + Clean(field.Name), depth + 1, visited, found);
            }
        }
    }

    /// <summary>Values that cannot hold a forbidden object (or are reflection/runtime plumbing not worth walking).</summary>
    private static bool IsLeaf(Type type)
        => type.IsPrimitive
            || type.IsEnum
            || type.IsPointer
            || type == typeof(string)
            || type == typeof(decimal)
            || type == typeof(DateTime)
            || type == typeof(DateTimeOffset)
            || type == typeof(TimeSpan)
            || type == typeof(Guid)
            || type == typeof(TextSpan)
            || type == typeof(LinePosition)
            || type == typeof(LinePositionSpan)
            || typeof(DiagnosticDescriptor).IsAssignableFrom(type) // static, reference-equal descriptors are fine
            || typeof(MemberInfo).IsAssignableFrom(type)
            || typeof(Assembly).IsAssignableFrom(type)
            || typeof(Delegate).IsAssignableFrom(type)
            || typeof(System.Threading.Thread).IsAssignableFrom(type);

    /// <summary>Record and auto-property backing fields are named "&lt;Name&gt;k__BackingField"; show just "Name".</summary>
    private static string Clean(string fieldName)
        => fieldName.StartsWith('<') && fieldName.IndexOf('>') is var close and > 0 ? fieldName.Substring(1, close - 1) : fieldName;

    private sealed class ReferenceEqualityComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
