using CpaasGen.Tests.Shared;
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace CpaasGen.Generator.Tests;

/// <summary>
/// Plain-file approval testing (the Verify packages are not on our feed).
/// <para/>
/// Every generated file of a spec is compared with <c>Snapshots/&lt;spec&gt;/&lt;hintName&gt;.approved.cs</c> in this
/// project's source folder. On a mismatch, or when the approved file is missing, the generated text is written
/// next to it as <c>&lt;hintName&gt;.received.cs</c> (gitignored) and the test fails with a unified diff.
/// <para/>
/// To accept a change, review the diff and copy each <c>*.received.cs</c> over its <c>*.approved.cs</c>
/// (e.g. <c>for f in Snapshots/*/*.received.cs; do mv "$f" "${f%.received.cs}.approved.cs"; done</c>), or run the
/// tests once with <c>CPGEN_ACCEPT=1</c>, which writes the approved files and deletes stale ones. Acceptance never
/// happens when <c>CI=true</c>: there, a missing, different or stale approved file always fails.
/// <para/>
/// The only scrubbing is the generator version in <c>[GeneratedCode("CpaasGen.Generator", "x.y.z")]</c>, so a
/// version bump does not churn every snapshot.
/// </summary>
internal static class Approvals
{
    public const string ApprovedSuffix = ".approved.cs";
    public const string ReceivedSuffix = ".received.cs";
    public const string VersionPlaceholder = "{scrubbed-version}";

    private static readonly Regex GeneratedCodeVersion = new(
        @"(\[global::System\.CodeDom\.Compiler\.GeneratedCode\(""CpaasGen\.Generator"", "")[^""]*(""\)\])",
        RegexOptions.CultureInvariant);

    private static readonly Lazy<string> ProjectDirectoryLazy = new(() => FindProjectDirectory());

    /// <summary>The test project's source folder (where Snapshots/ lives), not the build output folder.</summary>
    public static string ProjectDirectory => ProjectDirectoryLazy.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool AcceptRequested => Environment.GetEnvironmentVariable("CPGEN_ACCEPT") == "1";

    public static string Scrub(string generated) => GeneratedCodeVersion.Replace(generated, "${1}" + VersionPlaceholder + "${2}");

    public static string SnapshotDirectory(string spec) => Path.Combine(ProjectDirectory, "Snapshots", spec);

    /// <summary>Compares every generated source with its approved file, checks for stale approved files, and fails with one readable report.</summary>
    public static void VerifySources(string spec, IEnumerable<GeneratedSourceResult> sources)
        => Verify(spec, sources.Select(s => (s.HintName, s.SourceText.ToString())));

    public static void Verify(string spec, IEnumerable<(string HintName, string Text)> sources)
    {
        var directory = SnapshotDirectory(spec);
        Directory.CreateDirectory(directory);
        var accept = AcceptRequested && !IsCi;
        var problems = new List<string>();
        var generatedNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (hintName, text) in sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            generatedNames.Add(hintName);
            var received = Scrub(text);
            var approvedPath = Path.Combine(directory, hintName + ApprovedSuffix);
            var receivedPath = Path.Combine(directory, hintName + ReceivedSuffix);
            var approved = File.Exists(approvedPath) ? NormalizeNewlines(File.ReadAllText(approvedPath)) : null;

            if (approved == received)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(approvedPath, received, Utf8NoBom);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, received, Utf8NoBom);
            problems.Add(approved is null
                ? $"{hintName}: no approved file (new output). Review {Relative(receivedPath)} and rename it to {hintName}{ApprovedSuffix}."
                : $"{hintName}: differs from the approved file.{Environment.NewLine}{LineDiff.Unified(approved, received, hintName + ApprovedSuffix, hintName + ReceivedSuffix)}");
        }

        foreach (var approvedPath in Directory.GetFiles(directory, "*" + ApprovedSuffix).OrderBy(p => p, StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(approvedPath);
            var hintName = fileName.Substring(0, fileName.Length - ApprovedSuffix.Length);
            if (generatedNames.Contains(hintName))
            {
                continue;
            }

            if (accept)
            {
                File.Delete(approvedPath);
                continue;
            }

            problems.Add($"{hintName}: stale approved file {Relative(approvedPath)}: the generator no longer emits this hint name. Delete it if that is intended.");
        }

        if (problems.Count > 0)
        {
            var howTo = IsCi
                ? "CI=true: snapshots are never accepted automatically here."
                : "To accept: copy each *.received.cs over its *.approved.cs (or rerun with CPGEN_ACCEPT=1), then review the git diff.";
            throw new XunitException(
                $"Snapshot mismatch for spec '{spec}' in {directory} ({problems.Count} file(s)). {howTo}{Environment.NewLine}{Environment.NewLine}"
                + string.Join(Environment.NewLine + Environment.NewLine, problems));
        }
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Approved files may be checked out with CRLF on Windows; generated code always uses LF.</summary>
    private static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n");

    private static string Relative(string path) => Path.GetRelativePath(ProjectDirectory, path);

    /// <summary>
    /// [CallerFilePath] gives this file's path at compile time. Under CI (ContinuousIntegrationBuild → PathMap) it is
    /// mapped to "/_/…" and does not exist, so fall back to walking up from the output folder to the .csproj.
    /// </summary>
    private static string FindProjectDirectory([CallerFilePath] string callerFilePath = "")
    {
        const string ProjectFile = "CpaasGen.Generator.Tests.csproj";
        var fromCaller = Path.GetDirectoryName(callerFilePath);
        if (!string.IsNullOrEmpty(fromCaller) && File.Exists(Path.Combine(fromCaller, ProjectFile)))
        {
            return fromCaller;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }

            var nested = Path.Combine(dir.FullName, "tests", "CpaasGen.Generator.Tests");
            if (File.Exists(Path.Combine(nested, ProjectFile)))
            {
                return nested;
            }
        }

        throw new InvalidOperationException($"Cannot find the test project's source folder ({ProjectFile}) from '{callerFilePath}' or '{AppContext.BaseDirectory}'.");
    }
}
