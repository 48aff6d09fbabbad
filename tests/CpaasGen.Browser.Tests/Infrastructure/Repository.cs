using System;
using System.IO;

namespace Cpaas.Browser.Tests;

/// <summary>Where the test run saves what a person would look at (screenshots): artifacts/screenshots in the repository.</summary>
internal static class Repository
{
    public static string Screenshots
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CpaasGen.sln")))
                {
                    return Directory.CreateDirectory(Path.Combine(dir.FullName, "artifacts", "screenshots")).FullName;
                }
            }

            return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        }
    }
}
