namespace Cpaas.Emulator;

/// <summary>What happened to a two-factor code resource (<see cref="CpaasEmulator.TwoFactorCodeChanged"/>).</summary>
public enum TwoFactorCodeEventKind
{
    /// <summary>A code resource was created and its first code sent.</summary>
    Sent,

    /// <summary>A new code was sent through the resource; the previous one stopped working.</summary>
    Resent,

    /// <summary>The right code was verified (and is used up).</summary>
    Verified,

    /// <summary>A verification answered 403: a wrong, expired, used or invalidated code.</summary>
    VerificationFailed,

    /// <summary>A wrong code used the last attempt: the current code is invalidated.</summary>
    Locked,

    /// <summary>The resource was deleted.</summary>
    Deleted,
}
