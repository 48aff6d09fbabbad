using System.Collections.Generic;

namespace Cpaas.Contract.Tests.Backends;

/// <summary>The account both backends are configured with, so that one test body holds for both.</summary>
public static class ContractAccount
{
    /// <summary>The project numbers; the first is the default SMS number, the third is the one the unassign test removes.</summary>
    public static readonly IReadOnlyList<string> Numbers = ["+16135550100", "+16135550101", "+16135550102"];

    /// <summary>A number no backend assigns to the project.</summary>
    public const string Unowned = "+16130000000";

    /// <summary>Sends to this destination report DeliveryImpossible (the emulator's default; the mock is told so).</summary>
    public const string Undeliverable = "+16135550199";

    /// <summary>A remote party (not a project number, so the emulator does not loop a send back as inbound).</summary>
    public const string Remote = "+16131234567";
}
