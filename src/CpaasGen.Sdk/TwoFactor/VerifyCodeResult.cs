namespace Cpaas;

/// <summary>
/// Whether the code a user typed is the code Kandy sent. Not verified is a normal answer (Kandy's 403 "invalid or
/// expired": a wrong, expired, already used or invalidated code), not an exception. Kandy's answer is a status code
/// (204, or a 403 error body), so there is no wire model to expose. Build one for tests with <see cref="CpaasModelFactory.VerifyCodeResult"/>.
/// </summary>
public sealed class VerifyCodeResult
{
    internal VerifyCodeResult(string codeId, bool verified, string? reason = null, string? exceptionId = null)
    {
        CodeId = codeId;
        Verified = verified;
        Reason = reason;
        ExceptionId = exceptionId;
    }

    /// <summary>The code id that was checked.</summary>
    public string CodeId { get; }

    /// <summary>
    /// True: the code is the one Kandy sent, and it is now used up (verifying it again answers false). False: it is not
    /// (wrong, expired, already used, or invalidated by a resend or by too many wrong attempts).
    /// </summary>
    public bool Verified { get; }

    /// <summary>
    /// Why a code was not verified, as Kandy put it (its error text, <c>"Code invalid or expired"</c> when its answer had
    /// none); null when verified. Never contains the code that was typed, whatever the server echoed.
    /// </summary>
    public string? Reason { get; }

    /// <summary>Kandy's exception id of a "not verified" answer (for example <c>POL0001</c>), when it sent one.</summary>
    public string? ExceptionId { get; }

    /// <summary>Never shows the code that was typed.</summary>
    /// <returns>A safe description.</returns>
    public override string ToString()
        => "VerifyCodeResult { CodeId = " + CodeId + ", Verified = " + (Verified ? "true" : "false") + (Reason is null ? string.Empty : ", Reason = " + PhoneMasking.Mask(Reason)) + " }";
}
