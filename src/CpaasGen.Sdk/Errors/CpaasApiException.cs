using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Cpaas;

/// <summary>
/// The Kandy CPaaS API answered with an error, or could not be reached. Carries the HTTP status, the API's
/// exception id (<c>messageId</c>, or the OAuth <c>error</c> code), its kind, the text with <c>%1…%n</c> replaced by
/// the variables, the raw variables, whether the request may have been processed, and the server's Retry-After.
/// Messages mask phone numbers and never contain secrets, tokens or message text, whatever the server echoed.
/// </summary>
public class CpaasApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status (0 when there was no response).</param>
    /// <param name="kind">The kind of error body.</param>
    /// <param name="exceptionId">The API's exception id (<c>messageId</c>) or OAuth <c>error</c> code.</param>
    /// <param name="text">The error text with variables substituted.</param>
    /// <param name="variables">The raw variables of the error body.</param>
    /// <param name="responseSnippet">A short, masked snippet of a non-JSON body.</param>
    /// <param name="hint">Extra explanation added to the message (for example why a 403 happened).</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CpaasApiException(
        int statusCode,
        CpaasErrorKind kind,
        string? exceptionId,
        string? text,
        IReadOnlyList<string>? variables = null,
        string? responseSnippet = null,
        string? hint = null,
        Exception? innerException = null)
        : base(BuildMessage(statusCode, kind, exceptionId, text, responseSnippet, hint), innerException)
    {
        StatusCode = statusCode;
        Kind = kind;
        ExceptionId = exceptionId;
        Text = text;
        Variables = variables ?? Array.Empty<string>();
        ResponseSnippet = responseSnippet;
        Hint = hint;
    }

    /// <summary>
    /// The HTTP status code (for example 403), or 0 when no response was received (see <see cref="Kind"/>). A number, as
    /// Kandy's documentation and error bodies give it; compare with <c>(int)HttpStatusCode.Forbidden</c> if you prefer names.
    /// </summary>
    public int StatusCode { get; }

    /// <summary>Which kind of error body the API sent.</summary>
    public CpaasErrorKind Kind { get; }

    /// <summary>The API's exception id (<c>messageId</c> such as <c>SVC0002</c> or <c>POL0001</c>), or the OAuth <c>error</c> code.</summary>
    public string? ExceptionId { get; }

    /// <summary>
    /// The error text with <c>%1…%n</c> replaced by <see cref="Variables"/>: the API's own text, phone numbers not masked,
    /// but with any secret, token or message text the server echoed replaced by <c>[redacted]</c>.
    /// </summary>
    public string? Text { get; }

    /// <summary>The <c>variables</c> of the error body, in order (redacted like <see cref="Text"/>).</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>For a non-JSON or unrecognised body: its first characters, whitespace-collapsed, phone numbers masked, secrets redacted.</summary>
    public string? ResponseSnippet { get; }

    /// <summary>An explanation the SDK adds, such as why a 403 happened.</summary>
    public string? Hint { get; }

    /// <summary>
    /// True when the API may have acted on the request although the call failed, so repeating it could repeat its
    /// effect (for a send: the SMS may have gone out, and sending again could deliver it twice). That is the case when
    /// the request left and its answer was lost (a timeout, a dropped connection), when the answer was a success
    /// the SDK could not read, and for a 500, 502 or 504. False when the request provably never reached the API
    /// (invalid input, no access token, connection refused, DNS failure) or the API answered that it did not act on it
    /// (4xx, 429, 503, a refused redirect). A caller's own cancellation is an <see cref="OperationCanceledException"/>:
    /// treat a cancelled send as possibly processed.
    /// </summary>
    public bool MayHaveBeenProcessed { get; init; }

    /// <summary>
    /// The server's <c>Retry-After</c> (seconds or HTTP-date, as a delay from when it was received), when the answer
    /// carried one. The SDK honours it itself while it fits the request's remaining <see cref="CpaasClientOptions.Timeout"/>
    /// and <see cref="CpaasRetryOptions.MaxDelay"/>; when it does not, the 429 or 503 is thrown at once with this value.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <inheritdoc/>
    public override string Message
    {
        get
        {
            var message = base.Message;
            if (RetryAfter is { } retryAfter)
            {
                message += " The server asked to retry after " + Seconds(retryAfter) + " s (RetryAfter).";
            }

            if (MayHaveBeenProcessed)
            {
                message += " The request may have been processed before the failure (MayHaveBeenProcessed): check before repeating it.";
            }

            return message;
        }
    }

    /// <summary>This exception with <paramref name="hint"/> (the original stays reachable as the inner exception).</summary>
    internal CpaasApiException WithHint(string hint)
        => new(StatusCode, Kind, ExceptionId, Text, Variables, ResponseSnippet, hint, InnerException ?? this)
        {
            MayHaveBeenProcessed = MayHaveBeenProcessed,
            RetryAfter = RetryAfter,
        };

    /// <summary>
    /// A copy with <paramref name="redact"/> applied to the server's text, variables and snippet. The copy does not
    /// chain to this exception (whose message carries the unredacted text), only to its inner exception.
    /// </summary>
    internal virtual CpaasApiException Redacted(Func<string?, string?> redact)
    {
        var variables = new string[Variables.Count];
        for (var i = 0; i < variables.Length; i++)
        {
            variables[i] = redact(Variables[i]) ?? string.Empty;
        }

        return new CpaasApiException(StatusCode, Kind, redact(ExceptionId), redact(Text), variables, redact(ResponseSnippet), Hint, InnerException)
        {
            MayHaveBeenProcessed = MayHaveBeenProcessed,
            RetryAfter = RetryAfter,
        };
    }

    private static string Seconds(TimeSpan value) => Math.Round(value.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture);

    private static string BuildMessage(int statusCode, CpaasErrorKind kind, string? exceptionId, string? text, string? snippet, string? hint)
    {
        var builder = new StringBuilder();
        if (statusCode > 0)
        {
            builder.Append("The Kandy CPaaS API answered ").Append(statusCode.ToString(CultureInfo.InvariantCulture));
            var reason = ReasonPhrase(statusCode);
            if (reason is not null)
            {
                builder.Append(' ').Append(reason);
            }
        }
        else if (kind == CpaasErrorKind.Redirect)
        {
            builder.Append("The Kandy CPaaS API answered with a redirect");
        }
        else
        {
            builder.Append("The Kandy CPaaS API could not be reached");
        }

        if (exceptionId is not null)
        {
            builder.Append(": ").Append(exceptionId);
            if (kind is CpaasErrorKind.ServiceException or CpaasErrorKind.PolicyException or CpaasErrorKind.OAuth)
            {
                builder.Append(" (").Append(KindName(kind)).Append(')');
            }
        }

        if (!string.IsNullOrEmpty(text))
        {
            builder.Append(exceptionId is null ? ": " : " ").Append(PhoneMasking.Mask(text!));
        }
        else if (!string.IsNullOrEmpty(snippet))
        {
            builder.Append(": ").Append(snippet);
        }

        builder.Append('.');
        if (!string.IsNullOrEmpty(hint))
        {
            builder.Append(' ').Append(hint);
        }

        return builder.ToString().Replace("..", ".");
    }

    private static string KindName(CpaasErrorKind kind) => kind switch
    {
        CpaasErrorKind.ServiceException => "serviceException",
        CpaasErrorKind.PolicyException => "policyException",
        CpaasErrorKind.OAuth => "OAuth error",
        _ => kind.ToString(),
    };

    private static string? ReasonPhrase(int status) => status switch
    {
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => null,
    };
}
