namespace Cpaas;

/// <summary>Temporary.</summary>
public static class Placeholder
{
    /// <summary>Proves the generated client is usable from hand-written code.</summary>
    /// <returns>The default base URL.</returns>
    public static string Url() => Api.KandyApiClient.DefaultBaseUrl;
}
