using System.Collections.Generic;
using System.Text.Json.Nodes;
using WireMock;

namespace Cpaas.Testing.Internal;

/// <summary>
/// The error answers: the ParlayREST body made from the description's RequestError example, and, for the fault switch,
/// the other shapes the description describes (flattened requestError, the exception at the top level, a plain
/// message made from the MessageErrorBody example).
/// </summary>
internal sealed partial class Stubs
{
    /// <summary>The error answer a fault switch gives for <paramref name="status"/>, in the chosen shape of the spec's error bodies.</summary>
    public IResponseMessage FaultResponse(string operationId, int status, string? messageId, string? text, ErrorBodyShape shape, IReadOnlyList<string> variables)
    {
        string[]? given = variables.Count > 0 ? [.. variables] : null;
        var reply = operationId == "createToken" && status is >= 400 and < 500 && shape == ErrorBodyShape.RequestError
            ? OAuthError(status, messageId ?? (status == 401 ? "invalid_client" : "invalid_request"), text ?? "Refused by a CpaasGen.Testing fault switch")
            : new Reply(status, status switch
            {
                401 => ErrorBody(shape, false, messageId ?? "SVC1002", text ?? "Authentication failed: %1", given ?? ["refused by a CpaasGen.Testing fault switch"]),
                403 => ErrorBody(shape, true, messageId ?? "POL0001", text ?? PolicyText, given ?? ["refused by a CpaasGen.Testing fault switch"]),
                404 => ErrorBody(shape, false, messageId ?? "SVC1000", text ?? "Requested resource %1 does not exist", given ?? [operationId]),
                429 => ErrorBody(shape, false, messageId ?? "SVC1004", text ?? "Too many requests: retry after %1 s", given ?? ["1"]),
                >= 500 => ErrorBody(shape, false, messageId ?? "SVC0001", text ?? ServiceText, given ?? ["fault-" + status]),
                _ => ErrorBody(shape, false, messageId ?? "SVC0002", text ?? InvalidInputText, given ?? [operationId]),
            });
        var response = (ResponseMessage)ToResponse(reply);
        if (status == 429)
        {
            response.AddHeader("Retry-After", "1");
        }

        return response;
    }

    /// <summary>An error body in <paramref name="shape"/>.</summary>
    private JsonObject ErrorBody(ErrorBodyShape shape, bool policy, string messageId, string text, string[] variables)
    {
        switch (shape)
        {
            case ErrorBodyShape.FlattenedRequestError:
            {
                var body = RequestError(policy, messageId, text, variables);
                var requestError = Templates.ObjectAt(body, "requestError", "RequestError");
                var detail = Templates.CopyAt(body, "requestError." + Kind(policy), "RequestError");
                requestError.Clear();
                foreach (var member in detail)
                {
                    requestError[member.Key] = member.Value?.DeepClone();
                }

                return body;
            }

            case ErrorBodyShape.TopLevelException:
                return new JsonObject { [Kind(policy)] = Templates.CopyAt(RequestError(policy, messageId, text, variables), "requestError." + Kind(policy), "RequestError") };
            case ErrorBodyShape.PlainMessage:
            {
                var body = (JsonObject)_messageErrorTemplate.DeepClone();
                body["message"] = ErrorText.Substitute(text, variables);
                return body;
            }

            default:
                return RequestError(policy, messageId, text, variables);
        }
    }

    /// <summary>A ParlayREST error body, made from the description's RequestError example.</summary>
    private JsonObject RequestError(bool policy, string messageId, string text, params string[] variables)
    {
        var body = (JsonObject)_requestErrorTemplate.DeepClone();
        var requestError = Templates.ObjectAt(body, "requestError", "RequestError");
        var detail = Templates.CopyAt(body, "requestError.serviceException", "RequestError");
        requestError.Clear();
        detail["messageId"] = messageId;
        detail["text"] = text;
        detail["variables"] = Templates.Strings(variables);
        requestError[Kind(policy)] = detail;
        return body;
    }

    private static string Kind(bool policy) => policy ? "policyException" : "serviceException";

    private StubError Invalid(string part) => new(new Reply(400, RequestError(false, "SVC0002", InvalidInputText, part)));

    private StubError NotFound(string what) => new(new Reply(404, RequestError(false, "SVC0002", InvalidInputText, what)));

    private StubError Forbidden(string why) => new(new Reply(403, RequestError(true, "POL0001", PolicyText, why)));
}
