using System;
using System.Globalization;

namespace Cpaas;

/// <summary>
/// The exceptions the policies throw for what happened on the wire (a redirect, a timeout, a body too large, a network
/// failure), each carrying the message's <see cref="PipelineMessage.MayHaveBeenProcessed"/> and Retry-After. Errors the
/// API answered with are read by <see cref="ErrorModels"/>.
/// </summary>
internal static class PipelineErrors
{
    public static CpaasApiException Redirect(PipelineMessage message, int status, Uri? location, bool followedByHandler, Exception? inner)
    {
        var target = location is null ? "no Location" : location.Authority;
        var text = followedByHandler
            ? "the HttpClient's handler followed a redirect to " + target + ", which the SDK does not allow; no request body was sent there"
            : "a redirect to " + target + ", not followed: the SDK never follows redirects and sent nothing there";
        var hint = followedByHandler
            ? "Give CpaasClient an HttpClient whose handler has AllowAutoRedirect = false, and check CpaasClientOptions.BaseUrl."
            : "Check CpaasClientOptions.BaseUrl (set it to the address the redirect names only if you trust that host).";
        return new CpaasApiException(status, CpaasErrorKind.Redirect, null, text, null, null, hint, inner)
        {
            MayHaveBeenProcessed = message.MayHaveBeenProcessed,
            RetryAfter = message.RetryAfter,
        };
    }

    public static CpaasApiException TooLarge(PipelineMessage message, CpaasBodyTooLargeException error)
    {
        var limit = error.Limit.ToString(CultureInfo.InvariantCulture);
        var hint = error.DeclaredLength is { } declared
            ? "The response declares " + declared.ToString(CultureInfo.InvariantCulture) + " bytes, more than CpaasClientOptions.MaxResponseBytes (" + limit + ")."
            : "The response is larger than CpaasClientOptions.MaxResponseBytes (" + limit + ").";
        return new CpaasApiException(message.StatusCode, CpaasErrorKind.Transport, null, null, null, null, hint, error)
        {
            MayHaveBeenProcessed = message.MayHaveBeenProcessed,
            RetryAfter = message.RetryAfter,
        };
    }

    /// <summary>The request ran out of its <see cref="CpaasClientOptions.Timeout"/> (or an injected HttpClient's own timeout fired).</summary>
    public static CpaasApiException Timeout(PipelineMessage message, TimeSpan timeout, Exception inner, bool authentication = false)
    {
        var text = timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? "The call was cancelled by the HttpClient (its Timeout?) although CpaasClientOptions.Timeout is infinite."
            : "The call did not complete within " + timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s (CpaasClientOptions.Timeout).";
        var timeoutException = new TimeoutException(text, inner);
        return authentication
            ? new CpaasAuthenticationException(0, CpaasErrorKind.Transport, null, text, null, timeoutException) { MayHaveBeenProcessed = message.MayHaveBeenProcessed }
            : new CpaasApiException(0, CpaasErrorKind.Transport, null, text, null, null, null, timeoutException) { MayHaveBeenProcessed = message.MayHaveBeenProcessed };
    }

    public static CpaasApiException Transport(PipelineMessage message, string text, Exception inner)
        => new(0, CpaasErrorKind.Transport, null, text, null, null, null, inner)
        {
            MayHaveBeenProcessed = message.MayHaveBeenProcessed,
        };
}
