namespace Cpaas.Emulator;

/// <summary>A change of a two-factor code resource: what happened, and the resource right after it.</summary>
public sealed record TwoFactorCodeEvent
{
    internal TwoFactorCodeEvent(TwoFactorCodeEventKind kind, TwoFactorCodeRecord record)
    {
        Kind = kind;
        Record = record;
    }

    /// <summary>What happened.</summary>
    public TwoFactorCodeEventKind Kind { get; init; }

    /// <summary>The resource right after it.</summary>
    public TwoFactorCodeRecord Record { get; init; }
}

