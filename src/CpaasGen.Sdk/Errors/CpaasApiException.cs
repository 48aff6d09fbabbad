using System;
using System.Collections.Generic;
using System.Net;
using System.Text;

namespace Cpaas;

/// <summary>
/// The Kandy CPaaS API answered with an error, or could not be reached. Carries the HTTP status, the API's
/// exception id (<c>messageId</c>, or the OAuth <c>error</c> code), its kind, the text with <c>%1…%n</c> replaced by
/// the variables, and the raw variables. Messages mask phone numbers and never contain tokens or secrets.
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

    /// <summary>The HTTP status code, or 0 when no response was received.</summary>
    public int StatusCode { get; }

    /// <summary>The HTTP status as <see cref="HttpStatusCode"/>.</summary>
    public HttpStatusCode Status => (HttpStatusCode)StatusCode;

    /// <summary>Which kind of error body the API sent.</summary>
    public CpaasErrorKind Kind { get; }

    /// <summary>The API's exception id (<c>messageId</c> such as <c>SVC0002</c> or <c>POL0001</c>), or the OAuth <c>error</c> code.</summary>
    public string? ExceptionId { get; }

    /// <summary>The error text with <c>%1…%n</c> replaced by <see cref="Variables"/> (unmasked: it is the API's own text).</summary>
    public string? Text { get; }

    /// <summary>The raw <c>variables</c> of the error body, in order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>For a non-JSON or unrecognised body: its first characters, whitespace-collapsed, with phone numbers masked.</summary>
    public string? ResponseSnippet { get; }

    /// <summary>An explanation the SDK adds, such as why a 403 happened.</summary>
    public string? Hint { get; }

    /// <summary>Stub.</summary>
    public bool MayHaveBeenProcessed { get; init; }

    /// <summary>Stub.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Replaces <c>%1…%n</c> in <paramref name="text"/> with the variables (every occurrence, highest index first so <c>%10</c> is not read as <c>%1</c>).</summary>
    /// <param name="text">The text with placeholders.</param>
    /// <param name="variables">The values.</param>
    /// <returns>The substituted text.</returns>
    public static string? Substitute(string? text, IReadOnlyList<string> variables)
    {
        if (text is null || variables.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        for (var i = variables.Count; i >= 1; i--)
        {
            builder.Replace("%" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), variables[i - 1]);
        }

        return builder.ToString();
    }

    internal CpaasApiException WithHint(string hint)
        => new(StatusCode, Kind, ExceptionId, Text, Variables, ResponseSnippet, hint, InnerException ?? this);

    private static string BuildMessage(int statusCode, CpaasErrorKind kind, string? exceptionId, string? text, string? snippet, string? hint)
    {
        var builder = new StringBuilder();
        if (statusCode > 0)
        {
            builder.Append("The Kandy CPaaS API answered ").Append(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var reason = ReasonPhrase(statusCode);
            if (reason is not null)
            {
                builder.Append(' ').Append(reason);
            }
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

/// <summary>Getting an access token failed: wrong credentials (OAuth <c>error</c> such as <c>invalid_client</c>), or the token endpoint failed.</summary>
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
        : base(statusCode, kind, exceptionId, text, null, responseSnippet, HintFor(kind), innerException)
    {
    }

    private static string HintFor(CpaasErrorKind kind) => kind == CpaasErrorKind.Transport
        ? "Getting an access token failed: the token endpoint could not be reached in time; check BaseUrl and the network."
        : "Getting an access token failed; check ClientId and ClientSecret (or Email and Password) and BaseUrl.";
}
