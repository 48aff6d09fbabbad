using System;
using System.Threading.Tasks;

namespace Cpaas.Cli;

/// <summary>The <c>cpaas</c> command-line tool.</summary>
public static class Program
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> Main(string[] args) => new CliApp(Console.Out, Console.Error).RunAsync(args);
}
