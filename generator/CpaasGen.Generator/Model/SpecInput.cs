namespace CpaasGen.Generator.Model;

/// <summary>
/// One spec file as the pipeline sees it: its path, its whole text and the MSBuild metadata overrides.
/// Pure data, so the parse step re-runs only when the text or the options change.
/// </summary>
internal sealed record SpecInput(
    string FilePath,
    string Text,
    string? NamespaceOverride,
    string? ClientNameOverride,
    string? AccessibilityOverride);
