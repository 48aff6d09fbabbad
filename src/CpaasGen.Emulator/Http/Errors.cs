using System.Collections.Generic;
using System.Threading;
using Cpaas.Emulator.Wire;

namespace Cpaas.Emulator.Http;

/// <summary>
/// A ParlayREST/OneAPI error answer: its status, kind (service or policy exception), id, text and variables. Its body is
/// written by <see cref="ToBody"/> only, with the generated models, in the shape the fault switch selects.
/// </summary>
internal sealed record ApiError(int Status, bool Policy, string MessageId, string Text, IReadOnlyList<string> Variables)
{
    /// <summary>The wire body in <paramref name="shape"/>: the one place an error body is made.</summary>
    public IJsonModel ToBody(ErrorBodyShape shape = ErrorBodyShape.RequestError)
    {
        var detail = new ExceptionDetail { MessageId = MessageId, Text = Text, Variables = [.. Variables] };
        var error = Policy ? new RequestError { PolicyException = detail } : new RequestError { ServiceException = detail };
        return shape switch
        {
            ErrorBodyShape.FlattenedRequestError => new RequestErrorBody { RequestError = new RequestError { MessageId = MessageId, Text = Text, Variables = [.. Variables] } },
            ErrorBodyShape.TopLevelException => error,
            ErrorBodyShape.PlainMessage => new MessageErrorBody { Message = Substituted() },
            _ => new RequestErrorBody { RequestError = error },
        };
    }

    /// <summary>The text with %1…%n replaced by the variables (highest first, so %10 is not read as %1).</summary>
    private string Substituted()
    {
        var text = Text;
        for (var i = Variables.Count; i >= 1; i--)
        {
            text = text.Replace("%" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Variables[i - 1], System.StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>
/// The fault switch of the error body shape (<see cref="CpaasEmulator.ErrorBodyShape"/>, <c>PUT /emulator/error-body-shape</c>):
/// which shape the API's error answers take. One per emulator, read by <see cref="WireBody.WriteErrorAsync"/>.
/// </summary>
internal sealed class ErrorShapeSwitch(ErrorBodyShape initial)
{
    private int _shape = (int)initial;

    public ErrorBodyShape Shape
    {
        get => (ErrorBodyShape)Volatile.Read(ref _shape);
        set => Volatile.Write(ref _shape, (int)value);
    }
}

/// <summary>The error ids the emulator answers with. Keep in sync with README.md ("Errors").</summary>
internal static class Errors
{
    /// <summary>SVC0001, 500: an unexpected failure inside the emulator (never a stack trace).</summary>
    public static ApiError Internal(string traceId) =>
        new(500, false, "SVC0001", "A service error occurred. Error code is %1", [traceId]);

    /// <summary>SVC0002, 400: a missing or invalid request member, query parameter or a malformed JSON body ("body").</summary>
    public static ApiError InvalidInput(string part, int status = 400) =>
        new(status, false, "SVC0002", "Invalid input value for message part %1", [part]);

    /// <summary>SVC0003, 400: a member with a value outside its allowed set.</summary>
    public static ApiError InvalidValue(string part, string validValues) =>
        new(400, false, "SVC0003", "Invalid input value for message part %1, valid values are %2", [part, validValues]);

    /// <summary>SVC0008, 409: a second inbound subscription for a number that already has one.</summary>
    public static ApiError OverlappingSubscription(string destinationAddress) =>
        new(409, false, "SVC0008", "Overlapped criteria %1", [destinationAddress]);

    /// <summary>SVC1000, 404: an unknown route or resource.</summary>
    public static ApiError NotFound(string path) =>
        new(404, false, "SVC1000", "Requested resource %1 does not exist", [path]);

    /// <summary>SVC1001, 405: a known route called with a method it does not support.</summary>
    public static ApiError MethodNotAllowed(string method, string path) =>
        new(405, false, "SVC1001", "Method %1 is not allowed on resource %2", [method, path]);

    /// <summary>SVC1002, 401: missing, malformed, forged or expired bearer token.</summary>
    public static ApiError Unauthorized(string reason) =>
        new(401, false, "SVC1002", "Authentication failed: %1", [reason]);

    /// <summary>SVC1003, 409: deleting a notification channel that a subscription still uses.</summary>
    public static ApiError ChannelInUse(string channelId, string subscriptionId) =>
        new(409, false, "SVC1003", "Notification channel %1 is in use by subscription %2", [channelId, subscriptionId]);

    /// <summary>SVC1004, 400: a Host header that is not a loopback name (a DNS-rebinding page would send its own host).</summary>
    public static ApiError ForeignHost(string host) =>
        new(400, false, "SVC1004", "Host %1 is not served: the emulator answers only 127.0.0.1, localhost and [::1]", [host]);

    /// <summary>POL1005, 403: a state-changing request sent by a page of another origin (cross-site request forgery).</summary>
    public static ApiError CrossSite(string origin) =>
        new(403, true, "POL1005", "Requests from other sites are refused (origin %1)", [origin]);

    /// <summary>POL1001, 403: sending from a number that is not owned by or assigned to the project.</summary>
    public static ApiError SenderNotOwned(string senderAddress) =>
        new(403, true, "POL1001", "Sender address %1 is not owned by or assigned to the project", [senderAddress]);

    /// <summary>POL1002, 403: subscribing to (or simulating an inbound SMS to) a number the project does not own.</summary>
    public static ApiError DestinationNotOwned(string destinationAddress) =>
        new(403, true, "POL1002", "Destination address %1 is not owned by or assigned to the project", [destinationAddress]);

    /// <summary>POL1004, 403: a two-factor code that is not verified (wrong, expired, used, or invalidated by a resend or too many wrong attempts).</summary>
    public static ApiError CodeInvalidOrExpired() =>
        new(403, true, "POL1004", "Code invalid or expired", []);

    /// <summary>POL1003, 403: the token's user is not the <c>{userId}</c> of the path.</summary>
    public static ApiError WrongUser(string tokenUser, string pathUser) =>
        new(403, true, "POL1003", "User %1 is not allowed to access resources of user %2", [tokenUser, pathUser]);
}
