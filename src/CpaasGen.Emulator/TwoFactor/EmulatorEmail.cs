using System;

namespace Cpaas.Emulator;

/// <summary>
/// An e-mail the emulator "sent" (a two-factor code with method <c>email</c>), as <see cref="CpaasEmulator.SentEmails"/>
/// and <c>GET /emulator/emails</c> show it. Nothing leaves the machine.
/// </summary>
public sealed record EmulatorEmail
{
    internal EmulatorEmail(string emailId, string to, string subject, string body, string codeId, DateTimeOffset timestamp)
    {
        EmailId = emailId;
        To = to;
        Subject = subject;
        Body = body;
        CodeId = codeId;
        Timestamp = timestamp;
    }

    /// <summary>The e-mail's id.</summary>
    public string EmailId { get; init; }

    /// <summary>The address.</summary>
    public string To { get; init; }

    /// <summary>The subject line.</summary>
    public string Subject { get; init; }

    /// <summary>The message, with the code in place of <c>{code}</c>.</summary>
    public string Body { get; init; }

    /// <summary>The code resource that sent it.</summary>
    public string CodeId { get; init; }

    /// <summary>When it was sent (the emulator's clock).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Never shows the body (it carries the code); the address is masked.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString() => "EmulatorEmail { EmailId = " + EmailId + ", To = " + EmailAddress.Mask(To) + ", CodeId = " + CodeId + " }";
}
