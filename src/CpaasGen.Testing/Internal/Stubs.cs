using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Cpaas.Testing.Internal;

/// <summary>What a stub gets: the operation, the request, the path parameters and the query.</summary>
internal sealed class Call
{
    public Call(ApiOperation operation, IRequestMessage request, Dictionary<string, string> path)
    {
        Operation = operation;
        Request = request;
        Path = path;
        Query = Route.Query(request.Url);
    }

    public ApiOperation Operation { get; }

    public IRequestMessage Request { get; }

    public Dictionary<string, string> Path { get; }

    public Dictionary<string, string> Query { get; }

    public string RawPath => Route.RawPath(Request.Url);

    /// <summary>The operation's example, deep-copied: the template of the answer.</summary>
    public JsonNode Example() => Operation.SuccessExample?.DeepClone() ?? throw new InvalidOperationException(Operation.OperationId + " has no example.");

    /// <summary>A path parameter as sent (percent-decoded).</summary>
    public string this[string parameter] => Path[parameter];

    public string BodyText()
        => Request.Body ?? (Request.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : string.Empty);
}

/// <summary>A stub's answer: status and JSON body (null for none).</summary>
internal readonly record struct Reply(int Status, JsonNode? Body);

/// <summary>A request the stub refuses; turned into an error answer.</summary>
internal sealed class StubError : Exception
{
    public StubError(Reply reply)
        : base("HTTP " + reply.Status)
    {
        Reply = reply;
    }

    public Reply Reply { get; }
}

/// <summary>
/// The stubs, one per operation of the API description, keyed by operationId. Stateless: each answer is the
/// description's example with the values adapted to that request alone (ids, numbers, text, user id, correlator), or a
/// refusal the test switched on (<see cref="FaultSwitches"/>). What happened is read back from WireMock's request log.
/// </summary>
internal sealed partial class Stubs
{
    public const string UnmatchedTitle = "cpaas-testing: no such operation";
    public const int KitPriority = 100;
    public const int FallbackPriority = 10_000;

    private const string PolicyText = "A policy error occurred. Error code is %1";
    private const string ServiceText = "A service error occurred. Error code is %1";
    private const string InvalidInputText = "Invalid input value for message part %1";
    private const string NoSuchOperationText = "No such resource: %1";

    private readonly ApiDescription _api;
    private readonly CpaasMockServerOptions _options;
    private readonly FaultSwitches _switches;
    private readonly TokenSigner _tokens;
    private readonly JsonObject _requestErrorTemplate;
    private readonly JsonObject _messageErrorTemplate;
    private readonly List<(ApiOperation Operation, Route Route, Func<Call, Reply> Handler)> _routes = new();

