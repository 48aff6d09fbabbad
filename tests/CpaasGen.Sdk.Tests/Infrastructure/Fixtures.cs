using System;
using System.IO;

namespace Cpaas.Tests;

/// <summary>The wire reference's fixtures, verbatim, from Fixtures/.</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
