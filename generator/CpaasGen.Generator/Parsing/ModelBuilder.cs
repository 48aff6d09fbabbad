using System;
using System.Collections.Generic;
using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Builds one model from its schema: its own <c>properties</c>, those of every <c>allOf</c> member (flattened, so a
/// derived schema carries its base's members) and those of every <c>oneOf</c>/<c>anyOf</c> alternative (optional,
/// since only one alternative applies). The first declaration of a JSON member wins; <c>required</c> is the union of
/// the schema's and its <c>allOf</c> members' lists. <c>readOnly</c> members are never C#-required (a request does not
/// carry them); <c>writeOnly</c> ones are not checked when a response omits them.
/// </summary>
internal sealed class ModelBuilder
{
    /// <summary>Members every generated model declares; a spec property with one of these names gets a "Value" suffix.</summary>
    private static readonly HashSet<string> ReservedModelMembers = new(StringComparer.Ordinal)
    {
        "AdditionalData", "GetFieldDeserializers", "Serialize", "CreateFromDiscriminatorValue", "ReadFrom", "ReadJson", "WriteJson",
        "SerializeMembers", "ReadMember", "WriteJsonMembers", "CheckRequiredMembers",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members of System.Exception and Kiota's ApiException, for schemas emitted as exceptions.</summary>
    private static readonly HashSet<string> ReservedExceptionMembers = new(StringComparer.Ordinal)
    {
        "Message", "Data", "InnerException", "StackTrace", "Source", "HelpLink", "HResult", "TargetSite",
        "ResponseStatusCode", "ResponseHeaders", "GetBaseException", "GetObjectData",
    };

    private readonly SpecDocument _doc;
    private readonly SchemaParser _schemas;

    /// <summary>True for a name every generated model declares itself (a property or alternative of that name gets a "Value" suffix).</summary>
    public static bool IsReservedMember(string name) => ReservedModelMembers.Contains(name);

    public ModelBuilder(SpecDocument doc, SchemaParser schemas)
    {
        _doc = doc;
        _schemas = schemas;
    }

    public ModelSpec Build(PendingModel pending, string ns, string accessibility, bool isError, string? errorWrapper, ModelContext? context = null)
    {
        var members = new List<Member>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        var requiredItems = new List<(SpecNode Node, string Pointer, string Name)>();
        var visited = new HashSet<SpecNode>(SpecDocument.NodeIdentity);
        foreach (var baseNode in context?.BaseNodes ?? Array.Empty<SpecNode>())
        {
            visited.Add(baseNode); // the bases' members are inherited, not declared again
        }

        Collect(pending.Node, pending.Pointer, optional: false, members, required, requiredItems, visited, 0, context?.SkipAlternatives ?? false);
        if (context is not null)
        {
            members.RemoveAll(m => context.InheritedJsonNames.Contains(m.JsonName));
        }

        var map = pending.Node as SpecMapping;
        var propertyNames = new Dictionary<string, string>(StringComparer.Ordinal) { [pending.Name] = pending.Pointer };
        foreach (var inherited in context?.InheritedNames ?? new Dictionary<string, string>())
        {
            propertyNames[inherited.Key] = inherited.Value;
        }

        var properties = new List<PropertySpec>();
        foreach (var member in members)
        {
            var propertyMap = member.Node as SpecMapping;
            var name = _schemas.CSharpName(propertyMap, member.JsonName, member.Pointer);
            if (name == pending.Name || ReservedModelMembers.Contains(name) || ((isError || errorWrapper is not null) && ReservedExceptionMembers.Contains(name)))
            {
                name += "Value";
            }

            if (propertyNames.TryGetValue(name, out var other))
            {
                _doc.Report(DiagnosticDescriptors.NameCollision, member.KeyNode, member.Pointer, name, other);
                continue;
            }

            propertyNames[name] = member.Pointer;
            // A reference to a component names its own type: the hint is only worth building for inline schemas.
            var hint = SpecDocument.RefOf(member.Node) is { } reference && reference.StartsWith("#/components/", StringComparison.Ordinal)
                ? pending.Name
                : PropertyHint(member.Pointer) ?? pending.Name + Naming.ToPascal(member.JsonName);
            var type = _schemas.ResolveType(member.Node, member.Pointer, hint, out var nullable);
            if (type is null)
            {
                continue;
            }

            var readOnly = propertyMap is not null && (_doc.Bool(propertyMap, "readOnly", member.Pointer) ?? false);
            var writeOnly = propertyMap is not null && (_doc.Bool(propertyMap, "writeOnly", member.Pointer) ?? false);

            // A discriminator is set by each derived type's constructors, so it is never C#-required.
            var isDiscriminator = member.JsonName == context?.DiscriminatorProperty;
            properties.Add(new PropertySpec(
                member.JsonName,
                name,
                type,
                !member.Optional && required.Contains(member.JsonName) && !readOnly && !isDiscriminator,
                nullable,
                _schemas.DescriptionOf(member.Node, member.Pointer),
                SchemaParser.ExampleOf(propertyMap),
                propertyMap is not null && (_doc.Bool(propertyMap, "deprecated", member.Pointer) ?? false),
                readOnly,
                writeOnly));
        }

        if (context?.DiscriminatorProperty is { } discriminator && !members.Any(m => m.JsonName == discriminator) && !context.InheritedJsonNames.Contains(discriminator))
        {
            // A discriminator the schema does not declare as a property still travels: a string member.
            var name = Naming.ToPascal(discriminator);
            if (name == pending.Name || ReservedModelMembers.Contains(name) || propertyNames.ContainsKey(name))
            {
                name += "Value";
            }

            if (!propertyNames.ContainsKey(name))
            {
                propertyNames[name] = pending.Pointer + "/discriminator";
                properties.Add(new PropertySpec(discriminator, name, TypeRef.Scalar(TypeKind.String), false, false, "The discriminator: which derived type this value is.", null, false));
            }
        }

        var declared = new HashSet<string>(members.Select(m => m.JsonName), StringComparer.Ordinal);
        declared.UnionWith(context?.InheritedJsonNames ?? (IEnumerable<string>)Array.Empty<string>());
        foreach (var (node, pointer, value) in requiredItems)
        {
            if (!declared.Contains(value))
            {
                _doc.Report(DiagnosticDescriptors.UndefinedRequiredProperty, node, pointer, value);
            }
        }

        return new ModelSpec(
            ns,
            accessibility,
            pending.Name,
            map is null ? null : _doc.String(map, "description", pending.Pointer) ?? _doc.String(map, "title", pending.Pointer),
            isError,
            map is not null && (_doc.Bool(map, "deprecated", pending.Pointer) ?? false),
            properties.ToEquatableArray(),
            errorWrapper,
            BaseName: context?.BaseName);
    }

    private void Collect(
        SpecNode node,
        string pointer,
        bool optional,
        List<Member> members,
        HashSet<string> required,
        List<(SpecNode, string, string)> requiredItems,
        HashSet<SpecNode> visited,
        int depth,
        bool skipAlternatives = false)
    {
        if (depth > 32)
        {
            return;
        }

        if (SpecDocument.RefOf(node) is not null)
        {
            var resolvedPointer = pointer;
            var target = _doc.Resolve(node, ref resolvedPointer);
            if (target is null)
            {
                return;
            }

            node = target;
            pointer = resolvedPointer;
        }

        if (node is not SpecMapping map || !visited.Add(node))
        {
            return;
        }

        if (_doc.Mapping(map, "properties", pointer) is { } properties)
        {
            foreach (var pair in properties.Children)
            {
                var jsonName = ((SpecScalar)pair.Key).Value ?? string.Empty;
                if (members.All(m => m.JsonName != jsonName))
                {
                    members.Add(new Member(jsonName, pair.Key, pair.Value, Pointer.Append(Pointer.Append(pointer, "properties"), jsonName), optional));
                }
            }
        }

        if (!optional && _doc.Sequence(map, "required", pointer) is { } requiredList)
        {
            foreach (var item in requiredList.Children)
            {
                if (item is SpecScalar { Value: { } value })
                {
                    required.Add(value);
                    requiredItems.Add((item, Pointer.Append(pointer, "required"), value));
                }
            }
        }

        foreach (var (key, alternative) in new[] { ("allOf", false), ("oneOf", true), ("anyOf", true) })
        {
            if (alternative && skipAlternatives)
            {
                continue; // a discriminated union's alternatives are its derived types
            }

            if (SpecDocument.Member(map, key) is SpecSequence list)
            {
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var itemPointer = Pointer.Append(Pointer.Append(pointer, key), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Collect(list.Children[i], itemPointer, optional || alternative, members, required, requiredItems, visited, depth + 1);
                }
            }
        }
    }

    /// <summary>Inline types of a component schema's property are named after it (<c>Pet</c>.<c>owner</c> → <c>PetOwner</c>), whichever model reaches them first.</summary>
    private static string? PropertyHint(string pointer)
    {
        const string Prefix = "#/components/schemas/";
        if (!pointer.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = pointer.Substring(Prefix.Length).Split('/');
        var hint = Naming.ToPascal(Pointer.Unescape(segments[0]));
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i - 1] == "properties")
            {
                hint += Naming.ToPascal(Pointer.Unescape(segments[i]));
            }
            else if (segments[i] == "items")
            {
                hint += "Item";
            }
        }

        return hint;
    }

    private sealed record Member(string JsonName, SpecNode KeyNode, SpecNode Node, string Pointer, bool Optional);
}
