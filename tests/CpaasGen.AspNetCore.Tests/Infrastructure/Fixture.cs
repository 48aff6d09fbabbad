using System;
using System.IO;

namespace Cpaas.AspNetCore.Tests;

/// <summary>The SDK tests' fixtures (linked into Fixtures/).</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
