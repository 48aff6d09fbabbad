using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>Shape tests on schema nodes (object-like, scalar-like, null, annotation-only), enums and names.</summary>
internal sealed partial class SchemaParser
{
    private static readonly string[] ObjectType = ["object"];
    private static readonly string[] StringType = ["string"];
    private static readonly string[] CompositionKeywords = ["allOf", "oneOf", "anyOf"];

    private static readonly string[] StructureKeys = { "type", "properties", "items", "allOf", "oneOf", "anyOf", "$ref", "enum", "additionalProperties", "format", "const" };

    /// <summary>The node of a component schema by pointer, for <see cref="ModelBuilder"/>.</summary>
    public bool TryGetNamed(string pointer, out string name, out SpecNode node, out bool isObject)
    {
        if (_named.TryGetValue(pointer, out var named))
        {
            name = named.Name;
            node = named.Node;
            isObject = named.Kind == NamedKind.Object;
            return true;
        }

        name = string.Empty;
        node = null!;
        isObject = false;
        return false;
    }

    public bool IsNullable(SpecMapping map, string pointer)
    {
        if (_doc.Bool(map, "nullable", pointer) == true || TypeNames(map).Contains("null"))
        {
            return true;
        }

        return SpecDocument.Member(map, "enum") is SpecSequence values && values.Children.Any(v => v is SpecScalar s && SpecDocument.IsNull(s));
    }

    private static bool HasStructure(SpecMapping map) => StructureKeys.Any(k => SpecDocument.Member(map, k) is not null);

    private static bool IsAnnotationOnly(SpecNode node) => node is SpecMapping map && !HasStructure(map);

    private static bool IsNullSchema(SpecNode node)
    {
        if (node is not SpecMapping map)
        {
            return node is SpecScalar scalar && SpecDocument.IsNull(scalar);
        }

        var types = TypeNames(map);
        if (types.Count > 0)
        {
            return types.All(t => t == "null");
        }

        return SpecDocument.Member(map, "enum") is SpecSequence values && values.Children.Count > 0 && values.Children.All(v => v is SpecScalar s && SpecDocument.IsNull(s));
    }

