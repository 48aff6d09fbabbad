using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Resolves any schema, named or inline, to a <see cref="TypeRef"/>. Component object and enum schemas keep their
/// names; an inline object (properties, <c>allOf</c>, a <c>oneOf</c>/<c>anyOf</c> of objects) or an inline string enum
/// gets a synthesized, stable name from where it sits (<c>{Model}{Property}</c>, <c>{Method}Request</c>, …; see
/// spec/README.md). Each schema node gets one type however many places reach it. Models are built afterwards from a
/// work list by <see cref="ModelBuilder"/>. Unsupported constructs are reported (CPGEN003) and skipped.
/// </summary>
internal sealed partial class SchemaParser
{
    private const string SchemasPointer = "#/components/schemas";

    private readonly SpecDocument _doc;
    private readonly string _namespace;
    private readonly string _accessibility;
    private readonly Dictionary<string, string> _usedNames;
    private readonly OperationFilter _filter;
    private readonly Dictionary<string, NamedSchema> _named = new(StringComparer.Ordinal);
    private readonly Dictionary<SpecNode, TypeRef> _synthesized = new(SpecDocument.NodeIdentity);
    private readonly List<PendingModel> _pending = new();
    private readonly List<EnumSpec> _enums = new();
    private readonly Dictionary<SpecNode, string> _namedEnums = new(SpecDocument.NodeIdentity);

    public SchemaParser(SpecDocument doc, string @namespace, string accessibility, Dictionary<string, string> usedNames, OperationFilter filter)
    {
        _filter = filter;
        _doc = doc;
        _namespace = @namespace;
        _accessibility = accessibility;
        _usedNames = usedNames;
    }

    /// <summary>First pass: learn every component schema's kind and C# name, so references resolve in any order.</summary>
    public void Register(SpecMapping? schemas)
    {
        if (schemas is null)
        {
            return;
        }

        _schemas = schemas;
        foreach (var pair in schemas.Children)
        {
            var key = ((SpecScalar)pair.Key).Value ?? string.Empty;
            var pointer = Pointer.Append(SchemasPointer, key);
            var map = pair.Value as SpecMapping;
            var kind = map is null ? NamedKind.Alias : ClassifyNamed(map, pointer);
            var name = kind == NamedKind.Alias ? key : CSharpName(map, key, pointer);
            if (kind != NamedKind.Alias && !Claim(name, pointer, pair.Key))
            {
                continue;
            }

            _named[pointer] = new NamedSchema(key, pointer, name, kind, pair.Value);
            if (kind == NamedKind.Enum)
            {
                _namedEnums[pair.Value] = name;
            }
            if (kind == NamedKind.Object)
            {
                var type = new TypeRef(TypeKind.Object, name, false);
                _synthesized[pair.Value] = type;
                _pending.Add(new PendingModel(name, pointer, pair.Value));
            }
        }

        PlanHierarchy();
    }

    /// <summary>Builds every model reached so far (component or synthesized) and every enum. Call once, after the operations.</summary>
    public (List<ModelSpec> Models, List<EnumSpec> Enums) ParseAll(ISet<string> errorModels, ISet<string> bodyModels, CancellationToken cancellationToken)
    {
        // Component enums and aliases are resolved once even when nothing uses them, so their problems are reported.
        foreach (var named in _named.Values.Where(n => n.Kind != NamedKind.Object).ToList())
        {
            ResolveType(named.Node, named.Pointer, named.Name, out _);
        }

        bool IsError(string name) => errorModels.Contains(name) && !bodyModels.Contains(name);
        DropErrorLinks(IsError);

        var builder = new ModelBuilder(_doc, this);
        var built = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        var pendingByName = new Dictionary<string, PendingModel>(StringComparer.Ordinal);
        var building = new HashSet<string>(StringComparer.Ordinal);

        ModelSpec Build(PendingModel pending)
        {
            if (built.TryGetValue(pending.Name, out var done))
            {
                return done;
            }

            // A base is built before its derived types: they need its members' names.
            ModelSpec? baseModel = null;
            _baseOf.TryGetValue(pending.Name, out var link);
            if (link is not null && building.Add(pending.Name) && pendingByName.TryGetValue(link.BaseName, out var basePending))
            {
                baseModel = Build(basePending);
            }

            var isError = IsError(pending.Name);
            string? wrapper = null;
            if (errorModels.Contains(pending.Name) && !isError)
            {
                wrapper = Unique(pending.Name + "Exception", pending.Pointer);
            }

            var model = _composed.TryGetValue(pending.Node, out var composed)
                ? BuildComposed(builder, pending, composed, isError, wrapper)
                : builder.Build(pending, _namespace, _accessibility, isError, wrapper, Context(pending.Name, link, baseModel, built));
            built[pending.Name] = model;
            return model;
        }

        for (var i = 0; i < _pending.Count; i++)
        {
            // Building a model can reach further inline schemas, which append to _pending.
            cancellationToken.ThrowIfCancellationRequested();
            pendingByName[_pending[i].Name] = _pending[i];
        }

        for (var i = 0; i < _pending.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pendingByName[_pending[i].Name] = _pending[i];
            Build(_pending[i]);
        }

        var models = _pending.Select(p => built[p.Name]).ToList();
        models = CompleteHierarchies(models);
        models.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        _enums.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return (models, _enums);
    }

