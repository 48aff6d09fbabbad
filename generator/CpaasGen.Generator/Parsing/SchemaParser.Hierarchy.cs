using System;
using System.Collections.Generic;
using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Class hierarchies among component schemas, planned once after <see cref="Register"/> (see spec/README.md,
/// "Composition"):
/// <list type="bullet">
/// <item><c>allOf: [$ref Base, …]</c> → <c>Derived : Base</c> (of several <c>$ref</c>s, the first whose schema declares a
/// discriminator, else the first; the others are flattened into the derived type).</item>
/// <item>A schema that is only <c>allOf: [$ref Base]</c> is an alias of <c>Base</c>, unless <c>Base</c> dispatches on a
/// discriminator: then it is a derived type of its own (the discriminator must be able to create it).</item>
/// <item><c>oneOf</c>/<c>anyOf</c> of <c>$ref</c>s with a <c>discriminator</c>: the alternatives derive from the union
/// (their common base) when none of them has another base; when they already share a base, the union is that base
/// (which takes the union's discriminator when it has none of its own).</item>
/// </list>
/// Error-only models (exceptions) are never part of a hierarchy; their <c>allOf</c> is flattened as before.
/// </summary>
internal sealed partial class SchemaParser
{
    private readonly Dictionary<string, HierarchyLink> _baseOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeclaredDiscriminator> _declared = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unionBases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedSchema> _namedByName = new(StringComparer.Ordinal);
    private SpecMapping? _schemas;

    /// <summary>The base of a derived model and the <c>allOf</c> member that names it (null for a union's alternative).</summary>
    private sealed record HierarchyLink(string BaseName, SpecNode? Member);

    /// <summary>A <c>discriminator</c> as written: its property, its explicit <c>mapping</c>, and where it sits.</summary>
    private sealed record DeclaredDiscriminator(string PropertyName, SpecMapping? Mapping, string Pointer);

    private void PlanHierarchy()
    {
        foreach (var named in _named.Values.Where(n => n.Kind == NamedKind.Object))
        {
            _namedByName[named.Name] = named;
            ReadDiscriminator(named);
        }

        foreach (var named in _namedByName.Values.ToList())
        {
            if (AllOfBase(named) is { } link)
            {
                _baseOf[named.Name] = link;
            }
        }

        PromoteDiscriminatedAliases();
        PlanUnions();
        BreakCycles();
    }

    private void ReadDiscriminator(NamedSchema named)
    {
        var map = (SpecMapping)named.Node;
        if (_doc.Mapping(map, "discriminator", named.Pointer) is not { } discriminator)
        {
            return;
        }

        var pointer = Pointer.Append(named.Pointer, "discriminator");
        var property = _doc.String(discriminator, "propertyName", pointer);
        if (string.IsNullOrEmpty(property))
        {
            _doc.Report(DiagnosticDescriptors.MissingRequiredMember, discriminator, pointer, "propertyName");
            return;
        }

        _declared[named.Name] = new DeclaredDiscriminator(property!, _doc.Mapping(discriminator, "mapping", pointer), pointer);
    }

    /// <summary>The base an <c>allOf</c> names: a <c>$ref</c> to a component object schema (one that declares a discriminator first).</summary>
    private HierarchyLink? AllOfBase(NamedSchema named)
    {
        if (SpecDocument.Member((SpecMapping)named.Node, "allOf") is not SpecSequence allOf)
        {
            return null;
        }

        HierarchyLink? first = null;
        foreach (var item in allOf.Children)
        {
            if (SpecDocument.RefOf(item) is { } reference && _named.TryGetValue(reference, out var target) && target.Kind == NamedKind.Object && target.Name != named.Name)
            {
                var link = new HierarchyLink(target.Name, item);
                if (_declared.ContainsKey(target.Name))
                {
                    return link;
                }

                first ??= link;
            }
        }

        return first;
    }

    /// <summary><c>Cat: {allOf: [$ref Pet]}</c> is Pet itself, unless Pet dispatches on a discriminator: then Cat is a class.</summary>
    private void PromoteDiscriminatedAliases()
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var named in _named.Values.Where(n => n.Kind == NamedKind.Alias && n.Node is SpecMapping).ToList())
            {
                var map = (SpecMapping)named.Node;
                if (SpecDocument.Member(map, "allOf") is not SpecSequence allOf || SpecDocument.RefOf(map) is not null
                    || SpecDocument.Member(map, "oneOf") is not null || SpecDocument.Member(map, "anyOf") is not null)
                {
                    continue;
                }

                var parts = allOf.Children.Where(p => !IsAnnotationOnly(p)).ToList();
                var types = TypeNames(map);
                if (parts.Count != 1 || SpecDocument.RefOf(parts[0]) is not { } reference || !_named.TryGetValue(reference, out var target)
                    || target.Kind != NamedKind.Object || DiscriminatorHolder(target.Name) is null || (types.Count > 0 && !types.SequenceEqual(ObjectType)))
                {
                    continue;
                }

                var name = CSharpName(map, named.Key, named.Pointer);
                if (!Claim(name, named.Pointer, _schemas?.GetKey(named.Key) ?? (SpecNode)map))
                {
                    continue;
                }

                var promoted = named with { Name = name, Kind = NamedKind.Object };
                _named[named.Pointer] = promoted;
                _namedByName[name] = promoted;
                _synthesized[map] = new TypeRef(TypeKind.Object, name, false);
                _pending.Add(new PendingModel(name, named.Pointer, map));
                _baseOf[name] = new HierarchyLink(target.Name, parts[0]);
                ReadDiscriminator(promoted);
                changed = true;
            }
        }
    }

    /// <summary>
    /// Unions of component objects. With a discriminator, the union becomes its alternatives' base, between them and
    /// the base they already share, if any (<c>Animal ← Pet ← Dog, Cat</c>). Without one, a union whose alternatives
    /// share a base that dispatches on a discriminator is that base. Otherwise: one merged model, as before.
    /// </summary>
    private void PlanUnions()
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var union in _namedByName.Values.ToList())
        {
            var map = (SpecMapping)union.Node;
            var alternatives = UnionAlternatives(map);
            if (alternatives is null || alternatives.Contains(union.Name))
            {
                continue;
            }

            var directBases = alternatives.Select(a => _baseOf.TryGetValue(a, out var link) ? link.BaseName : null).Distinct().ToList();
            var shared = directBases.Count == 1 ? directBases[0] : null;
            if (_declared.ContainsKey(union.Name) && directBases.Count == 1 && !_baseOf.ContainsKey(union.Name)
                && (shared is null || shared == union.Name || !IsAncestor(union.Name, shared)) && !alternatives.Any(claimed.Contains))
            {
                foreach (var alternative in alternatives)
                {
                    claimed.Add(alternative);
                    _baseOf[alternative] = new HierarchyLink(union.Name, null);
                }

                if (shared is not null && shared != union.Name)
                {
                    _baseOf[union.Name] = new HierarchyLink(shared, null);
                }

                _unionBases.Add(union.Name);
                continue;
            }

            if (!_declared.ContainsKey(union.Name) && SpecDocument.Member(map, "properties") is null && SpecDocument.Member(map, "allOf") is null
                && CommonBase(alternatives) is { } common && common != union.Name && !IsAncestor(union.Name, common) && DiscriminatorHolder(common) is not null)
            {
                Demote(union);
                continue;
            }

            // A discriminated union whose alternatives belong elsewhere (another base, another union): a composed type.
            if (_declared.ContainsKey(union.Name) && SpecDocument.Member(map, "properties") is null && SpecDocument.Member(map, "allOf") is null)
            {
                _declared.Remove(union.Name); // its discriminator picks an alternative, it does not dispatch a hierarchy
                PlanComposed(map, union.Pointer, union.Name, alternatives.Select(a => _namedByName[a]).ToList());
            }
        }
    }

    /// <summary>The model names of a <c>oneOf</c>/<c>anyOf</c> whose alternatives are all <c>$ref</c>s to component objects (nulls aside).</summary>
    private List<string>? UnionAlternatives(SpecMapping map)
    {
        var list = SpecDocument.Member(map, "oneOf") as SpecSequence ?? SpecDocument.Member(map, "anyOf") as SpecSequence;
        if (list is null)
        {
            return null;
        }

        var names = new List<string>();
        foreach (var item in list.Children.Where(i => !IsNullSchema(i)))
        {
            if (SpecDocument.RefOf(item) is not { } reference || !_named.TryGetValue(reference, out var target) || target.Kind != NamedKind.Object)
            {
                return null;
            }

            if (!names.Contains(target.Name))
            {
                names.Add(target.Name);
            }
        }

        return names.Count >= 2 ? names : null;
    }

    /// <summary>A union that resolves to its alternatives' base is no model of its own: it becomes an alias.</summary>
    private void Demote(NamedSchema union)
    {
        _named[union.Pointer] = union with { Name = union.Key, Kind = NamedKind.Alias };
        _namedByName.Remove(union.Name);
        _declared.Remove(union.Name);
        _synthesized.Remove(union.Node);
        _pending.RemoveAll(p => p.Name == union.Name);
        _usedNames.Remove(union.Name);
        foreach (var derived in _baseOf.Where(l => l.Value.BaseName == union.Name).Select(l => l.Key).ToList())
        {
            _baseOf.Remove(derived);
        }
    }

    /// <summary>A base whose chain comes back to a derived type (allOf cycles) loses that link.</summary>
    private void BreakCycles()
    {
        foreach (var name in _baseOf.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList())
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { name };
            for (var current = name; _baseOf.TryGetValue(current, out var link); current = link.BaseName)
            {
                if (!seen.Add(link.BaseName))
                {
                    _baseOf.Remove(name);
                    break;
                }
            }
        }
    }

    /// <summary>Drops links that touch an error-only model (exceptions derive from ApiException, not from a model).</summary>
    private void DropErrorLinks(Func<string, bool> isError)
    {
        foreach (var pair in _baseOf.ToList())
        {
            if (isError(pair.Key) || isError(pair.Value.BaseName))
            {
                _baseOf.Remove(pair.Key);
            }
        }
    }

    /// <summary>The nearest of the model and its bases that declares a discriminator.</summary>
    private string? DiscriminatorHolder(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = name; current is not null && seen.Add(current); current = _baseOf.TryGetValue(current, out var link) ? link.BaseName : null)
        {
            if (_declared.ContainsKey(current))
            {
                return current;
            }
        }

        return null;
    }

    private IEnumerable<string> Ancestors(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var current = name; _baseOf.TryGetValue(current, out var link) && seen.Add(link.BaseName); current = link.BaseName)
        {
            yield return link.BaseName;
        }
    }

    private bool IsAncestor(string ancestor, string of) => Ancestors(of).Contains(ancestor);

    /// <summary>The nearest type every one of the models is or derives from, or null.</summary>
    private string? CommonBase(IReadOnlyList<string> names)
    {
        var chains = names.Select(n => new[] { n }.Concat(Ancestors(n)).ToList()).ToList();
        return chains[0].FirstOrDefault(candidate => chains.All(c => c.Contains(candidate)));
    }

    /// <summary>
    /// For an inline <c>oneOf</c>/<c>anyOf</c> of <c>$ref</c>s: the base the alternatives share when that base dispatches
    /// on a discriminator (so reading it creates the right alternative); null otherwise (a merged model, as before).
    /// </summary>
    private string? DispatchingBaseOf(IEnumerable<SpecNode> alternatives)
    {
        var names = new List<string>();
        foreach (var alternative in alternatives)
        {
            if (SpecDocument.RefOf(alternative) is not { } reference || !_named.TryGetValue(reference, out var target) || target.Kind != NamedKind.Object)
            {
                return null;
            }

            names.Add(target.Name);
        }

        return names.Count >= 2 && CommonBase(names) is { } common && DiscriminatorHolder(common) is not null ? common : null;
    }

    /// <summary>What <see cref="ModelBuilder"/> needs to build a member of a hierarchy; null for a plain model.</summary>
    private ModelContext? Context(string name, HierarchyLink? link, ModelSpec? baseModel, Dictionary<string, ModelSpec> built)
    {
        // A declared discriminator matters only where derived types set it.
        var holds = _declared.TryGetValue(name, out var declared) && _baseOf.Values.Any(l => l.BaseName == name) ? declared.PropertyName : null;
        if (baseModel is null && !_unionBases.Contains(name) && holds is null)
        {
            return null;
        }

        var inheritedJson = new HashSet<string>(StringComparer.Ordinal);
        var inheritedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = baseModel; current is not null && seen.Add(current.Name); current = current.BaseName is { } next && built.TryGetValue(next, out var up) ? up : null)
        {
            foreach (var property in current.Properties)
            {
                inheritedJson.Add(property.JsonName);
                if (!inheritedNames.ContainsKey(property.Name))
                {
                    inheritedNames[property.Name] = "the member inherited from " + current.Name;
                }
            }
        }

        var baseNodes = new List<SpecNode>();
        foreach (var ancestor in baseModel is null ? Enumerable.Empty<string>() : Ancestors(name))
        {
            if (_namedByName.TryGetValue(ancestor, out var named))
            {
                baseNodes.Add(named.Node);
            }
        }

        return new ModelContext(baseModel?.Name, baseNodes, _unionBases.Contains(name), inheritedJson, inheritedNames, holds);
    }

    /// <summary>After every model is built: which are bases, which values their factories dispatch on, what each derived type sets.</summary>
    private List<ModelSpec> CompleteHierarchies(List<ModelSpec> models)
    {
        var byName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var bases = new HashSet<string>(models.Where(m => m.BaseName is not null).Select(m => m.BaseName!), StringComparer.Ordinal);
        var casesByHolder = new Dictionary<string, List<DiscriminatorCaseSpec>>(StringComparer.Ordinal);
        var result = new List<ModelSpec>(models.Count);
        foreach (var model in models)
        {
            var current = bases.Contains(model.Name) ? model with { IsBase = true } : model;
            var holder = current.InHierarchy || _declared.ContainsKey(model.Name) ? DiscriminatorHolder(model.Name) : null;
            if (holder is not null && byName.ContainsKey(holder))
            {
                if (!casesByHolder.TryGetValue(holder, out var cases))
                {
                    cases = casesByHolder[holder] = Cases(holder, byName);
                }

                var propertyName = _declared[holder].PropertyName;
                var dispatch = cases.Where(c => c.TypeName != model.Name && DerivesFrom(c.TypeName, model.Name, byName)).ToList();
                if (dispatch.Count > 0)
                {
                    current = current with { Discriminator = new DiscriminatorSpec(propertyName, dispatch.ToEquatableArray()) };
                }

                if (cases.FirstOrDefault(c => c.TypeName == model.Name) is { } own
                    && FindProperty(model, propertyName, byName) is { } property
                    && !property.Type.IsArray && property.Type.Kind is TypeKind.String or TypeKind.LenientString or TypeKind.Enum)
                {
                    current = current with { SetsDiscriminator = new DiscriminatorValueSpec(property.Name, own.Value, property.Type) };
                }
            }

            result.Add(current);
        }

        return result;
    }

    /// <summary>The values a discriminator maps to types: its <c>mapping</c> first, then each derived schema by its own name.</summary>
    private List<DiscriminatorCaseSpec> Cases(string holder, Dictionary<string, ModelSpec> byName)
    {
        var declared = _declared[holder];
        var cases = new List<DiscriminatorCaseSpec>();
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in declared.Mapping?.Children ?? (IReadOnlyList<KeyValuePair<SpecNode, SpecNode>>)Array.Empty<KeyValuePair<SpecNode, SpecNode>>())
        {
            var value = ((SpecScalar)pair.Key).Value;
            var pointer = Pointer.Append(Pointer.Append(declared.Pointer, "mapping"), value);
            var target = (pair.Value as SpecScalar)?.Value ?? string.Empty;
            var reference = target.StartsWith("#", StringComparison.Ordinal) ? target : Pointer.Append(SchemasPointer, target);
            if (!_named.TryGetValue(reference, out var named) || _doc.TryResolve(reference) is null)
            {
                _doc.Report(DiagnosticDescriptors.UnresolvedReference, pair.Value, pointer, target);
                continue;
            }

            if (named.Kind != NamedKind.Object || !byName.ContainsKey(named.Name) || !DerivesFrom(named.Name, holder, byName))
            {
                _doc.Report(DiagnosticDescriptors.DiscriminatorMappingIgnored, pair.Value, pointer, value, target, holder);
                continue;
            }

            mapped.Add(named.Name);
            if (values.Add(value))
            {
                cases.Add(new DiscriminatorCaseSpec(value, named.Name));
            }
        }

        // Without a mapping entry, a derived schema's value is its name in components/schemas (OpenAPI's implicit mapping).
        foreach (var derived in byName.Values.Where(m => m.Name != holder && !mapped.Contains(m.Name) && DerivesFrom(m.Name, holder, byName)).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if (_namedByName.TryGetValue(derived.Name, out var named) && values.Add(named.Key))
            {
                cases.Add(new DiscriminatorCaseSpec(named.Key, derived.Name));
            }
        }

        return cases;
    }

    /// <summary>True when <paramref name="name"/> is <paramref name="ancestor"/> or derives from it (through built models).</summary>
    private static bool DerivesFrom(string name, string ancestor, Dictionary<string, ModelSpec> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? current = name; current is not null && seen.Add(current); current = byName.TryGetValue(current, out var model) ? model.BaseName : null)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static PropertySpec? FindProperty(ModelSpec model, string jsonName, Dictionary<string, ModelSpec> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = model; current is not null && seen.Add(current.Name); current = current.BaseName is { } next && byName.TryGetValue(next, out var up) ? up : null)
        {
            if (current.Properties.FirstOrDefault(p => p.JsonName == jsonName) is { } property)
            {
                return property;
            }
        }

        return null;
    }
}

/// <summary>How one model sits in a class hierarchy, for <see cref="ModelBuilder"/>.</summary>
/// <param name="BaseName">The base model (already built), or null.</param>
/// <param name="BaseNodes">The bases' schemas: their members are inherited, not collected again (wherever an <c>allOf</c> reaches them).</param>
/// <param name="SkipAlternatives">A discriminated union's base: its <c>oneOf</c>/<c>anyOf</c> alternatives are its derived types, not its members.</param>
/// <param name="InheritedJsonNames">JSON members the bases declare (not declared again).</param>
/// <param name="InheritedNames">C# property names the bases use, and whose they are (for CPGEN008).</param>
/// <param name="DiscriminatorProperty">The discriminator this model declares: never C#-required (constructors set it); added as a string when no member declares it.</param>
internal sealed record ModelContext(
    string? BaseName,
    IReadOnlyList<SpecNode> BaseNodes,
    bool SkipAlternatives,
    ISet<string> InheritedJsonNames,
    IReadOnlyDictionary<string, string> InheritedNames,
    string? DiscriminatorProperty);
