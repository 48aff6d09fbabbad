using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CpaasGen.PublicApi.Tests;

/// <summary>
/// Calls users write, compiled against the shipped SDK assembly with Roslyn: a call that stops compiling (an ambiguous
/// overload such as CS0121, a removed member) fails here with the compiler's diagnostic, not in a user's build.
/// </summary>
public class UsageCompilationTests
{
    [Theory]
    [InlineData("GetThreadsWithNull", "await client.Conversation.GetThreadsAsync(null);")]
    [InlineData("GetThreadsWithNullAndToken", "await client.Conversation.GetThreadsAsync(null, default);")]
    [InlineData("GetThreadsWithoutArguments", "await client.Conversation.GetThreadsAsync();")]
    [InlineData("GetAllThreadsWithNull", "await foreach (var t in client.Conversation.GetAllThreadsAsync(null)) { }")]
    [InlineData("GetMessagesWithNull", "await client.Conversation.GetMessagesAsync(\"+16131234567\", \"+16137654321\", null);")]
    [InlineData("SendOneLine", "var sent = await client.Conversation.SendAsync(\"default\", \"+16131234567\", \"hi\");")]
    public void CompilesWithoutErrors(string name, string statement)
    {
        var source = "using System; using System.Threading.Tasks; using Cpaas;\n"
            + "public static class Usage { public static async Task Run(CpaasClient client) {\n" + statement + "\n} }";
        var errors = Compile(name, source);
        Assert.True(errors.Length == 0, name + " does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    private static Diagnostic[] Compile(string name, string source)
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted.Select(p => MetadataReference.CreateFromFile(p)).ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(Cpaas.CpaasClient).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
    }
}