    /// <summary>The model an error mapping throws: the model itself, or its exception wrapper when the model is also a body.</summary>
    public static string ErrorTypeName(ModelSpec model) => model.ErrorWrapperName ?? model.Name;

    /// <summary>Resolves a schema to a type. Null when it cannot be generated (the reason is already reported).</summary>
    /// <param name="schema">The schema node (or a <c>$ref</c> to one).</param>
    /// <param name="pointer">Its JSON pointer, for diagnostics.</param>
    /// <param name="nameHint">The name an inline object or enum gets (made unique when taken).</param>
    /// <param name="nullable">True when the schema allows <c>null</c>.</param>
    public TypeRef? ResolveType(SpecNode schema, string pointer, string nameHint, out bool nullable)
        => ResolveType(schema, pointer, nameHint, out nullable, depth: 0);

    private TypeRef? ResolveType(SpecNode schema, string pointer, string nameHint, out bool nullable, int depth)
    {
        nullable = false;
        if (depth > 32)
        {
            _doc.Report(DiagnosticDescriptors.UnsupportedConstruct, schema, pointer, "a cycle of schema aliases", "reference an object schema instead");
            return null;
        }

        if (schema is not SpecMapping map)
        {
            if (schema is SpecScalar scalar && (scalar.Value is "true" or "false" || SpecDocument.IsNull(scalar)))
            {
                return TypeRef.Untyped; // OpenAPI 3.1 boolean schemas: `true` allows anything, `false` nothing (kept as untyped JSON).
            }

            _doc.Report(DiagnosticDescriptors.InvalidValue, schema, pointer, "a schema object", SpecDocument.Describe(schema));
            return null;
        }

        if (SpecDocument.RefOf(map) is { } reference)
        {
            nullable = _doc.Bool(map, "nullable", pointer) ?? false;
            if (_named.TryGetValue(reference, out var named))
            {
                switch (named.Kind)
                {
                    case NamedKind.Object:
                        return new TypeRef(TypeKind.Object, named.Name, false);
                    default:
                        var aliased = ResolveType(named.Node, named.Pointer, named.Name, out var aliasNullable, depth + 1);
                        nullable |= aliasNullable;
                        return aliased;
                }
            }

            // A $ref to any other schema in the document (inside a response, a parameter, another schema's property…).
            var refPointer = pointer;
            var target = _doc.Resolve(map, ref refPointer);
            if (target is null)
            {
                return null; // unresolved: already reported as CPGEN002
            }

            var resolved = ResolveType(target, refPointer, HintFromPointer(refPointer) ?? nameHint, out var targetNullable, depth + 1);
            nullable |= targetNullable;
            return resolved;
        }

        if (_synthesized.TryGetValue(map, out var known))
        {
            nullable = IsNullable(map, pointer);
            return known;
        }

        nullable = IsNullable(map, pointer);

        if (SpecDocument.Member(map, "not") is not null && !HasStructure(map))
        {
            return Unsupported(map, pointer, "'not'", "describe the allowed values positively");
        }

        var types = TypeNames(map);
        types.Remove("null");

        // Compositions: pick the one meaningful alternative, merge objects into a model, or keep scalars as a lenient string.
        var allOf = _doc.Sequence(map, "allOf", pointer);
        var oneOf = _doc.Sequence(map, "oneOf", pointer) ?? _doc.Sequence(map, "anyOf", pointer);
        if (SpecDocument.Member(map, "properties") is null && (allOf is not null || oneOf is not null) && (types.Count == 0 || types.SequenceEqual(ObjectType)))
        {
            var composed = ResolveComposition(map, pointer, nameHint, allOf, oneOf, ref nullable, depth);
            if (composed is not null)
            {
                return composed;
            }
        }

        if (types.Count > 1)
        {
            return types.All(t => t is "string" or "integer" or "number" or "boolean") ? TypeRef.Scalar(TypeKind.LenientString) : TypeRef.Untyped;
        }

        var type = types.Count == 1 ? types[0] : null;
        var enumValues = _doc.Sequence(map, "enum", pointer);
        if (enumValues is not null && type is null or "string")
        {
            if (type == "string" || enumValues.Children.All(v => v is SpecScalar s && (SpecDocument.IsNull(s) || !IsNumberOrBool(s))))
            {
                return Enum(map, pointer, nameHint);
            }

            return TypeRef.Untyped;
        }

        var format = _doc.String(map, "format", pointer);
        switch (type)
        {
            case "string":
                return TypeRef.Scalar(StringKind(format));
            case "integer":
                return TypeRef.Scalar(IntegerKind(format));
            case "number":
                return TypeRef.Scalar(format switch
                {
                    "float" => TypeKind.Float,
                    "decimal" => TypeKind.Decimal,
                    "int8" or "uint8" or "int16" or "uint16" or "int32" => TypeKind.Int32,
                    "int64" or "uint32" => TypeKind.Int64,
                    "uint64" => TypeKind.Decimal,
                    _ => TypeKind.Double,
                });
            case "boolean":
                return TypeRef.Scalar(TypeKind.Boolean);
            case "array":
                var items = SpecDocument.Member(map, "items");
                if (items is null)
                {
                    return TypeRef.Untyped.AsArray(); // 3.1 (and sloppy 3.0): any items
                }

                var element = ResolveType(items, Pointer.Append(pointer, "items"), nameHint + "Item", out _, depth + 1);
                if (element is null)
                {
                    return null;
                }

                // An array of arrays keeps each inner array as an untyped JSON array; dates, times, durations and
                // base64 items stay strings (Kiota reads collections of JSON primitives only).
                return element.IsArray ? TypeRef.Untyped.AsArray() : ArrayOf(element);
            case "object":
            case null:
                if (SpecDocument.Member(map, "properties") is SpecMapping { Children.Count: > 0 } || allOf is not null || oneOf is not null)
                {
                    return Model(map, pointer, nameHint);
                }

                if (type is null && SpecDocument.Member(map, "items") is { } looseItems)
                {
                    // `items` without `type: array` (common in hand-written documents).
                    var looseElement = ResolveType(looseItems, Pointer.Append(pointer, "items"), nameHint + "Item", out _, depth + 1);
                    return looseElement is null ? null : looseElement.IsArray ? TypeRef.Untyped.AsArray() : ArrayOf(looseElement);
                }

                if (type is null && format is not null)
                {
                    return TypeRef.Scalar(StringKind(format)); // `format` without `type`: a string in every generator
                }

                return TypeRef.Untyped; // a free-form object or a map (additionalProperties): kept as untyped JSON
            case "file":
                return TypeRef.Scalar(TypeKind.Bytes); // Swagger 2 leftover in converted documents
            default:
                return Unsupported(SpecDocument.Member(map, "type") ?? map, Pointer.Append(pointer, "type"), "type '" + type + "'", "use string, integer, number, boolean, array or object");
        }
    }

