namespace Cpaas.Emulator;

/// <summary>Where a two-factor code resource stands.</summary>
public enum TwoFactorCodeStatus
{
    /// <summary>Its current code can be verified until it expires.</summary>
    Active,

    /// <summary>Its current code was verified, and is used up (a resend issues a new one).</summary>
    Verified,

    /// <summary>Its current code expired before it was verified (a resend issues a new one).</summary>
    Expired,

    /// <summary>Its current code was invalidated by too many wrong attempts (<see cref="CpaasEmulatorOptions.TwoFactorMaxAttempts"/>; a resend issues a new one).</summary>
    Locked,

    /// <summary>The resource was deleted (only seen in <see cref="TwoFactorCodeEvent"/> of kind <see cref="TwoFactorCodeEventKind.Deleted"/>).</summary>
    Deleted,
}
