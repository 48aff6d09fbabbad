namespace CpaasGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert how each step ran (Cached, Unchanged, Modified).</summary>
public static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string ParseSpec = nameof(ParseSpec);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Models = nameof(Models);
    public const string Enums = nameof(Enums);
    public const string Clients = nameof(Clients);
    public const string RootClient = nameof(RootClient);
    public const string Support = nameof(Support);
}
