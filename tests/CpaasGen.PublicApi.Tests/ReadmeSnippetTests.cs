using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CpaasGen.PublicApi.Tests;

/// <summary>
/// Every code block in README.md preceded by <c>&lt;!-- snippet: path#name --&gt;</c> must be exactly the compiled
/// code between <c>// begin-snippet: name</c> and <c>// end-snippet</c> in that file (or the whole file when no name
/// is given), so the README's examples are always code that builds (and, for the samples, runs in CI).
/// </summary>
public class ReadmeSnippetTests
{
    private static readonly Regex Marker = new(@"<!-- snippet: (?<path>[^#\s]+)(#(?<name>[\w-]+))? -->\s*\n```\w*\n(?<code>.*?)\n```", RegexOptions.Singleline);

    /// <summary>The documents whose code blocks are lifted from compiled code.</summary>
    private static readonly string[] Documents = ["README.md", "docs/migration-from-cpaas-sdk.md"];

    public static TheoryData<string, string, string> Snippets()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var document in Documents)
        {
            foreach (Match match in Marker.Matches(File.ReadAllText(Path.Combine(Root(), document))))
            {
                data.Add(document, match.Groups["path"].Value, match.Groups["name"].Value);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("README.md", 4)]
    [InlineData("docs/migration-from-cpaas-sdk.md", 8)]
    public void TheDocumentHasSnippets(string document, int atLeast)
        => Assert.True(Snippets().Count(row => (string)row[0] == document) >= atLeast, document + " lost its snippet markers");

    [Theory]
    [MemberData(nameof(Snippets))]
    public void TheDocumentShowsExactlyTheCompiledCode(string document, string path, string name)
    {
        var readme = File.ReadAllText(Path.Combine(Root(), document)).Replace("\r\n", "\n");
        var match = Marker.Matches(readme).Single(m => m.Groups["path"].Value == path && m.Groups["name"].Value == name);
        var source = File.ReadAllText(Path.Combine(Root(), path)).Replace("\r\n", "\n");
        var expected = name.Length == 0 ? source.TrimEnd('\n') : Region(source, name, path);
        Assert.Equal(Normalize(expected), Normalize(match.Groups["code"].Value));
    }

    private static string Region(string source, string name, string path)
    {
        var lines = source.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "// begin-snippet: " + name);
        var end = Array.FindIndex(lines, Math.Max(start, 0), l => l.Trim() == "// end-snippet");
        Assert.True(start >= 0 && end > start, $"{path} has no snippet '{name}'");
        return string.Join("\n", lines[(start + 1)..end]);
    }

    /// <summary>Drops the common indentation and trailing spaces.</summary>
    private static string Normalize(string code)
    {
        var lines = code.Split('\n').Select(l => l.TrimEnd()).ToList();
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l)).Trim('\n');
    }

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
