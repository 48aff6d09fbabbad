using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using CpaasGen.Tests.Shared;
using PublicApiGenerator;
using Xunit;
using Xunit.Sdk;

namespace CpaasGen.PublicApi.Tests;

/// <summary>
/// The public API of every shipped assembly, approved in <c>api/&lt;Assembly&gt;.approved.cs</c>. Any public API change
/// fails here with a diff and writes <c>api/&lt;Assembly&gt;.received.cs</c>; review it and copy it over the approved
/// file (or run once with <c>CPGEN_ACCEPT=1</c>, never honoured when <c>CI=true</c>) in the same commit as the change.
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Assemblies => new()
    {
        "CpaasGen.Sdk",
        "CpaasGen.DependencyInjection",
        "CpaasGen.AspNetCore",
        "CpaasGen.AspNetCore.Redis",
        "CpaasGen.Testing",
        "CpaasGen.Emulator",
    };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicApiMatchesTheApprovedFile(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
            // Our DI and endpoint extensions live in Microsoft.* namespaces (the convention), which the generator skips by default.
            DenyNamespacePrefixes = [],
        }).Replace("\r\n", "\n");

        var directory = Path.Combine(ProjectDirectory(), "api");
        Directory.CreateDirectory(directory);
        var approvedPath = Path.Combine(directory, assemblyName + ".approved.cs");
        var receivedPath = Path.Combine(directory, assemblyName + ".received.cs");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : null;
        if (approved == api)
        {
            File.Delete(receivedPath);
            return;
        }

        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && Environment.GetEnvironmentVariable("CPGEN_ACCEPT") == "1")
        {
            File.WriteAllText(approvedPath, api, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, api, new UTF8Encoding(false));
        throw new XunitException(
            approved is null
                ? $"{assemblyName}: no approved public API file. Review {receivedPath} and rename it to {Path.GetFileName(approvedPath)}."
                : $"{assemblyName}: the public API changed. If intended, copy {Path.GetFileName(receivedPath)} over {Path.GetFileName(approvedPath)} (in {directory}).\n"
                  + LineDiff.Unified(approved, api, assemblyName + ".approved.cs", assemblyName + ".received.cs"));
    }

    private static string ProjectDirectory([CallerFilePath] string path = "")
    {
        var fromSource = Path.GetDirectoryName(path);
        if (fromSource is not null && File.Exists(Path.Combine(fromSource, "CpaasGen.PublicApi.Tests.csproj")))
        {
            return fromSource;
        }

        // Deterministic CI builds map source paths to /_/…: search upward from the output folder instead.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "CpaasGen.PublicApi.Tests");
            if (File.Exists(Path.Combine(candidate, "CpaasGen.PublicApi.Tests.csproj")))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(dir.FullName, "CpaasGen.PublicApi.Tests.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the CpaasGen.PublicApi.Tests project folder.");
    }
}
