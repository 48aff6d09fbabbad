using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Cpaas;

/// <summary>
/// Turns an error response into a <see cref="CpaasApiException"/>: a ParlayREST/OneAPI <c>requestError</c>
/// (serviceException or policyException), an OAuth <c>error</c> body, or anything else (an HTML page from a proxy,
/// an empty body) kept as a short masked snippet — never a JSON parse error.
/// </summary>
internal static class ErrorBodyParser
{
    public static CpaasApiException Parse(int statusCode, ReadOnlySpan<byte> body, bool authentication)
    {
        if (TryParseJson(body, out var kind, out var id, out var text, out var variables))
        {
            var substituted = CpaasApiException.Substitute(text, variables);
            return authentication
                ? new CpaasAuthenticationException(statusCode, kind, id, substituted)
                : new CpaasApiException(statusCode, kind, id, substituted, variables);
        }

        var snippet = PhoneMasking.Snippet(body);
        return authentication
            ? new CpaasAuthenticationException(statusCode, CpaasErrorKind.Unknown, null, null, snippet)
            : new CpaasApiException(statusCode, CpaasErrorKind.Unknown, null, null, null, snippet);
    }

    private static bool TryParseJson(ReadOnlySpan<byte> body, out CpaasErrorKind kind, out string? id, out string? text, out IReadOnlyList<string> variables)
    {
        kind = CpaasErrorKind.Unknown;
        id = null;
        text = null;
        variables = Array.Empty<string>();
        var trimmed = body.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (root.TryGetProperty("requestError", out var requestError) && requestError.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in requestError.EnumerateObject())
                {
                    if (member.Value.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    kind = member.Name switch
                    {
                        "serviceException" => CpaasErrorKind.ServiceException,
                        "policyException" => CpaasErrorKind.PolicyException,
                        _ => CpaasErrorKind.Unknown,
                    };
                    id = String(member.Value, "messageId");
                    text = String(member.Value, "text");
                    variables = Variables(member.Value);
                    return true;
                }

                return false;
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                kind = CpaasErrorKind.OAuth;
                id = error.GetString();
                text = String(root, "error_description");
                return true;
            }

            // Some gateways answer {"serviceException": {...}} without the requestError wrapper.
            foreach (var name in new[] { "serviceException", "policyException" })
            {
                if (root.TryGetProperty(name, out var detail) && detail.ValueKind == JsonValueKind.Object)
                {
                    kind = name == "serviceException" ? CpaasErrorKind.ServiceException : CpaasErrorKind.PolicyException;
                    id = String(detail, "messageId");
                    text = String(detail, "text");
                    variables = Variables(detail);
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false; // invalid JSON, invalid UTF-8 or a lone surrogate: keep the status, show a snippet
        }
    }

    private static string? String(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;

    private static IReadOnlyList<string> Variables(JsonElement element)
    {
        if (!element.TryGetProperty("variables", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<string>();
        }

        var result = new List<string>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            result.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? string.Empty : item.GetRawText());
        }

        return result;
    }
}
