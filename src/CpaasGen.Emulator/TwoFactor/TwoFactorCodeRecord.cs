using System;

namespace Cpaas.Emulator;

/// <summary>
/// A two-factor code resource of the emulator, as <see cref="CpaasEmulator.TwoFactorCodes"/> and <c>GET /emulator/codes</c>
/// show it: what was asked, the code it holds now and where it stands. The emulator's own view, for tests, the CLI and
/// a page: the code is here in clear (the emulator listens on loopback only); <see cref="ToString"/> never shows it.
/// </summary>
public sealed record TwoFactorCodeRecord
{
    internal TwoFactorCodeRecord(string codeId, string resourceUrl, string method, string destinationAddress, string code, int length, string @type, DateTimeOffset issuedAt, DateTimeOffset expiresAt, TwoFactorCodeStatus status, int wrongAttempts, int maxAttempts, int sends, string? messageId, string? emailId)
    {
        CodeId = codeId;
        ResourceUrl = resourceUrl;
        Method = method;
        DestinationAddress = destinationAddress;
        Code = code;
        Length = length;
        Type = @type;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
        Status = status;
        WrongAttempts = wrongAttempts;
        MaxAttempts = maxAttempts;
        Sends = sends;
        MessageId = messageId;
        EmailId = emailId;
    }

    /// <summary>The code resource's id (the last segment of <see cref="ResourceUrl"/>).</summary>
    public string CodeId { get; init; }

    /// <summary>The resource URL sendCode answered.</summary>
    public string ResourceUrl { get; init; }

    /// <summary><c>sms</c> or <c>email</c>.</summary>
    public string Method { get; init; }

    /// <summary>The phone number or e-mail address the code was sent to.</summary>
    public string DestinationAddress { get; init; }

    /// <summary>The current code: upper-case letters and/or digits, <c>Length</c> characters.</summary>
    public string Code { get; init; }

    /// <summary>The code's length (4 to 10).</summary>
    public int Length { get; init; }

    /// <summary><c>numeric</c>, <c>alphanumeric</c> or <c>alphabetic</c>.</summary>
    public string Type { get; init; }

    /// <summary>When the current code was sent (the emulator's clock).</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the current code stops being valid.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Where it stands (an active code past <see cref="ExpiresAt"/> shows as expired).</summary>
    public TwoFactorCodeStatus Status { get; init; }

    /// <summary>Wrong codes tried against the current code.</summary>
    public int WrongAttempts { get; init; }

    /// <summary>Wrong codes allowed before the current code is invalidated.</summary>
    public int MaxAttempts { get; init; }

    /// <summary>How many messages the resource sent (1 + resends).</summary>
    public int Sends { get; init; }

    /// <summary>For <c>sms</c>: the id of the SMS that carried the current code, in the message history; null for <c>email</c>.</summary>
    public string? MessageId { get; init; }

    /// <summary>For <c>email</c>: the id of the e-mail that carried the current code (<see cref="CpaasEmulator.SentEmails"/>); null for <c>sms</c>.</summary>
    public string? EmailId { get; init; }

    /// <summary>Never shows the code; the destination is masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "TwoFactorCodeRecord { CodeId = " + CodeId + ", Method = " + Method + ", DestinationAddress = "
           + (Method == "email" ? EmailAddress.Mask(DestinationAddress) : PhoneMasking.Mask(DestinationAddress)) + ", Status = " + Status
           + ", WrongAttempts = " + WrongAttempts + "/" + MaxAttempts + ", Sends = " + Sends + " }";
}
