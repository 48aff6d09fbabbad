using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpaasGen.Generator.Tests;

/// <summary>Assertions on the generator's own diagnostics: ID, severity, JSON pointer, and position in the spec file.</summary>
internal static class DiagnosticAssert
{
    /// <summary>The text the parser's catch-all reports when a bug made it throw (it never reaches the compiler as CS8785).</summary>
    public const string InternalFailureMarker = "the generator failed unexpectedly";

    /// <summary>The generator did not throw, reported only CPGEN diagnostics, and none of them hides an internal failure.</summary>
    public static void GeneratorDidNotThrow(GeneratorResult result)
    {
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        var foreign = result.GeneratorDiagnostics.Where(d => !d.Id.StartsWith("CPGEN", StringComparison.Ordinal)).ToList();
        Assert.True(foreign.Count == 0, "Non-CPGEN diagnostics from the generator:\n" + GeneratorHarness.Describe(foreign));
        var internalFailures = result.GeneratorDiagnostics.Where(d => Message(d).Contains(InternalFailureMarker, StringComparison.Ordinal)).ToList();
        Assert.True(internalFailures.Count == 0, "The parser threw and its catch-all reported it:\n" + GeneratorHarness.Describe(internalFailures));
    }

    /// <summary>
    /// Asserts that <paramref name="diagnostic"/> has the ID, severity and JSON pointer (messages start with
    /// "pointer: "), and that its location is the given 0-based line and column of the spec file, where the spec
    /// text starts with <paramref name="textAtLocation"/>.
    /// </summary>
    public static void Matches(
        Diagnostic diagnostic,
        string spec,
        string id,
        DiagnosticSeverity severity,
        string pointer,
        int line,
        int column,
        string textAtLocation,
        string? messageContains = null)
    {
        var message = Message(diagnostic);
        var context = Environment.NewLine + "  " + diagnostic;
        Assert.True(id == diagnostic.Id, $"Expected {id}, got {diagnostic.Id}.{context}");
        Assert.True(severity == diagnostic.Severity, $"Expected {severity}, got {diagnostic.Severity}.{context}");
        Assert.True(message.StartsWith(pointer + ": ", StringComparison.Ordinal), $"Expected the message to start with the pointer '{pointer}: '.{context}");
        if (messageContains is not null)
        {
            Assert.True(message.Contains(messageContains, StringComparison.Ordinal), $"Expected the message to contain '{messageContains}'.{context}");
        }

        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.DefaultSpecPath, span.Path);
        Assert.True(
            span.StartLinePosition == new Microsoft.CodeAnalysis.Text.LinePosition(line, column),
            $"Expected line {line}, column {column} (0-based), got {span.StartLinePosition.Line}, {span.StartLinePosition.Character}.{context}");

        // The offset must agree with the line/column, and point at what the test says it points at.
        var lines = spec.Split('\n');
        var offset = lines.Take(line).Sum(l => l.Length + 1) + column;
        Assert.Equal(offset, diagnostic.Location.SourceSpan.Start);
        Assert.True(
            spec.AsSpan(offset).StartsWith(textAtLocation, StringComparison.Ordinal),
            $"Expected the spec text at the location to start with '{textAtLocation}', found '{spec.Substring(offset, Math.Min(20, spec.Length - offset))}'.{context}");
    }

    /// <summary>Runs <paramref name="spec"/>, checks the generator did not throw, and returns its only diagnostic.</summary>
    public static (GeneratorResult Result, Diagnostic Diagnostic) RunSingle(string spec)
    {
        var result = GeneratorHarness.Run(spec);
        GeneratorDidNotThrow(result);
        Assert.True(result.GeneratorDiagnostics.Length == 1, "Expected exactly one diagnostic:\n" + GeneratorHarness.Describe(result.GeneratorDiagnostics));
        return (result, result.GeneratorDiagnostics[0]);
    }

    /// <summary>Whatever was generated despite the diagnostics compiles without errors or warnings.</summary>
    public static void OutputCompiles(GeneratorResult result)
        => Assert.True(result.CompileDiagnostics.Count == 0, "Compiling the partial output:\n" + GeneratorHarness.Describe(result.CompileDiagnostics));

    public static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);
}
