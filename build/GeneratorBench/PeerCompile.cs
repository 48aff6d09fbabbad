using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CpaasGen.Bench;

/// <summary>
/// Compiles each document's output of a peer generator on its own, in process (nullable on, their warnings not held to
/// our bar: only errors count), and counts the operations a user can call: for Kiota, the <c>…Async</c> methods of its
/// request builders; for NSwag, the methods of its <c>…Client</c> classes that take a <c>CancellationToken</c> (NSwag
/// emits each operation with and without one). Prints one TSV line per document: id, compiles (yes/no), operations, first error.
/// </summary>
internal static class PeerCompile
{
    public static int Run(string peer, string folder)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        Console.WriteLine("id\tcompiles\toperations\tfirst_error");
        foreach (var directory in Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
            if (files.Length == 0)
            {
                continue;
            }

            var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
            var compilation = CSharpCompilation.Create(Path.GetFileName(directory), trees, references, options);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var operations = peer == "kiota" ? KiotaOperations(compilation) : NSwagOperations(compilation);
            var first = errors.Count == 0 ? string.Empty : errors[0].ToString().Replace('\t', ' ').Replace('\n', ' ');
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(directory)}\t{(errors.Count == 0 ? "yes" : "no")}\t{operations}\t{first}"));
        }

        return 0;
    }

    private static int KiotaOperations(Compilation compilation)
    {
        var builder = compilation.GetTypeByMetadataName("Microsoft.Kiota.Abstractions.BaseRequestBuilder");
        return Types(compilation.Assembly.GlobalNamespace)
            .Where(t => builder is not null && Inherits(t, builder))
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .Count(m => m.DeclaredAccessibility == Accessibility.Public && m.MethodKind == MethodKind.Ordinary && m.Name.EndsWith("Async", StringComparison.Ordinal));
    }

    private static int NSwagOperations(Compilation compilation)
        => Types(compilation.Assembly.GlobalNamespace)
            .Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .Count(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal)
                && m.Parameters.Any(p => p.Type.Name == "CancellationToken"));

    private static bool Inherits(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            yield return type;
            foreach (var nested in type.GetTypeMembers())
            {
                yield return nested;
            }
        }

        foreach (var child in ns.GetNamespaceMembers())
        {
            foreach (var type in Types(child))
            {
                yield return type;
            }
        }
    }
}
