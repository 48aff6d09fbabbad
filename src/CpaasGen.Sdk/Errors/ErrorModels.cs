using System;
using System.Globalization;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// Reads an error answer with the error models the spec declares and turns it into a <see cref="CpaasApiException"/>.
/// The generated models cover every shape the spec describes: <see cref="RequestErrorBody"/> (ParlayREST, and its
/// flattened form with the exception's members directly in <c>requestError</c>), <see cref="RequestError"/> at the top
/// level (the wrapper dropped), <see cref="OAuthError"/> and the plain <see cref="MessageErrorBody"/>. The model the
/// operation maps the status to is tried first, then the others; a body none of them reads (an HTML page from a proxy,
/// an empty body) is kept as a short, masked, redacted snippet. There is no second, hand-written parser of the error
/// shapes: the spec is their one source.
/// </summary>
internal static class ErrorModels
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    public static CpaasApiException ToException(PipelineMessage message, Redactor redactor)
    {
        var status = message.StatusCode;
        var body = message.Body.Memory;
        if (!TryRead(body, Mapped(message.ErrorMapping, status), out var detail))
        {
            return new CpaasApiException(status, CpaasErrorKind.Unknown, null, null, null, redactor.Snippet(body.Span))
            {
                MayHaveBeenProcessed = message.MayHaveBeenProcessed,
                RetryAfter = message.RetryAfter,
            };
        }

        var variables = new string[detail.Variables.Count];
        for (var i = 0; i < variables.Length; i++)
        {
            variables[i] = redactor.Redact(detail.Variables[i]) ?? string.Empty;
        }

        // Substituted first, then redacted: a secret echoed in a variable must not come back through the text.
        var text = redactor.Redact(ErrorText.Substitute(detail.Text, detail.Variables));
        return new CpaasApiException(status, detail.Kind, redactor.Redact(detail.Id), text, variables)
        {
            MayHaveBeenProcessed = message.MayHaveBeenProcessed,
            RetryAfter = message.RetryAfter,
        };
    }

    /// <summary>The factory the operation declares for <paramref name="status"/>: the exact code, then "4XX"/"5XX", then "XXX".</summary>
    private static ParsableFactory<IParsable>? Mapped(Dictionary<string, ParsableFactory<IParsable>>? mapping, int status)
    {
        if (mapping is null || mapping.Count == 0)
        {
            return null;
        }

        Span<char> code = stackalloc char[3];
        if (status.TryFormat(code, out var written, provider: CultureInfo.InvariantCulture) && written == 3)
        {
            if (mapping.TryGetValue(new string(code), out var exact))
            {
                return exact;
            }

            code[1] = 'X';
            code[2] = 'X';
            if (mapping.TryGetValue(new string(code), out var range))
            {
                return range;
            }
        }

        return mapping.TryGetValue("XXX", out var any) ? any : null;
    }

    private static bool TryRead(ReadOnlyMemory<byte> body, ParsableFactory<IParsable>? mapped, out Detail detail)
    {
        detail = default;
        var trimmed = body.Span.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        Type? tried = null;
        if (mapped is not null && Read(body, mapped) is { } first)
        {
            tried = first.GetType();
            if (Convert(first, out detail))
            {
                return true;
            }
        }

        return (tried != typeof(RequestErrorBody) && Read(body, RequestErrorBody.CreateFromDiscriminatorValue) is { } wrapped && Convert(wrapped, out detail))
            || (tried != typeof(RequestError) && Read(body, RequestError.CreateFromDiscriminatorValue) is { } unwrapped && Convert(unwrapped, out detail))
            || (tried != typeof(OAuthError) && Read(body, OAuthError.CreateFromDiscriminatorValue) is { } oauth && Convert(oauth, out detail))
            || (tried != typeof(MessageErrorBody) && Read(body, MessageErrorBody.CreateFromDiscriminatorValue) is { } plain && Convert(plain, out detail));
    }

    /// <summary>The model read from the body (its generated fast path, or Kiota's parse node for a model without one), or null when the body does not have the model's shape.</summary>
    private static IParsable? Read<T>(ReadOnlyMemory<byte> body, ParsableFactory<T> factory)
        where T : IParsable
    {
        try
        {
            return ModelReading.Read(body, factory, ReaderOptions);
        }
        catch (Exception ex) when (ModelReading.IsUnreadable(ex))
        {
            return null; // invalid JSON, invalid UTF-8, a lone surrogate or another shape: another model, or the snippet
        }
    }

    private static bool Convert(IParsable model, out Detail detail)
    {
        switch (model)
        {
            case RequestErrorBody body:
                return Convert(body.RequestError, out detail);
            case RequestError { ServiceException: { } service }:
                detail = new Detail(CpaasErrorKind.ServiceException, service.MessageId, service.Text, Variables(service.Variables));
                return true;
            case RequestError { PolicyException: { } policy }:
                detail = new Detail(CpaasErrorKind.PolicyException, policy.MessageId, policy.Text, Variables(policy.Variables));
                return true;
            case RequestError flattened when flattened.MessageId is not null || flattened.Text is not null:
                // The flattened form names no kind; the ParlayREST ids do (POL#### policy, SVC#### service).
                var kind = flattened.MessageId?.StartsWith("POL", StringComparison.OrdinalIgnoreCase) == true ? CpaasErrorKind.PolicyException : CpaasErrorKind.ServiceException;
                detail = new Detail(kind, flattened.MessageId, flattened.Text, Variables(flattened.Variables));
                return true;
            case OAuthError oauth:
                detail = new Detail(CpaasErrorKind.OAuth, oauth.Error, oauth.ErrorDescription, Array.Empty<string>());
                return true;
            case MessageErrorBody plain:
                detail = new Detail(CpaasErrorKind.PlainMessage, null, plain.Message, Array.Empty<string>());
                return true;
            default:
                detail = default;
                return false;
        }
    }

    private static string[] Variables(List<string>? variables)
    {
        if (variables is null || variables.Count == 0)
        {
            return Array.Empty<string>();
        }

        var result = new string[variables.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = variables[i] ?? string.Empty;
        }

        return result;
    }

    private readonly record struct Detail(CpaasErrorKind Kind, string? Id, string? Text, IReadOnlyList<string> Variables);
}
