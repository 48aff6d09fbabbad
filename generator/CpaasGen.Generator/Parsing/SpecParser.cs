using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;
using YamlDotNet.RepresentationModel;

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
            return new ParseResult(spec, Distinct(diagnostics));
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

        var ns = Identifier(doc, input.NamespaceOverride, "CpaasGenNamespace", info, "x-csharp-namespace", isNamespace: true) ?? (title is null ? "OpenApi.Generated" : Naming.ToPascal(title));
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
        };

        var components = doc.Mapping(root, "components", "#");
        var schemaParser = new SchemaParser(doc, ns, accessibility);
        schemaParser.Register(doc.Mapping(components, "schemas", "#/components"), usedNames);

        var operationParser = new OperationParser(doc, schemaParser);
        operationParser.ParseAll(doc.Mapping(root, "paths", "#"), cancellationToken);

        var (models, enums) = schemaParser.ParseAll(operationParser.ErrorModels, cancellationToken);

        var tagDocs = ReadTags(doc, root);
        var clients = new List<ClientSpec>();
        var groups = new List<GroupRefSpec>();
        foreach (var (tag, operations) in operationParser.Groups)
        {
            var groupName = Naming.ToPascal(tag);
            var clientName = groupName + "Client";

            // The group becomes a property of the root client, beside its own members (CS0102 / CS0542 otherwise).
            if (groupName is "RequestAdapter" or "DefaultBaseUrl" || groupName == rootName)
            {
                doc.Report(DiagnosticDescriptors.NameCollision, null, "#/tags/" + Pointer.Escape(tag), groupName, "a member of the root client " + rootName);
                continue;
            }

            if (usedNames.TryGetValue(clientName, out var other))
            {
                doc.Report(DiagnosticDescriptors.NameCollision, null, "#/tags/" + Pointer.Escape(tag), clientName, other);
                continue;
            }

            usedNames[clientName] = "#/tags/" + Pointer.Escape(tag);
            tagDocs.TryGetValue(tag, out var description);
            clients.Add(new ClientSpec(ns, accessibility, clientName, description, operations.ToEquatableArray()));
            groups.Add(new GroupRefSpec(groupName, clientName, description));
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

        return new ApiSpec(rootSpec, new SupportSpec(ns, accessibility), models.ToEquatableArray(), enums.ToEquatableArray(), clients.ToEquatableArray());
    }

    private static string ReportAccessibility(SpecDocument doc, string value)
    {
        doc.Report(DiagnosticDescriptors.InvalidValue, null, "(MSBuild metadata CpaasGenAccessibility)", "'public' or 'internal'", "'" + value + "'");
        return "public";
    }

    private static string? Identifier(SpecDocument doc, string? overrideValue, string metadataName, YamlMappingNode? info, string extension, bool isNamespace)
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

    private static Dictionary<string, string?> ReadTags(SpecDocument doc, YamlMappingNode root)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        var tags = doc.Sequence(root, "tags", "#");
        if (tags is null)
        {
            return result;
        }

        for (var i = 0; i < tags.Children.Count; i++)
        {
            if (tags.Children[i] is YamlMappingNode tag && doc.String(tag, "name", "#/tags/" + i) is { } name)
            {
                result[name] = doc.String(tag, "description", "#/tags/" + i);
            }
        }

        return result;
    }

    private static string? FirstServerUrl(SpecDocument doc, YamlMappingNode root)
    {
        var servers = doc.Sequence(root, "servers", "#");
        if (servers is null || servers.Children.Count == 0 || servers.Children[0] is not YamlMappingNode first)
        {
            return null;
        }

        var url = doc.String(first, "url", "#/servers/0");
        return url is not null && url.IndexOf('{') < 0 ? url.TrimEnd('/') : null;
    }

    private static EquatableArray<DiagnosticInfo> Distinct(List<DiagnosticInfo> diagnostics)
        => diagnostics.Distinct().ToEquatableArray();
}
