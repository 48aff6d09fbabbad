using System.Reflection;

namespace Cpaas;

/// <summary>The SDK's name and version, as sent in <c>X-Cpaas-Agent</c>.</summary>
internal static class SdkInfo
{
    public const string Name = "CpaasGen.Sdk";

    public static readonly string Version = ReadVersion();

    /// <summary><c>CpaasGen.Sdk/0.1.0</c>.</summary>
    public static readonly string Agent = Name + "/" + Version;

    private static string ReadVersion()
    {
        var informational = typeof(SdkInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(SdkInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational!.IndexOf('+');
        return plus > 0 ? informational[..plus] : informational;
    }
}