    public Stubs(ApiDescription api, CpaasMockServerOptions options, FaultSwitches switches)
    {
        _api = api;
        _options = options;
        _switches = switches;
        _tokens = new TokenSigner(options);

        var handlers = new Dictionary<string, (Func<Call, Reply> Handler, string[] PathParameters, string[] TemplatePaths)>(StringComparer.Ordinal)
        {
            ["createToken"] = (CreateToken, [], ["access_token", "id_token"]),
            ["createNotificationChannel"] = (CreateChannel, [], ["notificationChannel.channelData"]),
            ["listNotificationChannels"] = (ListChannels, [], ["notificationChannelList.notificationChannel[0]"]),
            ["getNotificationChannel"] = (GetChannel, ["channelId"], ["notificationChannel"]),
            ["updateNotificationChannelLifetime"] = (SetChannelLifetime, ["channelId"], ["notificationChannelLifetime"]),
            ["deleteNotificationChannel"] = (DeleteChannel, ["channelId"], []),
            ["createOutboundSmsMessage"] = (Send, ["senderAddress"], ["outboundSMSMessageRequest.deliveryInfoList.deliveryInfo[0]", "outboundSMSMessageRequest.outboundSMSTextMessage"]),
            ["createInboundSubscription"] = (CreateSubscription, [], ["subscription.callbackReference"]),
            ["listInboundSubscriptions"] = (ListSubscriptions, [], ["subscriptionList.subscription[0].callbackReference"]),
            ["getInboundSubscription"] = (GetSubscription, ["subscriptionId"], ["subscription.callbackReference"]),
            ["deleteInboundSubscription"] = (DeleteSubscription, ["subscriptionId"], []),
            ["listSmsThreads"] = (ListThreads, [], ["smsThreadList.smsThread[0].threadDetails"]),
            ["listSmsThreadsWithRemoteAddress"] = (ListThreadsWithRemote, ["remoteAddress"], ["smsThreadList.smsThread[0].threadDetails"]),
            ["getSmsThread"] = (GetThread, ["remoteAddress", "localAddress"], ["smsThread.threadDetails"]),
            ["deleteSmsThread"] = (DeleteThread, ["remoteAddress", "localAddress"], []),
            ["listSmsMessages"] = (ListMessages, ["remoteAddress", "localAddress"], ["smsMessageList.smsMessage[0]"]),
            ["getSmsMessage"] = (GetMessage, ["remoteAddress", "localAddress", "messageId"], ["smsMessage"]),
            ["deleteSmsMessage"] = (DeleteMessage, ["remoteAddress", "localAddress", "messageId"], []),
            ["getSmsMessageStatus"] = (GetStatus, ["remoteAddress", "localAddress", "messageId"], ["status"]),
            ["sendCode"] = (SendCode, [], ["code"]),
            ["resendCode"] = (ResendCode, ["codeId"], ["code"]),
            ["verifyCode"] = (VerifyCode, ["codeId"], []),
            ["deleteCode"] = (DeleteCode, ["codeId"], []),
        };

        var problems = new List<string>();
        foreach (var operation in api.Operations)
        {
            if (!handlers.TryGetValue(operation.OperationId, out var stub))
            {
                problems.Add("the operation '" + operation.OperationId + "' (" + operation.Method + " " + operation.PathTemplate + ") has no stub in CpaasGen.Testing");
                continue;
            }

            var route = new Route(operation.PathTemplate, options.UserId);
            foreach (var parameter in stub.PathParameters.Where(p => !route.ParameterNames.Contains(p)))
            {
                problems.Add("the path of '" + operation.OperationId + "' (" + operation.PathTemplate + ") has no {" + parameter + "} parameter, which its stub reads");
            }

            foreach (var path in stub.TemplatePaths)
            {
                try
                {
                    Templates.At(operation.SuccessExample, path, "operation '" + operation.OperationId + "'");
                }
                catch (InvalidOperationException ex)
                {
                    problems.Add(ex.Message);
                }
            }

            _routes.Add((operation, route, stub.Handler));
        }

        foreach (var name in handlers.Keys.Where(k => api.Operations.All(o => o.OperationId != k)))
        {
            problems.Add("CpaasGen.Testing has a stub for '" + name + "', which is not an operation of the API description");
        }

        if (api.Operations.FirstOrDefault(o => o.OperationId == "verifyCode") is { } verify && verify.ExampleFor(403) is not JsonObject)
        {
            problems.Add("the API description has no example for the 403 response of 'verifyCode' (the \"not verified\" answer the kit gives): add one");
        }

        var errorExample = api.Operations.Where(o => o.RequiresAuth).Select(o => o.ErrorExample).FirstOrDefault(e => e is not null);
        _requestErrorTemplate = errorExample as JsonObject ?? new JsonObject();
        _messageErrorTemplate = api.SchemaExample("MessageErrorBody") as JsonObject ?? new JsonObject();
        try
        {
            Templates.At(_requestErrorTemplate, "requestError.serviceException", "the 4XX responses (RequestError)");
            Templates.At(api.Operation("createToken").ErrorExample, "error", "the 4XX response of 'createToken' (OAuthError)");
            Templates.At(_messageErrorTemplate, "message", "the schema MessageErrorBody");
            foreach (var prefix in ChannelPrefixes)
            {
                ChannelTemplate(api.Operation("listNotificationChannels").SuccessExample, prefix);
            }
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("CpaasGen.Testing cannot start: " + string.Join("; ", problems) + ".");
        }
    }

    public IReadOnlyList<(ApiOperation Operation, Route Route, Func<Call, Reply> Handler)> Routes => _routes;

    public Route RouteOf(string operationId) => _routes.First(r => r.Operation.OperationId == operationId).Route;

