using System;

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

/// <summary>
/// A two-factor code resource of the emulator, as <see cref="CpaasEmulator.TwoFactorCodes"/> and <c>GET /emulator/codes</c>
/// show it: what was asked, the code it holds now and where it stands. The emulator's own view, for tests, the CLI and
/// a page: the code is here in clear (the emulator listens on loopback only); <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="CodeId">The code resource's id (the last segment of <paramref name="ResourceUrl"/>).</param>
/// <param name="ResourceUrl">The resource URL sendCode answered.</param>
/// <param name="Method"><c>sms</c> or <c>email</c>.</param>
/// <param name="DestinationAddress">The phone number or e-mail address the code was sent to.</param>
/// <param name="Code">The current code: upper-case letters and/or digits, <c>Length</c> characters.</param>
/// <param name="Length">The code's length (4 to 10).</param>
/// <param name="Type"><c>numeric</c>, <c>alphanumeric</c> or <c>alphabetic</c>.</param>
/// <param name="IssuedAt">When the current code was sent (the emulator's clock).</param>
/// <param name="ExpiresAt">When the current code stops being valid.</param>
/// <param name="Status">Where it stands (an active code past <paramref name="ExpiresAt"/> shows as expired).</param>
/// <param name="WrongAttempts">Wrong codes tried against the current code.</param>
/// <param name="MaxAttempts">Wrong codes allowed before the current code is invalidated.</param>
/// <param name="Sends">How many messages the resource sent (1 + resends).</param>
/// <param name="MessageId">For <c>sms</c>: the id of the SMS that carried the current code, in the message history; null for <c>email</c>.</param>
/// <param name="EmailId">For <c>email</c>: the id of the e-mail that carried the current code (<see cref="CpaasEmulator.SentEmails"/>); null for <c>sms</c>.</param>
public sealed record TwoFactorCodeRecord(
    string CodeId,
    string ResourceUrl,
    string Method,
    string DestinationAddress,
    string Code,
    int Length,
    string Type,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    TwoFactorCodeStatus Status,
    int WrongAttempts,
    int MaxAttempts,
    int Sends,
    string? MessageId,
    string? EmailId)
{
    /// <summary>Never shows the code; the destination is masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "TwoFactorCodeRecord { CodeId = " + CodeId + ", Method = " + Method + ", DestinationAddress = "
           + (Method == "email" ? EmailAddress.Mask(DestinationAddress) : PhoneMasking.Mask(DestinationAddress)) + ", Status = " + Status
           + ", WrongAttempts = " + WrongAttempts + "/" + MaxAttempts + ", Sends = " + Sends + " }";
}

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

/// <summary>A change of a two-factor code resource: what happened, and the resource right after it.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Record">The resource right after it.</param>
public sealed record TwoFactorCodeEvent(TwoFactorCodeEventKind Kind, TwoFactorCodeRecord Record);

/// <summary>
/// An e-mail the emulator "sent" (a two-factor code with method <c>email</c>), as <see cref="CpaasEmulator.SentEmails"/>
/// and <c>GET /emulator/emails</c> show it. Nothing leaves the machine.
/// </summary>
/// <param name="EmailId">The e-mail's id.</param>
/// <param name="To">The address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Body">The message, with the code in place of <c>{code}</c>.</param>
/// <param name="CodeId">The code resource that sent it.</param>
/// <param name="Timestamp">When it was sent (the emulator's clock).</param>
public sealed record EmulatorEmail(string EmailId, string To, string Subject, string Body, string CodeId, DateTimeOffset Timestamp)
{
    /// <summary>Never shows the body (it carries the code); the address is masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "EmulatorEmail { EmailId = " + EmailId + ", To = " + EmailAddress.Mask(To) + ", CodeId = " + CodeId + " }";
}
