using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// Two-factor authentication codes through Kandy CPaaS, like the <c>twofactor</c> module of every official Kandy SDK:
/// Kandy generates a one-time code and sends it by SMS or e-mail (<see cref="SendCodeAsync"/>), your user types it, and
/// <see cref="VerifyCodeAsync"/> says whether it is that code. <see cref="ResendCodeAsync"/> sends a new code through
/// the same resource (the previous one stops working) and <see cref="DeleteCodeAsync"/> removes it.
/// </summary>
/// <remarks>
/// Every method validates its input before any network call (an <see cref="ArgumentException"/> naming the field) and
/// throws <see cref="CpaasApiException"/> for API errors — except the "not verified" answer of a verification, which is a
/// normal <see cref="VerifyCodeResult"/>. Sending, resending and verifying are never repeated by the SDK once they may
/// have reached Kandy (a repeat could send a second message, or spend a verification); their exceptions say whether they
/// may have taken effect (<see cref="CpaasApiException.MayHaveBeenProcessed"/>). Codes and messages never appear in
/// logs, traces, exception messages or <c>ToString()</c>, whatever the server echoes; destinations are masked.
/// </remarks>
public partial class TwoFactor
{
    /// <summary>Kandy's explanation of a 403 on a verification, when its answer carries none (the official .NET SDK's words).</summary>
    public const string NotVerifiedReason = "Code invalid or expired";

    private readonly ClientCore _core = null!;

    internal TwoFactor(ClientCore core) => _core = core;

    /// <summary>For mocking frameworks only.</summary>
    protected TwoFactor()
    {
    }

    /// <summary>Has Kandy generate a code and send it, in <see cref="SendCodeRequest.Message"/>, by SMS or e-mail.</summary>
    /// <param name="request">Where, how and in what format.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code resource, with the id to verify, resend or delete it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A setting is invalid, named in the message: the destination is not a phone number (SMS) or not an e-mail address
    /// (e-mail), the message lacks <c>{code}</c>, the length is not 4 to 10, the expiry not 30 to 3600 whole seconds, an
    /// e-mail has no subject (or an SMS has one).
    /// </exception>
    /// <exception cref="CpaasApiException">
    /// Kandy refused the request, or its answer was lost. <see cref="CpaasApiException.MayHaveBeenProcessed"/> says whether
    /// the message may have gone out anyway (sending again would then send a second code). Never repeated by the SDK once
    /// it may have reached Kandy.
    /// </exception>
    public virtual async Task<SendCodeResult> SendCodeAsync(SendCodeRequest request, CancellationToken cancellationToken = default)
    {
        var body = ToWire(request);
        TwoFactorCodeResponseBody response;
        try
        {
            // A POST: the pipeline never repeats it once it may have reached Kandy.
            response = await _core.Api.TwoFactor.SendCodeAsync(CurrentUser.PathValue, body, cancellationToken).ConfigureAwait(false);
        }
        catch (CpaasApiException ex)
        {
            throw WithoutContent(ex, request);
        }

        return Sent(response, request, resent: false);
    }

    /// <summary>
    /// Sends a new code through the same code resource: the code sent before stops working, and a new message with a new
    /// code goes out. Takes the same settings as <see cref="SendCodeAsync"/>.
    /// </summary>
    /// <param name="codeId">The code id (<see cref="SendCodeResult.CodeId"/>).</param>
    /// <param name="request">Where, how and in what format.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code resource (the same id).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codeId"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="codeId"/> is empty, or a setting is invalid (see <see cref="SendCodeAsync"/>).</exception>
    /// <exception cref="CpaasApiException">
    /// Kandy refused the request (404: no such code resource), or its answer was lost; see
    /// <see cref="CpaasApiException.MayHaveBeenProcessed"/>. Never repeated by the SDK once it may have reached Kandy,
    /// although it is a PUT: a repeat would send another message.
    /// </exception>
    public virtual async Task<SendCodeResult> ResendCodeAsync(string codeId, SendCodeRequest request, CancellationToken cancellationToken = default)
    {
        var id = RequireCodeId(codeId);
        var body = ToWire(request);
        TwoFactorCodeResponseBody response;
        try
        {
            response = await _core.NonIdempotentApi.TwoFactor.ResendCodeAsync(CurrentUser.PathValue, id, body, cancellationToken).ConfigureAwait(false);
        }
        catch (CpaasApiException ex)
        {
            throw WithHintFor404(WithoutContent(ex, request), id);
        }

        return Sent(response, request, resent: true);
    }