    private static bool IsNumberOrBool(SpecScalar scalar)
        => scalar.IsPlain
            && (scalar.Value is "true" or "false" || double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    /// <summary>An object schema, a reference to one, or a composition of them (what merges into one model).</summary>
    private bool IsObjectLike(SpecNode node, int depth)
    {
        if (depth > 16 || node is not SpecMapping map)
        {
            return false;
        }

        if (SpecDocument.RefOf(map) is { } reference)
        {
            var target = _doc.TryResolve(reference);
            return target is not null && IsObjectLike(target, depth + 1);
        }

        var types = TypeNames(map);
        types.Remove("null");
        if (types.Count > 0 && !types.SequenceEqual(ObjectType))
        {
            return false;
        }

        if (SpecDocument.Member(map, "enum") is not null)
        {
            return false;
        }

        if (SpecDocument.Member(map, "properties") is not null || SpecDocument.Member(map, "additionalProperties") is not null || types.Count == 1)
        {
            return true;
        }

        var parts = CompositionKeywords
            .Select(k => SpecDocument.Member(map, k) as SpecSequence)
            .Where(s => s is not null)
            .SelectMany(s => s!.Children)
            .Where(n => !IsNullSchema(n) && !IsAnnotationOnly(n))
            .ToList();
        return parts.Count > 0 && parts.All(p => IsObjectLike(p, depth + 1));
    }

    private bool IsScalarLike(SpecNode node, int depth)
    {
        if (depth > 16 || node is not SpecMapping map)
        {
            return false;
        }

        if (SpecDocument.RefOf(map) is { } reference)
        {
            var target = _doc.TryResolve(reference);
            return target is not null && IsScalarLike(target, depth + 1);
        }

        if (SpecDocument.Member(map, "enum") is not null && SpecDocument.Member(map, "properties") is null)
        {
            return true;
        }

        var types = TypeNames(map);
        types.Remove("null");
        return types.Count > 0 && types.All(t => t is "string" or "integer" or "number" or "boolean");
    }

    private NamedKind ClassifyNamed(SpecMapping map, string pointer)
    {
        if (SpecDocument.RefOf(map) is not null)
        {
            return NamedKind.Alias;
        }

        var types = TypeNames(map);
        types.Remove("null");
        if (SpecDocument.Member(map, "enum") is SpecSequence values
            && (types.SequenceEqual(StringType) || (types.Count == 0 && values.Children.All(v => v is SpecScalar s && (SpecDocument.IsNull(s) || !IsNumberOrBool(s))))))
        {
            return NamedKind.Enum;
        }

        if (types.Count > 1 || (types.Count == 1 && types[0] != "object"))
        {
            return NamedKind.Alias;
        }

        if (SpecDocument.Member(map, "properties") is not null)
        {
            return NamedKind.Object;
        }

        var parts = CompositionKeywords
            .Select(k => SpecDocument.Member(map, k) as SpecSequence)
            .Where(s => s is not null)
            .SelectMany(s => s!.Children)
            .Where(n => !IsNullSchema(n) && !IsAnnotationOnly(n))
            .ToList();
        if (parts.Count == 0)
        {
            // An object with no declared members still gets a model (its members land in AdditionalData).
            return types.Count == 1 && SpecDocument.Member(map, "not") is null ? NamedKind.Object : NamedKind.Alias;
        }

        return parts.Count >= 2 && parts.All(p => IsObjectLike(p, 0)) ? NamedKind.Object : NamedKind.Alias;
    }

    private EnumSpec ParseEnum(string name, SpecMapping map, string pointer)
    {
        var members = new List<EnumMemberSpec>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { name };
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = _doc.Sequence(map, "enum", pointer);
        foreach (var item in list?.Children ?? (IReadOnlyList<SpecNode>)Array.Empty<SpecNode>())
        {
            if (item is not SpecScalar scalar || scalar.Value is null || SpecDocument.IsNull(scalar) || !values.Add(scalar.Value))
            {
                continue; // `null` only says the value may be null; values differing only in case are one value (equality ignores case)
            }

            var baseName = scalar.Value.Length == 0 ? "Empty" : Naming.ToPascal(scalar.Value);

            // The struct's own members (Value, IsKnown) and object's members would clash (CS0102) or be hidden (CS0108).
            if (baseName is "Value" or "IsKnown" or "ToString" or "Equals" or "GetHashCode" or "GetType" or "MemberwiseClone" or "Finalize")
            {
                baseName += "Member";
            }

            // Values that differ only in punctuation ("in-progress", "in_progress") get a numeric suffix, in document order.
            var memberName = baseName;
            for (var suffix = 2; !memberNames.Add(memberName); suffix++)
            {
                memberName = baseName + suffix.ToString(CultureInfo.InvariantCulture);
            }

            members.Add(new EnumMemberSpec(scalar.Value, memberName));
        }

        return new EnumSpec(_namespace, _accessibility, name, _doc.String(map, "description", pointer) ?? _doc.String(map, "title", pointer), members.ToEquatableArray());
    }

    public string? DescriptionOf(SpecNode node, string pointer)
    {
        if (node is not SpecMapping map)
        {
            return null;
        }

        var own = _doc.String(map, "description", pointer);
        if (own is not null)
        {
            return own;
        }

        // A bare $ref property borrows its target's description.
        var target = SpecDocument.RefOf(map);
        if (target is not null && _named.TryGetValue(target, out var named) && named.Node is SpecMapping targetMap)
        {
            return _doc.String(targetMap, "description", named.Pointer);
        }

        return null;
    }

    public static string? ExampleOf(SpecMapping? map)
    {
        if (map is null || SpecDocument.Member(map, "example") is not SpecScalar scalar || scalar.Value is null)
        {
            return null;
        }

        return scalar.Value;
    }

    public static List<string> TypeNames(SpecMapping? map)
    {
        var result = new List<string>();
        switch (SpecDocument.Member(map, "type"))
        {
            case SpecScalar { Value: { } single }:
                result.Add(single);
                break;
            case SpecSequence list:
                foreach (var item in list.Children)
                {
                    if (item is SpecScalar { Value: { } value } && !result.Contains(value))
                    {
                        result.Add(value);
                    }
                }

                break;
        }

        return result;
    }

    public string CSharpName(SpecMapping? map, string fallback, string pointer)
    {
        if (_filter.Name(pointer) is { } overlayName)
        {
            return overlayName;
        }

        var explicitName = map is null ? null : _doc.String(map, "x-csharp-name", pointer);
        if (explicitName is not null)
        {
            if (Naming.IsValidIdentifier(explicitName))
            {
                return explicitName;
            }

            _doc.Report(DiagnosticDescriptors.InvalidValue, SpecDocument.Member(map, "x-csharp-name"), Pointer.Append(pointer, "x-csharp-name"), "a valid C# identifier", "'" + explicitName + "'");
        }

        return Naming.ToPascal(fallback);
    }

    private bool Claim(string name, string pointer, SpecNode node)
    {
        if (_usedNames.TryGetValue(name, out var other))
        {
            _doc.Report(DiagnosticDescriptors.NameCollision, node, pointer, name, other);
            return false;
        }

        _usedNames[name] = pointer;
        return true;
    }

    /// <summary>Claims <paramref name="name"/>, or the first free <c>name2</c>, <c>name3</c>… (synthesized names never collide).</summary>
    public string Unique(string name, string pointer)
    {
        name = Naming.Shorten(name); // synthesized names grow with nesting ({Model}{Property}{Property}…)
        var candidate = name;
        for (var suffix = 2; _usedNames.ContainsKey(candidate); suffix++)
        {
            candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
        }

        _usedNames[candidate] = pointer;
        return candidate;
    }

    private TypeRef? Unsupported(SpecNode node, string pointer, string what, string hint)
    {
        _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, node, pointer, what, hint);
        return null;
    }

    private enum NamedKind
    {
        Object,
        Enum,
        Alias,
    }

    private sealed record NamedSchema(string Key, string Pointer, string Name, NamedKind Kind, SpecNode Node);
}

/// <summary>A model to build: its C# name and the schema node it comes from.</summary>
internal sealed record PendingModel(string Name, string Pointer, SpecNode Node);
