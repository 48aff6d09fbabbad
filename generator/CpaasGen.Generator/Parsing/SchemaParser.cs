using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Reads <c>components/schemas</c> into model and enum specs and resolves any schema (named or inline) to a
/// <see cref="TypeRef"/>. Unsupported constructs are reported (CPGEN003) and skipped; parsing goes on.
/// </summary>
internal sealed class SchemaParser
{
    private const string SchemasPointer = "#/components/schemas";

    /// <summary>Members every generated model declares; a spec property with one of these names gets a "Value" suffix.</summary>
    private static readonly HashSet<string> ReservedModelMembers = new(StringComparer.Ordinal)
    {
        "AdditionalData", "GetFieldDeserializers", "Serialize", "CreateFromDiscriminatorValue", "ReadFrom", "ReadJson", "WriteJson",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members of System.Exception and Kiota's ApiException, for schemas emitted as exceptions.</summary>
    private static readonly HashSet<string> ReservedExceptionMembers = new(StringComparer.Ordinal)
    {
        "Message", "Data", "InnerException", "StackTrace", "Source", "HelpLink", "HResult", "TargetSite",
        "ResponseStatusCode", "ResponseHeaders", "GetBaseException", "GetObjectData",
    };

    private readonly SpecDocument _doc;
    private readonly string _namespace;
    private readonly string _accessibility;
    private readonly Dictionary<string, NamedSchema> _named = new(StringComparer.Ordinal);

    public SchemaParser(SpecDocument doc, string @namespace, string accessibility)
    {
        _doc = doc;
        _namespace = @namespace;
        _accessibility = accessibility;
    }

    /// <summary>The C# type names taken by schemas, for collision checks against clients.</summary>
    public IEnumerable<(string Name, string Pointer)> DeclaredTypeNames
        => _named.Values.Where(n => n.Kind != NamedKind.Alias).Select(n => (n.Name, n.Pointer));

    /// <summary>First pass: learn every component schema's kind and C# name, so references resolve in any order.</summary>
    public void Register(YamlMappingNode? schemas, Dictionary<string, string> usedNames)
    {
        if (schemas is null)
        {
            return;
        }

        foreach (var pair in schemas.Children)
        {
            var key = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
            var pointer = Pointer.Append(SchemasPointer, key);
            var map = pair.Value as YamlMappingNode;
            var kind = map is null ? NamedKind.Alias : ClassifyNamed(map);
            var name = kind == NamedKind.Alias ? key : CSharpName(map, key, pointer, pair.Key);
            if (kind != NamedKind.Alias && !Claim(usedNames, name, pointer, pair.Key))
            {
                continue;
            }

            _named[pointer] = new NamedSchema(key, pointer, name, kind, pair.Key, pair.Value);
        }
    }

    public (List<ModelSpec> Models, List<EnumSpec> Enums) ParseAll(ISet<string> errorModels, CancellationToken cancellationToken)
    {
        var models = new List<ModelSpec>();
        var enums = new List<EnumSpec>();
        foreach (var named in _named.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (named.Kind)
            {
                case NamedKind.Object:
                    models.Add(ParseModel(named, errorModels.Contains(named.Name)));
                    break;
                case NamedKind.Enum:
                    enums.Add(ParseEnum(named));
                    break;
                case NamedKind.Alias:
                    // Resolving the alias once reports whatever is wrong with it, even when nothing uses it.
                    ResolveType(named.Node, named.Pointer, out _);
                    break;
            }
        }

        models.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        enums.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return (models, enums);
    }

    /// <summary>The model name a schema node resolves to when it is (a reference to) a component object schema.</summary>
    public string? ModelNameOf(YamlNode schema, string pointer)
    {
        var type = ResolveType(schema, pointer, out _);
        return type is { Kind: TypeKind.Object, IsArray: false } ? type.TypeName : null;
    }

    /// <summary>Resolves a schema to a type. Null when it cannot be generated (the reason is already reported).</summary>
    public TypeRef? ResolveType(YamlNode schema, string pointer, out bool nullable) => ResolveType(schema, pointer, out nullable, depth: 0);

    private TypeRef? ResolveType(YamlNode schema, string pointer, out bool nullable, int depth)
    {
        nullable = false;
        if (depth > 32)
        {
            _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, schema, pointer, "a cycle of schema aliases", "reference an object schema instead");
            return null;
        }

        if (schema is not YamlMappingNode map)
        {
            if (schema is YamlScalarNode scalar && (scalar.Value == "true" || SpecDocument.IsNull(scalar)))
            {
                return TypeRef.Scalar(TypeKind.Untyped); // OpenAPI 3.1 boolean schema `true`: anything goes.
            }

            _doc.Report(DiagnosticDescriptors.InvalidValue, schema, pointer, "a schema object", SpecDocument.Describe(schema));
            return null;
        }

        if (SpecDocument.RefOf(map) is { } reference)
        {
            if (_named.TryGetValue(reference, out var named))
            {
                return named.Kind switch
                {
                    NamedKind.Object => new TypeRef(TypeKind.Object, named.Name, false),
                    NamedKind.Enum => new TypeRef(TypeKind.Enum, named.Name, false),
                    _ => ResolveType(named.Node, named.Pointer, out nullable, depth + 1),
                };
            }

            var refPointer = pointer;
            var target = _doc.Resolve(map, ref refPointer);
            if (target is null)
            {
                return null; // unresolved: already reported as CPGEN002
            }

            _doc.Report(DiagnosticDescriptors.InvalidValue, SpecDocument.Member(map, "$ref"), Pointer.Append(pointer, "$ref"), "a reference to #/components/schemas/…", "'" + reference + "'");
            return null;
        }

        nullable = _doc.Bool(map, "nullable", pointer) ?? false;

        if (SpecDocument.Member(map, "not") is not null)
        {
            return Unsupported(map, pointer, "'not'", "describe the allowed values positively");
        }

        if (_doc.Sequence(map, "allOf", pointer) is { } allOf)
        {
            if (allOf.Children.Count == 1)
            {
                var inner = ResolveType(allOf.Children[0], Pointer.Append(Pointer.Append(pointer, "allOf"), "0"), out var innerNullable, depth + 1);
                nullable |= innerNullable;
                return inner;
            }

            return Unsupported(map, pointer, "'allOf' with several schemas", "flatten the members into one component schema");
        }

        foreach (var composition in new[] { "oneOf", "anyOf" })
        {
            if (_doc.Sequence(map, composition, pointer) is { } alternatives)
            {
                var scalarOnly = alternatives.Children.Count > 0 && alternatives.Children.All(IsInlineScalarSchema);
                if (!scalarOnly)
                {
                    return Unsupported(map, pointer, "'" + composition + "' of non-scalar schemas", "only a union of scalar types (string, integer, number, boolean) is supported; it becomes a string");
                }

                nullable |= alternatives.Children.Any(a => TypeNames(a as YamlMappingNode).Contains("null"));
                return TypeRef.Scalar(TypeKind.LenientString);
            }
        }

        var types = TypeNames(map);
        if (types.Contains("null"))
        {
            nullable = true;
            types.Remove("null");
        }

        if (types.Count > 1)
        {
            if (types.All(t => t is "string" or "integer" or "number" or "boolean"))
            {
                return TypeRef.Scalar(TypeKind.LenientString);
            }

            return Unsupported(map, pointer, "a type list of [" + string.Join(", ", types) + "]", "use one type, or a union of scalar types");
        }

        var type = types.Count == 1 ? types[0] : null;
        var format = _doc.String(map, "format", pointer);
        var hasProperties = SpecDocument.Member(map, "properties") is not null;
        var hasEnum = SpecDocument.Member(map, "enum") is not null;

        switch (type)
        {
            case "string" when hasEnum:
            case null when hasEnum:
                return Unsupported(map, pointer, "an inline enum", "move it to #/components/schemas and $ref it, so it gets a name");
            case "string":
                return TypeRef.Scalar(format switch
                {
                    "date-time" => TypeKind.DateTimeOffset,
                    "uuid" => TypeKind.Guid,
                    _ => TypeKind.String,
                });
            case "integer":
                return TypeRef.Scalar(format == "int64" ? TypeKind.Int64 : TypeKind.Int32);
            case "number":
                return TypeRef.Scalar(format switch
                {
                    "float" => TypeKind.Float,
                    "decimal" => TypeKind.Decimal,
                    "int32" => TypeKind.Int32,
                    "int64" => TypeKind.Int64,
                    _ => TypeKind.Double,
                });
            case "boolean":
                return TypeRef.Scalar(TypeKind.Boolean);
            case "array":
                var items = SpecDocument.Member(map, "items");
                if (items is null)
                {
                    _doc.Report(DiagnosticDescriptors.MissingRequiredMember, map, pointer, "items");
                    return null;
                }

                var element = ResolveType(items, Pointer.Append(pointer, "items"), out _, depth + 1);
                if (element is null)
                {
                    return null;
                }

                if (element.IsArray)
                {
                    return Unsupported(map, pointer, "an array of arrays", "wrap the inner array in a named object schema");
                }

                return element.AsArray();
            case "object" when hasProperties:
            case null when hasProperties:
                return Unsupported(map, pointer, "an inline object schema", "move it to #/components/schemas and $ref it, so it gets a name");
            case "object":
            case null:
                return TypeRef.Scalar(TypeKind.Untyped);
            default:
                return Unsupported(SpecDocument.Member(map, "type") ?? map, Pointer.Append(pointer, "type"), "type '" + type + "'", "use string, integer, number, boolean, array or object");
        }
    }

