using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit;

namespace CpaasGen.PublicApi.Tests;

/// <summary>
/// Conventions of the packages' public surface and sources that the approved API files cannot show: only extension
/// classes in Microsoft.* namespaces, one public type per file, and XML docs that describe behaviour rather than the
/// project's history.
/// </summary>
public class ApiConventionTests
{
    /// <summary>The packages whose sources these conventions cover (the SDK's sources follow once its review lands).</summary>
    public static TheoryData<string> PackageSources => new()
    {
        "CpaasGen.Sdk",
        "CpaasGen.DependencyInjection",
        "CpaasGen.AspNetCore",
        "CpaasGen.AspNetCore.Redis",
        "CpaasGen.Testing",
        "CpaasGen.Emulator",
    };

    private static readonly Regex PublicTopLevelType = new(@"^public\s+(?:(?:sealed|static|abstract|readonly|partial)\s+)*(?:class|record|enum|interface|struct)\s+(\w+)", RegexOptions.Multiline);

    private static readonly Regex HistoryWording = new(@"\bissue\s+#?\d+|\bthe seed's\b|\bmirroring the seed\b|\breview found\b|\bincident\b", RegexOptions.IgnoreCase);

    [Theory]
    [MemberData(nameof(PublicApiTests.Assemblies), MemberType = typeof(PublicApiTests))]
    public void OnlyExtensionClassesLiveInMicrosoftNamespaces(string assemblyName)
    {
        var misplaced = Assembly.Load(assemblyName).GetExportedTypes()
            .Where(t => t.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true)
            .Where(t => !(t.IsAbstract && t.IsSealed && t.IsDefined(typeof(ExtensionAttribute), inherit: false)))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(misplaced.Count == 0, assemblyName + ": types that are not extension classes in Microsoft.* namespaces: " + string.Join(", ", misplaced));
    }

    [Theory]
    [MemberData(nameof(PackageSources))]
    public void EachSourceFileHoldsAtMostOnePublicType(string project)
    {
        var crowded = Sources(project)
            .Select(f => (File: f, Types: PublicTopLevelType.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value).ToList()))
            .Where(f => f.Types.Count > 1)
            .Select(f => Relative(f.File) + " (" + string.Join(", ", f.Types) + ")")
            .ToList();

        Assert.True(crowded.Count == 0, "files with several public types: " + string.Join("; ", crowded));
    }

    [Theory]
    [MemberData(nameof(PackageSources))]
    public void DocsAndCommentsDescribeBehaviourNotProjectHistory(string project)
    {
        var directory = Path.Combine(Root(), "src", project);
        var files = Sources(project).Concat(Directory.EnumerateFiles(directory, "*.md", SearchOption.TopDirectoryOnly));
        var found = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (HistoryWording.Match(lines[i]) is { Success: true } match)
                {
                    found.Add(Relative(file) + ":" + (i + 1) + " \"" + match.Value + "\"");
                }
            }
        }

        Assert.True(found.Count == 0, "project-history wording (put it in commits and tests): " + string.Join("; ", found));
    }

    private static IEnumerable<string> Sources(string project)
    {
        var directory = Path.Combine(Root(), "src", project);
        Assert.True(Directory.Exists(directory), directory + " does not exist");
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                        && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    private static string Relative(string path) => Path.GetRelativePath(Root(), path);

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CpaasGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (CpaasGen.sln).");
    }
}
