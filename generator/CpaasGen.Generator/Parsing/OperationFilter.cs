using System;
using System.Collections.Generic;
using System.Linq;
using CpaasGen.Generator.Infrastructure;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// Which operations to generate and which names to override, for documents you do not own: from the MSBuild item
/// metadata <c>CpaasGenInclude</c> / <c>CpaasGenExclude</c> (';'-separated selectors) and from an overlay side file
/// (<c>CpaasGenOverlay</c>). A selector is an operationId, <c>METHOD /path</c>, <c>/path</c> (every method),
/// <c>tag:Name</c>, or a prefix ending with '*' of any of those. Excluded operations are not skipped with a warning:
/// they are left out on purpose. Overlay <c>names</c> keys are JSON pointers (<c>#/components/schemas/Pet</c>,
/// <c>#/components/schemas/Pet/properties/owner_name</c>, <c>#/paths/~1pets/get</c>, a parameter's pointer) or
/// operationIds; values are C# identifiers.
/// </summary>
internal sealed class OperationFilter
{
    private static readonly char[] ListSeparators = [';', '\n'];

    private readonly List<string> _include;
    private readonly List<string> _exclude;
    private readonly Dictionary<string, string> _names;

    private OperationFilter(List<string> include, List<string> exclude, Dictionary<string, string> names)
    {
        _include = include;
        _exclude = exclude;
        _names = names;
    }

    public static OperationFilter Create(SpecDocument doc, string? include, string? exclude, string? overlayPath, string? overlayText, List<DiagnosticInfo> diagnostics)
    {
        var includes = Split(include);
        var excludes = Split(exclude);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (overlayText is not null && overlayPath is not null)
        {
            var overlay = SpecDocument.Load(overlayPath, overlayText, diagnostics);
            if (overlay is not null)
            {
                includes.AddRange(Strings(overlay, "include"));
                excludes.AddRange(Strings(overlay, "exclude"));
                if (overlay.Mapping(overlay.Root, "names", "#") is { } map)
                {
                    foreach (var pair in map.Children)
                    {
                        var key = ((SpecScalar)pair.Key).Value ?? string.Empty;
                        var value = (pair.Value as SpecScalar)?.Value;
                        if (value is null || !Naming.IsValidIdentifier(value))
                        {
                            overlay.Report(DiagnosticDescriptors.InvalidValue, pair.Value, Pointer.Append("#/names", key), "a valid C# identifier", "'" + (value ?? SpecDocument.Describe(pair.Value)) + "'");
                            continue;
                        }

                        names[key] = value;
                    }
                }
            }
        }

        _ = doc;
        return new OperationFilter(includes, excludes, names);
    }

    public bool Includes(string? operationId, string method, string path, string group)
    {
        bool Matches(string selector)
        {
            var candidates = new[] { operationId, method.ToUpperInvariant() + " " + path, path, "tag:" + group };
            if (selector.EndsWith("*", StringComparison.Ordinal))
            {
                var prefix = selector.Substring(0, selector.Length - 1);
                return candidates.Any(c => c is not null && c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            }

            return candidates.Any(c => c is not null && string.Equals(c, selector, c.StartsWith("tag:", StringComparison.Ordinal) || c.Contains(" ") ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        }

        return (_include.Count == 0 || _include.Any(Matches)) && !_exclude.Any(Matches);
    }

    /// <summary>The overlay's method name for an operation (by its pointer or its operationId), if any.</summary>
    public string? MethodName(string? operationId, string method, string path)
        => Name(Pointer.Append(Pointer.Append("#/paths", path), method)) ?? (operationId is null ? null : Name(operationId));

    public string? ParameterName(string pointer) => Name(pointer);

    /// <summary>The overlay's name for the element at <paramref name="key"/> (a JSON pointer or an operationId).</summary>
    public string? Name(string key) => _names.TryGetValue(key, out var name) ? name : null;

    private static List<string> Split(string? value)
        => (value ?? string.Empty).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static IEnumerable<string> Strings(SpecDocument overlay, string key)
        => overlay.Sequence(overlay.Root, key, "#")?.Children.OfType<SpecScalar>().Select(s => s.Value ?? string.Empty).Where(s => s.Length > 0) ?? Enumerable.Empty<string>();
}