    private ModelSpec ParseModel(NamedSchema named, bool isError)
    {
        var map = (YamlMappingNode)named.Node;
        var pointer = named.Pointer;
        var properties = new List<PropertySpec>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        var requiredNode = _doc.Sequence(map, "required", pointer);
        if (requiredNode is not null)
        {
            foreach (var item in requiredNode.Children)
            {
                if (item is YamlScalarNode scalar && scalar.Value is { } value)
                {
                    required.Add(value);
                }
            }
        }

        var propertyNames = new Dictionary<string, string>(StringComparer.Ordinal) { [named.Name] = pointer };
        var propertiesMap = _doc.Mapping(map, "properties", pointer);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (propertiesMap is not null)
        {
            foreach (var pair in propertiesMap.Children)
            {
                var jsonName = ((YamlScalarNode)pair.Key).Value ?? string.Empty;
                declared.Add(jsonName);
                var propertyPointer = Pointer.Append(Pointer.Append(pointer, "properties"), jsonName);
                var propertyMap = pair.Value as YamlMappingNode;
                var name = CSharpName(propertyMap, jsonName, propertyPointer, pair.Key);
                if (name == named.Name || ReservedModelMembers.Contains(name) || (isError && ReservedExceptionMembers.Contains(name)))
                {
                    name += "Value";
                }

                if (propertyNames.TryGetValue(name, out var other))
                {
                    _doc.Report(DiagnosticDescriptors.NameCollision, pair.Key, propertyPointer, name, other);
                    continue;
                }

                propertyNames[name] = propertyPointer;
                var type = ResolveType(pair.Value, propertyPointer, out var nullable);
                if (type is null)
                {
                    continue;
                }

                var description = DescriptionOf(pair.Value, propertyPointer);
                properties.Add(new PropertySpec(
                    jsonName,
                    name,
                    type,
                    required.Contains(jsonName),
                    nullable,
                    description,
                    ExampleOf(propertyMap),
                    propertyMap is not null && (_doc.Bool(propertyMap, "deprecated", propertyPointer) ?? false)));
            }
        }

        if (requiredNode is not null)
        {
            foreach (var item in requiredNode.Children)
            {
                if (item is YamlScalarNode { Value: { } value } && !declared.Contains(value))
                {
                    _doc.Report(DiagnosticDescriptors.UndefinedRequiredProperty, item, Pointer.Append(pointer, "required"), value);
                }
            }
        }

        return new ModelSpec(
            _namespace,
            _accessibility,
            named.Name,
            _doc.String(map, "description", pointer) ?? _doc.String(map, "title", pointer),
            isError,
            _doc.Bool(map, "deprecated", pointer) ?? false,
            properties.ToEquatableArray());
    }

