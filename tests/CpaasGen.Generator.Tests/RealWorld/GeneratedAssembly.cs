using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpaasGen.Generator.Tests.RealWorld;

/// <summary>Emits a generator run's compilation and loads it, so tests can call the generated code for real.</summary>
internal static class GeneratedAssembly
{
    public static Assembly Load(GeneratorResult result)
    {
        using var stream = new MemoryStream();
        var emit = result.Output.Emit(stream);
        Assert.True(emit.Success, "Emit failed:\n" + GeneratorHarness.Describe(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        // A collectible context of its own; Kiota and the BCL resolve from the test's default context (same types).
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static Type Type(this Assembly assembly, string fullName)
        => assembly.GetType(fullName) ?? throw new InvalidOperationException("No generated type " + fullName + "; types: " + string.Join(", ", assembly.GetTypes().Select(t => t.FullName)));
}
