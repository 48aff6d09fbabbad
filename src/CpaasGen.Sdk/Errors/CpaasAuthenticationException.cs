using System;

namespace Cpaas;

/// <summary>
/// Getting an access token failed: wrong credentials (an OAuth <c>error</c> such as <c>invalid_client</c>), or the token
/// endpoint could not be reached, redirected, failed or answered something that is not a token. The hint in the message
/// says which, and only the first points at the credentials.
/// </summary>
public sealed class CpaasAuthenticationException : CpaasApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status (0 when there was no response).</param>
    /// <param name="kind">The kind of error body.</param>
    /// <param name="exceptionId">The OAuth <c>error</c> code (or API exception id).</param>
    /// <param name="text">The error description.</param>
    /// <param name="responseSnippet">A short, masked snippet of a non-JSON body.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CpaasAuthenticationException(int statusCode, CpaasErrorKind kind, string? exceptionId, string? text, string? responseSnippet = null, Exception? innerException = null)
        : base(statusCode, kind, exceptionId, text, null, responseSnippet, HintFor(statusCode, kind), innerException)
    {
    }

    /// <summary>The authentication failure for an API failure of the token request (its status, body, timing and Retry-After).</summary>
    internal static CpaasAuthenticationException From(CpaasApiException error)
        => error as CpaasAuthenticationException
            ?? new CpaasAuthenticationException(error.StatusCode, error.Kind, error.ExceptionId, error.Text, error.ResponseSnippet, error)
            {
                MayHaveBeenProcessed = error.MayHaveBeenProcessed,
                RetryAfter = error.RetryAfter,
            };

    internal override CpaasApiException Redacted(Func<string?, string?> redact)
        => new CpaasAuthenticationException(StatusCode, Kind, redact(ExceptionId), redact(Text), redact(ResponseSnippet), InnerException)
        {
            MayHaveBeenProcessed = MayHaveBeenProcessed,
            RetryAfter = RetryAfter,
        };

    private static string HintFor(int status, CpaasErrorKind kind) => kind switch
    {
        CpaasErrorKind.Transport => "Getting an access token failed: the token endpoint could not be reached in time; check BaseUrl and the network.",
        CpaasErrorKind.Redirect => "Getting an access token failed: the token endpoint answered with a redirect, which the SDK never follows (the credentials were not sent to the other host); check BaseUrl.",
        CpaasErrorKind.OAuth => "Getting an access token failed; check ClientId and ClientSecret (or Email and Password) and BaseUrl.",
        _ when status is 400 or 401 or 403 => "Getting an access token failed; check ClientId and ClientSecret (or Email and Password) and BaseUrl.",
        _ when status is >= 200 and < 300 => "Getting an access token failed: the token endpoint's answer is not a usable token response; check that BaseUrl points at Kandy CPaaS.",
        _ => "Getting an access token failed: the token endpoint answered with an error; check BaseUrl, and try again later if it persists.",
    };
}