    private TypeRef? ResolveComposition(SpecMapping map, string pointer, string nameHint, SpecSequence? allOf, SpecSequence? oneOf, ref bool nullable, int depth)
    {
        var members = new List<(SpecNode Node, string Pointer)>();
        if (allOf is not null)
        {
            members.AddRange(allOf.Children.Select((n, i) => (n, Pointer.Append(Pointer.Append(pointer, "allOf"), i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }

        var alternatives = new List<(SpecNode Node, string Pointer)>();
        if (oneOf is not null)
        {
            var key = SpecDocument.Member(map, "oneOf") is not null ? "oneOf" : "anyOf";
            alternatives.AddRange(oneOf.Children.Select((n, i) => (n, Pointer.Append(Pointer.Append(pointer, key), i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }

        // `{type: 'null'}` alternatives only make the value nullable (the 3.1 spelling of nullable: true).
        var nullAlternatives = alternatives.Where(a => IsNullSchema(a.Node)).ToList();
        if (nullAlternatives.Count > 0)
        {
            nullable = true;
            alternatives = alternatives.Except(nullAlternatives).ToList();
        }

        // Members that only annotate (description, nullable, readOnly…) add nothing to the shape.
        members = members.Where(m => !IsAnnotationOnly(m.Node)).ToList();
        foreach (var member in members)
        {
            nullable |= member.Node is SpecMapping mm && IsNullable(mm, member.Pointer);
        }

        if (members.Count + alternatives.Count == 0)
        {
            return TypeRef.Untyped;
        }

        if (members.Count + alternatives.Count == 1)
        {
            var single = members.Count == 1 ? members[0] : alternatives[0];
            var inner = ResolveType(single.Node, single.Pointer, nameHint, out var innerNullable, depth + 1);
            nullable |= innerNullable;
            return inner;
        }

        // Alternatives that share a base dispatching on a discriminator: reading the base creates the right one.
        if (members.Count == 0 && DispatchingBaseOf(alternatives.Select(a => a.Node)) is { } dispatching)
        {
            return new TypeRef(TypeKind.Object, dispatching, false);
        }

        // A discriminated union of objects that share no base: a composed type (one property per alternative).
        if (members.Count == 0 && SpecDocument.Member(map, "discriminator") is not null && ComposedAlternatives(alternatives.Select(a => a.Node)) is { } composed)
        {
            var type = Model(map, pointer, nameHint);
            PlanComposed(map, pointer, type.TypeName!, composed);
            return type;
        }

        var all = members.Concat(alternatives).ToList();
        if (all.All(a => IsObjectLike(a.Node, 0)))
        {
            return Model(map, pointer, nameHint);
        }

        if (members.Count > 0 && alternatives.Count == 0 && members.Any(m => !IsObjectLike(m.Node, 0)))
        {
            // allOf of a scalar type and constraints: the first member that resolves gives the type.
            return ResolveType(members[0].Node, members[0].Pointer, nameHint, out _, depth + 1);
        }

        if (all.All(a => IsScalarLike(a.Node, 0)))
        {
            return TypeRef.Scalar(TypeKind.LenientString);
        }

        return TypeRef.Untyped; // a mixed union (object or array or scalar): the JSON is kept as it is
    }

    private TypeRef Model(SpecMapping map, string pointer, string nameHint)
    {
        var name = Unique(CSharpName(map, nameHint, pointer), pointer);
        var type = new TypeRef(TypeKind.Object, name, false);
        _synthesized[map] = type;
        _pending.Add(new PendingModel(name, pointer, map));
        return type;
    }

    private TypeRef Enum(SpecMapping map, string pointer, string nameHint)
    {
        var name = _namedEnums.TryGetValue(map, out var named) ? named : Unique(CSharpName(map, nameHint, pointer), pointer);
        var type = new TypeRef(TypeKind.Enum, name, false);
        _synthesized[map] = type;
        _enums.Add(ParseEnum(name, map, pointer));
        return type;
    }

    private static TypeRef ArrayOf(TypeRef element)
        => element.Kind is TypeKind.Date or TypeKind.Time or TypeKind.Duration or TypeKind.Bytes
            ? TypeRef.Scalar(TypeKind.String).AsArray()
            : element.Kind is TypeKind.SByte or TypeKind.Byte ? TypeRef.Scalar(TypeKind.Int32).AsArray() : element.AsArray();

    public static TypeKind StringKind(string? format) => format switch
    {
        "date-time" => TypeKind.DateTimeOffset,
        "date" => TypeKind.Date,
        "time" => TypeKind.Time,
        "duration" => TypeKind.Duration,
        "uuid" => TypeKind.Guid,
        "byte" or "binary" or "base64" => TypeKind.Bytes,
        _ => TypeKind.String,
    };

    public static TypeKind IntegerKind(string? format) => format switch
    {
        "int8" => TypeKind.SByte,
        "uint8" => TypeKind.Byte,
        "int64" or "uint32" => TypeKind.Int64,
        "uint64" => TypeKind.Decimal, // beyond long's range; decimal holds every uint64 exactly
        _ => TypeKind.Int32,
    };

    /// <summary>A stable hint from a pointer's last segments (<c>#/components/responses/NotFound/…</c> → <c>NotFound</c>).</summary>
    private static string? HintFromPointer(string pointer)
    {
        var segments = pointer.Split('/');
        if (segments.Length >= 4 && segments[0] == "#" && segments[1] == "components")
        {
            var hint = Naming.ToPascal(Pointer.Unescape(segments[3]));
            for (var i = 4; i < segments.Length; i++)
            {
                if (segments[i - 1] == "properties")
                {
                    hint += Naming.ToPascal(Pointer.Unescape(segments[i]));
                }
            }

            return segments[2] switch
            {
                "schemas" => hint,
                "responses" => hint + "Response",
                "requestBodies" => hint + "Request",
                "parameters" => hint + "Parameter",
                "headers" => hint + "Header",
                _ => hint,
            };
        }

        return null;
    }
}
