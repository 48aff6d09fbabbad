using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cpaas.Testing.Internal;

/// <summary>
/// The two-factor code stubs: a send or resend answers the spec's example with the code resource's URL (a new id, or the
/// path's); a verification answers 204, or the spec's 403 example when the verify switch refuses the code
/// (<see cref="FaultSwitches.Verifies"/>); a delete answers 204. No code is generated: the stubs keep no state.
/// </summary>
internal sealed partial class Stubs
{
    private Reply SendCode(Call call) => CodeAnswer(call, Guid.NewGuid().ToString());

    private Reply ResendCode(Call call) => CodeAnswer(call, call["codeId"]);

    private Reply VerifyCode(Call call)
    {
        var request = ParseBody(call, "code");
        if (Templates.Text(request, "verify") is not { } typed || string.IsNullOrWhiteSpace(typed))
        {
            throw Invalid("code.verify");
        }

        if (_switches.Verifies(typed))
        {
            return new Reply(call.Operation.SuccessStatus, null);
        }

        // The spec's "not verified" answer (checked at Start()).
        return new Reply(403, call.Operation.ExampleFor(403)!.DeepClone());
    }

    private static Reply DeleteCode(Call call) => new(call.Operation.SuccessStatus, null);

    /// <summary>Checks a sendCode / resendCode body as the spec and the vendor describe it, and answers the example for <paramref name="codeId"/>.</summary>
    private Reply CodeAnswer(Call call, string codeId)
    {
        var request = ParseBody(call, "code");
        var method = Templates.Text(request, "method");
        if (method is not ("sms" or "email"))
        {
            throw Invalid("code.method (sms or email)");
        }

        if (request["address"] is not JsonArray { Count: 1 } addresses || addresses[0] is not JsonValue address || address.GetValueKind() != JsonValueKind.String
            || !(method == "email" ? EmailAddress.IsValid(address.GetValue<string>()) : PhoneAddress.IsValid(address.GetValue<string>())))
        {
            throw Invalid("code.address (one " + (method == "email" ? "e-mail address" : "phone number") + ", in an array)");
        }

        if (request["format"] is JsonNode format)
        {
            if (format is not JsonObject || (format["length"] is JsonNode length && !(length is JsonValue l && l.TryGetValue<int>(out var n) && n is >= 4 and <= 10)))
            {
                throw Invalid("code.format.length (4 to 10)");
            }

            if (format["type"] is JsonNode type && Templates.Text(format, "type") is not ("numeric" or "alphanumeric" or "alphabetic"))
            {
                throw Invalid("code.format.type (numeric, alphanumeric or alphabetic)");
            }
        }

        if (request["expiry"] is JsonNode expiry && !(expiry is JsonValue e && e.TryGetValue<int>(out var seconds) && seconds is >= 30 and <= 3600))
        {
            throw Invalid("code.expiry (30 to 3600)");
        }

        if (Templates.Text(request, "message") is not { } message || !message.Contains("{code}", StringComparison.Ordinal))
        {
            throw Invalid("code.message (with {code})");
        }

        if (method == "email" && string.IsNullOrWhiteSpace(Templates.Text(request, "subject")))
        {
            throw Invalid("code.subject (required for email)");
        }

        var body = call.Example();
        var code = Templates.ObjectAt(body, "code", call.Operation.OperationId);
        code["resourceURL"] = Url(Templates.Text(code, "resourceURL"), ("codes", codeId));
        return new Reply(call.Operation.SuccessStatus, body);
    }
}
