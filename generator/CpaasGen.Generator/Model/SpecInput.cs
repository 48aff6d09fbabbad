namespace CpaasGen.Generator.Model;

/// <summary>
/// One spec file as the pipeline sees it: its path, its whole text, the MSBuild metadata and its overlay side file.
/// Pure data, so the parse step re-runs only when the text, the options or the overlay change.
/// </summary>
/// <param name="Mode"><c>strict</c> (default: unsupported constructs are errors) or <c>lenient</c> (skip and warn).</param>
/// <param name="Include">CpaasGenInclude: ';'-separated operation selectors to keep (all when empty).</param>
/// <param name="Exclude">CpaasGenExclude: ';'-separated operation selectors to leave out.</param>
internal sealed record SpecInput(
    string FilePath,
    string Text,
    string? NamespaceOverride,
    string? ClientNameOverride,
    string? AccessibilityOverride,
    string? Mode = null,
    string? Include = null,
    string? Exclude = null,
    string? OverlayName = null,
    string? OverlayPath = null,
    string? OverlayText = null);

/// <summary>An overlay side file's path and text.</summary>
internal sealed record OverlayFile(string Path, string Text);
