using System;
using System.IO;
using CpaasGen.Generator.Emitting;
using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;
using CpaasGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CpaasGen.Generator;

/// <summary>
/// OpenAPI document (an AdditionalFiles item) → DTOs and clients on Microsoft.Kiota.Abstractions.
/// The pipeline: spec text → <see cref="ParseResult"/> (equatable) → one output per model, enum and client, so
/// an edit to one schema re-emits only that schema's file. Diagnostics have their own output.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CpaasGenGenerator : IIncrementalGenerator
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Overlay side files (*.cpaasgen.yaml|yml|json) as plain data; a spec names its overlay with CpaasGenOverlay.
        var overlays = context.AdditionalTextsProvider
            .Where(static file => IsOverlay(file.Path))
            .Select(static (file, cancellationToken) => new OverlayFile(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray());

        var inputs = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ToInput(pair.Left, pair.Right, cancellationToken))
            .Where(static input => input is not null)
            .Combine(overlays)
            .Select(static (pair, _) => WithOverlay(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.SpecInputs);

        var parsed = inputs
            .Select(static (input, cancellationToken) => SpecParser.Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.ParseSpec);

        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var specs = parsed.Where(static r => r.Spec is not null).Select(static (r, _) => r.Spec!);

        var models = specs.SelectMany(static (spec, _) => spec.Models).WithTrackingName(TrackingNames.Models);
        context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(ModelEmitter.HintName(model), Text(ModelEmitter.Emit(model))));

        var enums = specs.SelectMany(static (spec, _) => spec.Enums).WithTrackingName(TrackingNames.Enums);
        context.RegisterSourceOutput(enums, static (spc, spec) => spc.AddSource(EnumEmitter.HintName(spec), Text(EnumEmitter.Emit(spec))));

        var clients = specs.SelectMany(static (spec, _) => spec.Clients).WithTrackingName(TrackingNames.Clients);
        context.RegisterSourceOutput(clients, static (spc, spec) => spc.AddSource(ClientEmitter.HintName(spec), Text(ClientEmitter.Emit(spec))));

        // Which Kiota packages the project references, as five flags (never the compilation itself in the pipeline).
        var packages = context.CompilationProvider.Select(static (compilation, _) => new KiotaPackages(
            compilation.GetTypeByMetadataName("Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter") is not null,
            compilation.GetTypeByMetadataName("Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory") is not null,
            compilation.GetTypeByMetadataName("Microsoft.Kiota.Serialization.Text.TextParseNodeFactory") is not null,
            compilation.GetTypeByMetadataName("Microsoft.Kiota.Serialization.Form.FormParseNodeFactory") is not null,
            compilation.GetTypeByMetadataName("Microsoft.Kiota.Serialization.Multipart.MultipartSerializationWriterFactory") is not null));
        var root = specs.Select(static (spec, _) => spec.Root).WithTrackingName(TrackingNames.RootClient).Combine(packages).Select(static (pair, _) => pair.Left with { Factories = pair.Right });
        context.RegisterSourceOutput(root, static (spc, spec) => spc.AddSource(RootClientEmitter.HintName(spec), Text(RootClientEmitter.Emit(spec))));

        var support = specs.Select(static (spec, _) => spec.Support).WithTrackingName(TrackingNames.Support);
        context.RegisterSourceOutput(support, static (spc, spec) => spc.AddSource(SupportEmitter.HintName(spec), Text(SupportEmitter.Emit(spec))));
        context.RegisterSourceOutput(support, static (spc, spec) =>
        {
            if (spec.UsesValues)
            {
                spc.AddSource(ValuesEmitter.HintName(spec), Text(ValuesEmitter.Emit(spec)));
            }

            if (spec.UsesDiscriminators)
            {
                spc.AddSource(DiscriminatorEmitter.HintName(spec), Text(DiscriminatorEmitter.Emit(spec)));
            }
        });
    }

    /// <summary>
    /// An additional file is a spec when its metadata says <c>CpaasGenSpec="true"</c>, or when its name is
    /// <c>openapi.yaml|yml|json</c> or ends with <c>.openapi.yaml|yml|json</c>.
    /// </summary>
    private static SpecInput? ToInput(AdditionalText file, AnalyzerConfigOptionsProvider optionsProvider, System.Threading.CancellationToken cancellationToken)
    {
        var options = optionsProvider.GetOptions(file);
        var flagged = Metadata(options, "CpaasGenSpec");
        var name = Path.GetFileName(file.Path).ToLowerInvariant();
        var byName = name is "openapi.yaml" or "openapi.yml" or "openapi.json"
            || name.EndsWith(".openapi.yaml", StringComparison.Ordinal) || name.EndsWith(".openapi.yml", StringComparison.Ordinal) || name.EndsWith(".openapi.json", StringComparison.Ordinal);
        if (string.Equals(flagged, "false", StringComparison.OrdinalIgnoreCase) || (!byName && !string.Equals(flagged, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecInput(
            file.Path,
            text,
            Metadata(options, "CpaasGenNamespace"),
            Metadata(options, "CpaasGenClientName"),
            Metadata(options, "CpaasGenAccessibility"),
            Metadata(options, "CpaasGenMode"),
            Metadata(options, "CpaasGenInclude"),
            Metadata(options, "CpaasGenExclude"),
            Metadata(options, "CpaasGenOverlay"));
    }

    private static bool IsOverlay(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.EndsWith(".cpaasgen.yaml", StringComparison.Ordinal) || name.EndsWith(".cpaasgen.yml", StringComparison.Ordinal) || name.EndsWith(".cpaasgen.json", StringComparison.Ordinal);
    }

    /// <summary>Attaches the overlay the spec names (by file name); a named overlay that is not an AdditionalFiles item is reported when parsing.</summary>
    private static SpecInput WithOverlay(SpecInput input, Infrastructure.EquatableArray<OverlayFile> overlays)
    {
        if (input.OverlayName is null)
        {
            return input;
        }

        var wanted = Path.GetFileName(input.OverlayName.Replace('\\', '/'));
        foreach (var overlay in overlays)
        {
            if (string.Equals(Path.GetFileName(overlay.Path.Replace('\\', '/')), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return input with { OverlayPath = overlay.Path, OverlayText = overlay.Text };
            }
        }

        return input;
    }

    private static string? Metadata(AnalyzerConfigOptions options, string name)
        => options.TryGetValue(MetadataPrefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static SourceText Text(string source) => SourceText.From(source, System.Text.Encoding.UTF8);
}
