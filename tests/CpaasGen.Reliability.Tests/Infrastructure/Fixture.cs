using System;
using System.IO;

namespace Cpaas.Reliability.Tests;

/// <summary>The SDK tests' wire fixtures (linked from tests/CpaasGen.Sdk.Tests/Fixtures), verbatim.</summary>
internal static class Fixture
{
    public static readonly string[] Notifications =
    {
        "notification-inbound.json", "notification-outbound.json", "notification-cancellation.json", "notification-event.json",
    };

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
