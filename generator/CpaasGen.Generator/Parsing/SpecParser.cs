using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Parsing;

/// <summary>Text → <see cref="ParseResult"/>: the only entry point of the Parsing layer. Never throws on bad input.</summary>
internal static class SpecParser
{
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var spec = ParseCore(input, diagnostics, cancellationToken);
            return new ParseResult(spec, Distinct(Lenient(input) ? Downgrade(diagnostics) : diagnostics));
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A bug in the parser must not take the build down with a bare CS8785: report it against the spec.
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnreadableDocument,
                null,
                "#",
                "the generator failed unexpectedly (" + ex.GetType().Name + ": " + ex.Message + "); please report this with the spec"));
            return new ParseResult(null, Distinct(diagnostics));
        }
    }

    private static ApiSpec? ParseCore(SpecInput input, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var doc = SpecDocument.Load(input.FilePath, input.Text, diagnostics);
        if (doc is null)
        {
            return null;
        }

        var root = doc.Root;
        var version = doc.String(root, "openapi", "#");
        if (version is null)
        {
            var swagger = doc.String(root, "swagger", "#");
            if (swagger is not null)
            {
                doc.Report(DiagnosticDescriptors.UnsupportedVersion, SpecDocument.Member(root, "swagger"), "#/swagger", swagger);
                return null;
            }

            doc.Report(DiagnosticDescriptors.MissingRequiredMember, root, "#", "openapi");
            return null;
        }

        if (!version.StartsWith("3.0", StringComparison.Ordinal) && !version.StartsWith("3.1", StringComparison.Ordinal))
        {
            doc.Report(DiagnosticDescriptors.UnsupportedVersion, SpecDocument.Member(root, "openapi"), "#/openapi", version);
            return null;
        }

        doc.ValidateAllReferences();
        cancellationToken.ThrowIfCancellationRequested();

        var info = doc.Mapping(root, "info", "#");
        string? title = null;
        if (info is null)
        {
            doc.Report(DiagnosticDescriptors.MissingRequiredMember, root, "#", "info");
        }
        else
        {
            title = doc.String(info, "title", "#/info");
            if (title is null)
            {
                doc.Report(DiagnosticDescriptors.MissingRequiredMember, info, "#/info", "title");
            }
        }

        var ns = Identifier(doc, input.NamespaceOverride, "CpaasGenNamespace", info, "x-csharp-namespace", isNamespace: true) ?? (title is null ? "OpenApi.Generated" : NamespaceFrom(title));
        var rootName = Identifier(doc, input.ClientNameOverride, "CpaasGenClientName", info, "x-csharp-client-name", isNamespace: false) ?? (title is null ? "ApiClient" : Naming.ToPascal(title) + "Client");
        var accessibility = input.AccessibilityOverride?.Trim().ToLowerInvariant() switch
        {
            null or "" or "public" => "public",
            "internal" => "internal",
            var other => ReportAccessibility(doc, other!),
        };

        // Case-insensitive: every type becomes a file (hint name), and Roslyn compares hint names ignoring case, so
        // "Book" and "BOok" would make AddSource throw (CS8785) instead of giving a CPGEN008.
        var usedNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [rootName] = "#/info",
            ["PathSegment"] = "(generated helper)",
            ["GeneratedJson"] = "(generated helper)",
            ["IJsonModel"] = "(generated helper)",
            ["GeneratedValues"] = "(generated helper)",
            ["GeneratedDiscriminator"] = "(generated helper)",
        };

        if (input.OverlayName is not null && input.OverlayText is null)
        {
            doc.Report(DiagnosticDescriptors.InvalidValue, null, "(MSBuild metadata CpaasGenOverlay)", "the file name of an AdditionalFiles item ending in .cpaasgen.yaml, .cpaasgen.yml or .cpaasgen.json", "'" + input.OverlayName + "'");
        }

        var filter = OperationFilter.Create(doc, input.Include, input.Exclude, input.OverlayPath, input.OverlayText, diagnostics);
        var components = doc.Mapping(root, "components", "#");
        var schemaParser = new SchemaParser(doc, ns, accessibility, usedNames, filter);
        schemaParser.Register(doc.Mapping(components, "schemas", "#/components"));

        var paths = doc.Mapping(root, "paths", "#");
        var operationParser = new OperationParser(doc, schemaParser, filter, responsesOptional: version.StartsWith("3.1", StringComparison.Ordinal));
        var tagDocs = ReadTags(doc, root);
        var groupNames = new Dictionary<string, (string GroupName, string ClientName)>(StringComparer.Ordinal);
        foreach (var group in operationParser.PlanGroups(paths))
        {
            var groupName = filter.Name("tag:" + group) ?? Naming.ToPascal(group);
            var clientName = groupName + "Client";
            if (string.Equals(clientName, rootName, StringComparison.OrdinalIgnoreCase))
            {
                clientName = groupName + "OperationsClient"; // a tag named like the API ("Management Groups" in "Management Groups Client")
            }

            // The group becomes a property of the root client, beside its own members (CS0102 / CS0542 otherwise).
            if (groupName is "RequestAdapter" or "DefaultBaseUrl" or "CreateRequestAdapter" || groupName == rootName)
            {
                doc.Report(DiagnosticDescriptors.NameCollision, null, "#/tags/" + Pointer.Escape(group), groupName, "a member of the root client " + rootName);
                continue;
            }

            if (usedNames.TryGetValue(clientName, out var other) || groupNames.Values.Any(g => string.Equals(g.GroupName, groupName, StringComparison.OrdinalIgnoreCase)))
            {
                doc.Report(DiagnosticDescriptors.NameCollision, null, "#/tags/" + Pointer.Escape(group), clientName, other ?? "another tag");
                continue;
            }

            usedNames[clientName] = "#/tags/" + Pointer.Escape(group);
            groupNames[group] = (groupName, clientName);
        }

        operationParser.ParseAll(paths, cancellationToken);

        var (models, enums) = schemaParser.ParseAll(operationParser.ErrorModels, operationParser.BodyModels, cancellationToken);
        var errorTypes = models.Where(m => m.ErrorWrapperName is not null).ToDictionary(m => m.Name, m => m.ErrorWrapperName!, StringComparer.Ordinal);

        var clients = new List<ClientSpec>();
        var groups = new List<GroupRefSpec>();
        foreach (var (group, operations) in operationParser.Groups)
        {
            if (!groupNames.TryGetValue(group, out var names))
            {
                continue; // its name collided (reported above)
            }

            tagDocs.TryGetValue(group, out var description);
            var withErrorTypes = operations.Select(o => o.Errors.Any(e => errorTypes.ContainsKey(e.TypeName))
                ? o with { Errors = o.Errors.Select(e => errorTypes.TryGetValue(e.TypeName, out var wrapper) ? e with { TypeName = wrapper } : e).ToEquatableArray() }
                : o);
            clients.Add(new ClientSpec(ns, accessibility, names.ClientName, description, withErrorTypes.ToEquatableArray()));
            groups.Add(new GroupRefSpec(names.GroupName, names.ClientName, description));
        }

        clients.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        groups.Sort((a, b) => string.CompareOrdinal(a.PropertyName, b.PropertyName));

        var rootSpec = new RootClientSpec(
            ns,
            accessibility,
            rootName,
            title,
            info is null ? null : doc.String(info, "description", "#/info"),
            FirstServerUrl(doc, root),
            groups.ToEquatableArray());

        if (Lenient(input))
        {
            foreach (var (pointer, name, node) in operationParser.Skipped)
            {
                doc.Report(DiagnosticDescriptors.OperationSkipped, node, pointer, name, "see the warnings above at this operation");
            }
        }

        // Files that use a deprecated model disable CS0618 for it (the API still uses it; the user sees the warning where they do).
        var deprecated = new HashSet<string>(models.Where(m => m.IsDeprecated).Select(m => m.Name), StringComparer.Ordinal);
        if (deprecated.Count > 0)
        {
            models = models.Select(m => !m.IsDeprecated && (m.Properties.Any(p => p.Type.TypeName is { } t && deprecated.Contains(t))
                || (m.BaseName is { } b && deprecated.Contains(b)) || (m.Discriminator?.Cases.Any(c => deprecated.Contains(c.TypeName)) ?? false)
                || m.Alternatives.Any(a => deprecated.Contains(a.TypeName))) ? m with { UsesDeprecated = true } : m).ToList();
            clients = clients.Select(c => c.Operations.Any(o => UsesAny(o, deprecated)) ? c with { UsesDeprecated = true } : c).ToList();
        }

        var usesValues = models.Any(m => m.Properties.Any(p => p.Type.Kind is TypeKind.SByte or TypeKind.Byte or TypeKind.Date or TypeKind.Time or TypeKind.Duration or TypeKind.Bytes))
            || clients.Any(c => c.Operations.Any(o => o.Parameters.Any(p => p.Type.IsArray || p.IsMap || p.Location == ParameterLocation.Cookie)
                || o.Body?.ContentKind == BodyContentKind.Text || o.Response?.ContentKind == BodyContentKind.Text));
        var usesDiscriminators = models.Any(m => m.Discriminator is not null);
        return new ApiSpec(rootSpec, new SupportSpec(ns, accessibility, usesValues, usesDiscriminators), models.ToEquatableArray(), enums.ToEquatableArray(), clients.ToEquatableArray());
    }

    private static bool UsesAny(OperationSpec operation, HashSet<string> names)
        => (operation.Body?.Type?.TypeName is { } body && names.Contains(body))
            || (operation.Response?.Type?.TypeName is { } response && names.Contains(response))
            || operation.Errors.Any(e => names.Contains(e.TypeName))
            || operation.Parameters.Any(p => p.Type.TypeName is { } t && names.Contains(t));

    /// <summary><c>CpaasGenMode=lenient</c>: skip and warn. Anything else (or nothing) is strict.</summary>
    public static bool Lenient(SpecInput input) => string.Equals(input.Mode?.Trim(), "lenient", StringComparison.OrdinalIgnoreCase);

    /// <summary>A namespace from a title: each dot-separated part a valid identifier (<c>Adyen Checkout 1.2</c> → <c>AdyenCheckout12</c>).</summary>
    private static string NamespaceFrom(string title)
    {
        var parts = title.Split('.').Select(Naming.ToPascal).Where(p => p.Length > 0).ToList();
        return parts.All(Naming.IsValidIdentifier) ? string.Join(".", parts) : Naming.ToPascal(title);
    }

    private static string ReportAccessibility(SpecDocument doc, string value)
    {
        doc.Report(DiagnosticDescriptors.InvalidValue, null, "(MSBuild metadata CpaasGenAccessibility)", "'public' or 'internal'", "'" + value + "'");
        return "public";
    }

    private static string? Identifier(SpecDocument doc, string? overrideValue, string metadataName, SpecMapping? info, string extension, bool isNamespace)
    {
        var fromMetadata = !string.IsNullOrWhiteSpace(overrideValue);
        var value = fromMetadata ? overrideValue!.Trim() : (info is null ? null : doc.String(info, extension, "#/info"));
        if (value is null)
        {
            return null;
        }

        var valid = isNamespace ? value.Split('.').All(Naming.IsValidIdentifier) : Naming.IsValidIdentifier(value);
        if (!valid)
        {
            // A bad MSBuild metadata value is not in the spec: do not point at the (possibly valid) spec extension.
            if (fromMetadata)
            {
                doc.Report(DiagnosticDescriptors.InvalidValue, null, "(MSBuild metadata " + metadataName + ")", isNamespace ? "a C# namespace" : "a C# identifier", "'" + value + "'");
            }
            else
            {
                doc.Report(DiagnosticDescriptors.InvalidValue, info is null ? null : SpecDocument.Member(info, extension), "#/info/" + extension, isNamespace ? "a C# namespace" : "a C# identifier", "'" + value + "'");
            }

            return null;
        }

        return value;
    }

    private static Dictionary<string, string?> ReadTags(SpecDocument doc, SpecMapping root)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        var tags = doc.Sequence(root, "tags", "#");
        if (tags is null)
        {
            return result;
        }

        for (var i = 0; i < tags.Children.Count; i++)
        {
            if (tags.Children[i] is SpecMapping tag && doc.String(tag, "name", "#/tags/" + i) is { } name)
            {
                result[name] = doc.String(tag, "description", "#/tags/" + i);
            }
        }

        return result;
    }

    private static string? FirstServerUrl(SpecDocument doc, SpecMapping root)
    {
        var servers = doc.Sequence(root, "servers", "#");
        if (servers is null || servers.Children.Count == 0 || servers.Children[0] is not SpecMapping first)
        {
            return null;
        }

        // Variables take their defaults; a relative URL ("/api/v3") has no host to default to.
        var url = ServerVariables.Expand(doc, first, "#/servers/0");
        return url is not null && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? url.TrimEnd('/') : null;
    }

    /// <summary>Skip and warn: errors about single elements become warnings; an unreadable or unsupported document stays an error.</summary>
    private static List<DiagnosticInfo> Downgrade(List<DiagnosticInfo> diagnostics)
        => diagnostics.Select(d => d.EffectiveSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && d.Descriptor.Id is not ("CPGEN001" or "CPGEN009")
            ? d with { Severity = Microsoft.CodeAnalysis.DiagnosticSeverity.Warning }
            : d).ToList();

    private static EquatableArray<DiagnosticInfo> Distinct(List<DiagnosticInfo> diagnostics)
        => diagnostics.Distinct().ToEquatableArray();
}