    /// <summary>
    /// Checks whether <paramref name="code"/> (what your user typed) is the code Kandy sent through the resource. A
    /// verified code is used up: verifying it again answers "not verified".
    /// </summary>
    /// <param name="codeId">The code id (<see cref="SendCodeResult.CodeId"/>).</param>
    /// <param name="code">The code as typed (surrounding whitespace is ignored).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// Verified (Kandy answered 204), or not verified (Kandy answered 403: wrong, expired, already used or invalidated)
    /// with Kandy's reason. Not verified is not an exception.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="codeId"/> or <paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="codeId"/> or <paramref name="code"/> is empty or whitespace.</exception>
    /// <exception cref="CpaasApiException">
    /// Any other answer: 401 (authentication), 404 (no such code resource: deleted, or never sent), 5xx, or no answer.
    /// Never repeated by the SDK once it may have reached Kandy, although it is a PUT: a repeat could report a code
    /// verified by the lost first attempt as "not verified", and counts as another attempt. The exception never contains
    /// the code, whatever the server echoed.
    /// </exception>
    public virtual async Task<VerifyCodeResult> VerifyCodeAsync(string codeId, string code, CancellationToken cancellationToken = default)
    {
        var id = RequireCodeId(codeId);
        ArgumentNullException.ThrowIfNull(code);
        var typed = code.Trim();
        if (typed.Length == 0)
        {
            throw new ArgumentException("code must not be empty or whitespace: there is nothing to verify.", nameof(code));
        }

        var body = new TwoFactorCodeVerificationBody { Code = new TwoFactorCodeVerification { Verify = typed } };
        VerifyCodeResult result;
        try
        {
            await _core.NonIdempotentApi.TwoFactor.VerifyCodeAsync(CurrentUser.PathValue, id, body, cancellationToken).ConfigureAwait(false);
            result = new VerifyCodeResult(id, verified: true);
        }
        catch (CpaasApiException ex)
        {
            // Whatever the server echoed, the typed code leaves no trace in the result or the exception.
            var error = ex.Redacted(text => _core.Redactor.Redact(text, typed));
            if (error.StatusCode != 403 || error is CpaasAuthenticationException)
            {
                throw WithHintFor404(error, id);
            }

            result = new VerifyCodeResult(id, verified: false, string.IsNullOrWhiteSpace(error.Text) ? NotVerifiedReason : error.Text, error.ExceptionId);
        }

        CpaasTelemetry.TwoFactorVerifications.Add(1, new KeyValuePair<string, object?>("cpaas.verified", result.Verified));
        Log.CodeVerified(_core.Logger, id, result.Verified);
        return result;
    }

    /// <summary>Deletes a code resource: its code can no longer be verified (a message already on its way still arrives).</summary>
    /// <param name="codeId">The code id (<see cref="SendCodeResult.CodeId"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once Kandy has deleted it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="codeId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="codeId"/> is empty or whitespace.</exception>
    /// <exception cref="CpaasApiException">Kandy refused it (404: no such code resource) or could not be reached.</exception>
    public virtual async Task DeleteCodeAsync(string codeId, CancellationToken cancellationToken = default)
    {
        var id = RequireCodeId(codeId);
        try
        {
            await _core.Api.TwoFactor.DeleteCodeAsync(CurrentUser.PathValue, id, cancellationToken).ConfigureAwait(false);
        }
        catch (CpaasApiException ex)
        {
            throw WithHintFor404(ex, id);
        }

        Log.CodeDeleted(_core.Logger, id);
    }

    private SendCodeResult Sent(TwoFactorCodeResponseBody response, SendCodeRequest request, bool resent)
    {
        var resourceUrl = response.Code.ResourceUrl;
        var codeId = ResourceUrls.LastSegment(resourceUrl)
            ?? throw new CpaasApiException(0, CpaasErrorKind.Unknown, null, "Kandy accepted the code but its answer has no code id (an empty resourceURL).") { MayHaveBeenProcessed = true };
        CpaasTelemetry.TwoFactorCodesSent.Add(1, new KeyValuePair<string, object?>("cpaas.method", WireMethod(request.Method)));
        if (_core.Logger.IsEnabled(LogLevel.Information))
        {
            Log.CodeSent(_core.Logger, codeId, resent ? "resent" : "sent", WireMethod(request.Method), MaskDestination(request.Method, request.DestinationAddress));
        }

        return new SendCodeResult(response.Code, codeId);
    }

    /// <summary>
    /// The failure of a send or resend without the message (as written, or as Kandy rendered it with a code in it) and the
    /// subject, and with an e-mail destination masked, whatever the server echoed.
    /// </summary>
    private CpaasApiException WithoutContent(CpaasApiException error, SendCodeRequest request)
        => error.Redacted(text =>
        {
            var redacted = _core.Redactor.Redact(_core.Redactor.RedactTemplate(text, request.Message, SendCodeRequest.CodePlaceholder), request.Subject);
            return request.Method == TwoFactorMethod.Email && redacted is not null && request.DestinationAddress.Trim() is { Length: > 0 } email
                ? redacted.Replace(email, EmailAddress.Mask(email), StringComparison.OrdinalIgnoreCase)
                : redacted;
        });

    private static CpaasApiException WithHintFor404(CpaasApiException error, string codeId)
        => error.StatusCode == 404 && error is not CpaasAuthenticationException
            ? error.WithHint("There is no code resource " + codeId + " (deleted, or never sent): the id is the last segment of the resourceURL that SendCodeAsync returned.")
            : error;

    private static string RequireCodeId(string codeId)
    {
        ArgumentNullException.ThrowIfNull(codeId);
        if (string.IsNullOrWhiteSpace(codeId))
        {
            throw new ArgumentException("codeId must not be empty: it is SendCodeResult.CodeId, the last segment of the code's resourceURL.", nameof(codeId));
        }

        return codeId.Trim();
    }
}
