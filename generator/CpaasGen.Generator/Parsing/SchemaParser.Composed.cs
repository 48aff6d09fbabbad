using System;
using System.Collections.Generic;
using System.Linq;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Composed types: a discriminated <c>oneOf</c>/<c>anyOf</c> of component objects that cannot become their base (an
/// inline union, or alternatives that already belong to another hierarchy or union) is a wrapper with one property
/// per alternative; the discriminator picks which one is filled, on both read paths. See spec/README.md, "Composition".
/// </summary>
internal sealed partial class SchemaParser
{
    private readonly Dictionary<SpecNode, ComposedPlan> _composed = new(SpecDocument.NodeIdentity);

    /// <summary>The alternatives (component object models, at least two) and the discriminator that chooses among them.</summary>
    private sealed record ComposedPlan(List<NamedSchema> Alternatives, DeclaredDiscriminator? Discriminator);

    /// <summary>The component object schemas of a union's alternatives, when every alternative is one; null otherwise.</summary>
    private List<NamedSchema>? ComposedAlternatives(IEnumerable<SpecNode> alternatives)
    {
        var result = new List<NamedSchema>();
        foreach (var alternative in alternatives)
        {
            if (SpecDocument.RefOf(alternative) is not { } reference || !_named.TryGetValue(reference, out var target) || target.Kind != NamedKind.Object)
            {
                return null;
            }

            if (!result.Any(r => r.Name == target.Name))
            {
                result.Add(target);
            }
        }

        return result.Count >= 2 ? result : null;
    }

    private void PlanComposed(SpecMapping map, string pointer, string name, List<NamedSchema> alternatives)
    {
        DeclaredDiscriminator? declared = null;
        if (_doc.Mapping(map, "discriminator", pointer) is { } discriminator)
        {
            var discriminatorPointer = Pointer.Append(pointer, "discriminator");
            var property = _doc.String(discriminator, "propertyName", discriminatorPointer);
            if (string.IsNullOrEmpty(property))
            {
                _doc.Report(DiagnosticDescriptors.MissingRequiredMember, discriminator, discriminatorPointer, "propertyName");
            }
            else
            {
                declared = new DeclaredDiscriminator(property!, _doc.Mapping(discriminator, "mapping", discriminatorPointer), discriminatorPointer);
            }
        }

        _composed[map] = new ComposedPlan(alternatives, declared);
    }

    private ModelSpec BuildComposed(ModelBuilder builder, PendingModel pending, ComposedPlan plan, bool isError, string? wrapper)
    {
        if (isError || plan.Discriminator is null)
        {
            // An exception type cannot wrap (it derives from ApiException), nor can a union without a usable discriminator:
            // one merged model, as for any union of objects.
            return builder.Build(pending, _namespace, _accessibility, isError, wrapper);
        }

        var alternatives = new List<ComposedAlternativeSpec>();
        var used = new HashSet<string>(StringComparer.Ordinal) { pending.Name };
        foreach (var alternative in plan.Alternatives)
        {
            var property = alternative.Name;
            if (ModelBuilder.IsReservedMember(property) || !used.Add(property))
            {
                property += "Value";
                used.Add(property);
            }

            alternatives.Add(new ComposedAlternativeSpec(property, alternative.Name));
        }

        var map = pending.Node as SpecMapping;
        var description = map is null ? null : _doc.String(map, "description", pending.Pointer) ?? _doc.String(map, "title", pending.Pointer);
        return new ModelSpec(
            _namespace,
            _accessibility,
            pending.Name,
            description,
            IsError: false,
            map is not null && (_doc.Bool(map, "deprecated", pending.Pointer) ?? false),
            EquatableArray<PropertySpec>.Empty,
            wrapper,
            Discriminator: new DiscriminatorSpec(plan.Discriminator.PropertyName, ComposedCases(pending.Name, plan).ToEquatableArray()),
            Alternatives: alternatives.ToEquatableArray());
    }

    /// <summary>The discriminator values: the <c>mapping</c> first, then each alternative by its name in <c>components/schemas</c>.</summary>
    private List<DiscriminatorCaseSpec> ComposedCases(string name, ComposedPlan plan)
    {
        var declared = plan.Discriminator!;
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

            if (!plan.Alternatives.Any(a => a.Name == named.Name))
            {
                _doc.Report(DiagnosticDescriptors.DiscriminatorMappingIgnored, pair.Value, pointer, value, target, name);
                continue;
            }

            mapped.Add(named.Name);
            if (values.Add(value))
            {
                cases.Add(new DiscriminatorCaseSpec(value, named.Name));
            }
        }

        foreach (var alternative in plan.Alternatives.Where(a => !mapped.Contains(a.Name)))
        {
            if (values.Add(alternative.Key))
            {
                cases.Add(new DiscriminatorCaseSpec(alternative.Key, alternative.Name));
            }
        }

        return cases;
    }
}