    private EnumSpec ParseEnum(NamedSchema named)
    {
        var map = (YamlMappingNode)named.Node;
        var pointer = named.Pointer;
        var members = new List<EnumMemberSpec>();
        var memberNames = new Dictionary<string, string>(StringComparer.Ordinal) { [named.Name] = pointer };
        var type = TypeNames(map);
        if (type.Count > 0 && !type.Contains("string"))
        {
            Unsupported(map, pointer, "a non-string enum", "only string enums are generated");
        }

        var values = _doc.Sequence(map, "enum", pointer);
        var index = 0;
        foreach (var item in values?.Children ?? (IList<YamlNode>)Array.Empty<YamlNode>())
        {
            var itemPointer = Pointer.Append(Pointer.Append(pointer, "enum"), index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            index++;
            if (item is not YamlScalarNode scalar || scalar.Value is null || SpecDocument.IsNull(scalar))
            {
                continue; // `null` in an enum list only says the value may be null
            }

            var name = Naming.ToPascal(scalar.Value);
            // The struct's own members (Value, IsKnown) and object's members would clash (CS0102) or be hidden (CS0108).
            if (name is "Value" or "IsKnown" or "ToString" or "Equals" or "GetHashCode" or "GetType" or "MemberwiseClone" or "Finalize")
            {
                name += "Member";
            }

            if (memberNames.TryGetValue(name, out var other))
            {
                _doc.Report(DiagnosticDescriptors.NameCollision, item, itemPointer, name, other);
                continue;
            }

            memberNames[name] = itemPointer;
            members.Add(new EnumMemberSpec(scalar.Value, name));
        }

        return new EnumSpec(_namespace, _accessibility, named.Name, _doc.String(map, "description", pointer), members.ToEquatableArray());
    }

    public string? DescriptionOf(YamlNode node, string pointer)
    {
        if (node is not YamlMappingNode map)
        {
            return null;
        }

        var own = _doc.String(map, "description", pointer);
        if (own is not null)
        {
            return own;
        }

        // A bare $ref (or single allOf) property borrows its target's description.
        var target = SpecDocument.RefOf(map);
        if (target is not null && _named.TryGetValue(target, out var named) && named.Node is YamlMappingNode targetMap)
        {
            return _doc.String(targetMap, "description", named.Pointer);
        }

        return null;
    }

    private static string? ExampleOf(YamlMappingNode? map)
    {
        if (map is null || SpecDocument.Member(map, "example") is not YamlScalarNode scalar || scalar.Value is null)
        {
            return null;
        }

        return scalar.Value;
    }

    private NamedKind ClassifyNamed(YamlMappingNode map)
    {
        if (SpecDocument.RefOf(map) is not null)
        {
            return NamedKind.Alias;
        }

        var types = TypeNames(map);
        types.Remove("null");
        if (SpecDocument.Member(map, "enum") is not null && (types.Count == 0 || types.SequenceEqual(new[] { "string" })))
        {
            return NamedKind.Enum;
        }

        if (types.SequenceEqual(new[] { "object" }) && SpecDocument.Member(map, "properties") is not null)
        {
            return NamedKind.Object;
        }

        if (types.Count == 0 && SpecDocument.Member(map, "properties") is not null)
        {
            return NamedKind.Object;
        }

        if (types.SequenceEqual(new[] { "object" })
            && SpecDocument.Member(map, "allOf") is null && SpecDocument.Member(map, "oneOf") is null && SpecDocument.Member(map, "anyOf") is null)
        {
            return NamedKind.Object; // an object with no declared members still gets a model (its members land in AdditionalData)
        }

        return NamedKind.Alias;
    }

    private static List<string> TypeNames(YamlMappingNode? map)
    {
        var result = new List<string>();
        switch (SpecDocument.Member(map, "type"))
        {
            case YamlScalarNode { Value: { } single }:
                result.Add(single);
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (item is YamlScalarNode { Value: { } value })
                    {
                        result.Add(value);
                    }
                }

                break;
        }

        return result;
    }

    private static bool IsInlineScalarSchema(YamlNode node)
    {
        if (node is not YamlMappingNode map || SpecDocument.RefOf(map) is not null || SpecDocument.Member(map, "properties") is not null || SpecDocument.Member(map, "enum") is not null)
        {
            return false;
        }

        var types = TypeNames(map);
        return types.Count > 0 && types.All(t => t is "string" or "integer" or "number" or "boolean" or "null");
    }

    private string CSharpName(YamlMappingNode? map, string fallback, string pointer, YamlNode keyNode)
    {
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

    private bool Claim(Dictionary<string, string> usedNames, string name, string pointer, YamlNode node)
    {
        if (usedNames.TryGetValue(name, out var other))
        {
            _doc.Report(DiagnosticDescriptors.NameCollision, node, pointer, name, other);
            return false;
        }

        usedNames[name] = pointer;
        return true;
    }

    private TypeRef? Unsupported(YamlNode node, string pointer, string what, string hint)
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

    private sealed record NamedSchema(string Key, string Pointer, string Name, NamedKind Kind, YamlNode KeyNode, YamlNode Node);
}