    /// <summary>The operation and route of an operationId; throws <see cref="ArgumentException"/> naming the valid ones.</summary>
    public (ApiOperation Operation, Route Route, Func<Call, Reply> Handler) Find(string operationId)
        => _routes.FirstOrDefault(r => r.Operation.OperationId == operationId) is { Operation: not null } found
            ? found
            : throw new ArgumentException("'" + operationId + "' is not an operation of the API description; use one of: "
                + string.Join(", ", _routes.Select(r => r.Operation.OperationId)) + ".", nameof(operationId));

    /// <summary>The answer of an operation to a request, as its stub gives it (used by the fault mappings that delay it).</summary>
    public IResponseMessage Answer(string operationId, IRequestMessage request)
    {
        var (operation, route, handler) = Find(operationId);
        return Respond(operation, route, handler, request);
    }

    /// <summary>Adds one mapping per operation (titled with its operationId) and a JSON 404 for everything else.</summary>
    public void Register(WireMockServer server)
    {
        foreach (var (operation, route, handler) in _routes)
        {
            server.Given(Request.Create().WithUrl(url => route.IsMatch(url)).UsingMethod(operation.Method))
                .AtPriority(KitPriority)
                .WithTitle(operation.OperationId)
                .RespondWith(Response.Create().WithCallback(request => Respond(operation, route, handler, request)));
        }

        server.Given(Request.Create().UsingAnyMethod())
            .AtPriority(FallbackPriority)
            .WithTitle(UnmatchedTitle)
            .RespondWith(Response.Create().WithCallback(request => ToResponse(new Reply(404, RequestError(false, "SVC0002", NoSuchOperationText, request.Method + " " + Route.RawPath(request.Url))))));
    }

    private ResponseMessage Respond(ApiOperation operation, Route route, Func<Call, Reply> handler, IRequestMessage request)
    {
        try
        {
            if (operation.RequiresAuth && !Authorized(request))
            {
                return ToResponse(new Reply(401, RequestError(false, "SVC0001", ServiceText, "Unauthorized: the request needs \"Authorization: Bearer <access_token>\" with a token issued by this server")));
            }

            route.TryMatch(request.Url, out var path);
            return ToResponse(handler(new Call(operation, request, path)));
        }
        catch (StubError error)
        {
            return ToResponse(error.Reply);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return ToResponse(new Reply(500, RequestError(false, "SVC0001", ServiceText, "CpaasGen.Testing failed: " + ex.Message)));
        }
    }

    private static ResponseMessage ToResponse(Reply reply)
    {
        var response = new ResponseMessage { StatusCode = reply.Status };
        if (reply.Body is not null)
        {
            response.AddHeader("Content-Type", "application/json");
            response.BodyData = new BodyData
            {
                BodyAsString = WireJson.Serialize(reply.Body),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            };
        }

        return response;
    }

    private bool Authorized(IRequestMessage request)
    {
        foreach (var header in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            if (string.Equals(header.Key, "Authorization", StringComparison.OrdinalIgnoreCase)
                && header.Value.Any(v => v is not null && v.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && _tokens.IsValid(v[7..].Trim())))
            {
                return true;
            }
        }

        return false;
    }

    private bool Owned(string number)
        => _options.Numbers.Count == 0
           || string.Equals(number, _options.DefaultNumber, StringComparison.Ordinal)
           || _options.Numbers.Contains(number);

    /// <summary>The user id in a resource URL of an example, and the segments after the named ones, set to this request's values.</summary>
    private string Url(string? exampleUrl, params (string After, string Value)[] replacements)
        => Templates.AdaptUrl(exampleUrl, _options.UserId, replacements);

    private JsonObject ParseBody(Call call, string root)
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(call.BodyText());
        }
        catch (JsonException)
        {
            throw Invalid("body (not JSON)");
        }

        return body is JsonObject obj && obj[root] is JsonObject inner ? inner : throw Invalid(root);
    }

    /// <summary>The request's clientCorrelator, echoed as sent (string or number); null when absent.</summary>
    private static JsonNode? Correlator(JsonObject request) => request["clientCorrelator"]?.DeepClone();
}
