using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Cpaas.Emulator.Internal;

/// <summary>
/// The HTTP surface: the Kandy CPaaS SMS API of spec/openapi.yaml plus the unauthenticated /emulator/* admin
/// endpoints. Handlers are plain <see cref="RequestDelegate"/>s (no reflection-based parameter binding).
/// </summary>
internal sealed partial class EmulatorApi
{
    private const string Sms = "/cpaas/smsmessaging/v1/{userId}";
    private const string Thread = Sms + "/remoteAddresses/{remoteAddress}/localAddresses/{localAddress}";
    private const int DefaultPageSize = 50;

    private readonly CpaasEmulator _emulator;
    private readonly EmulatorState _state;
    private readonly TokenService _tokens;
    private readonly CpaasEmulatorOptions _options;
    private readonly ILogger _logger;

    public EmulatorApi(CpaasEmulator emulator, EmulatorState state, TokenService tokens, CpaasEmulatorOptions options, ILogger logger)
    {
        _emulator = emulator;
        _state = state;
        _tokens = tokens;
        _options = options;
        _logger = logger;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/cpaas/auth/v1/token", CreateTokenAsync);

        app.MapPost("/cpaas/notificationchannel/v1/{userId}/channels", Authorized(CreateChannelAsync));
        app.MapGet("/cpaas/notificationchannel/v1/{userId}/channels", Authorized((ctx, _) => WriteAsync(ctx, _state.ListChannels())));
        app.MapGet("/cpaas/notificationchannel/v1/{userId}/channels/{channelId}",
            Authorized((ctx, _) => WriteAsync(ctx, _state.GetChannel(Route(ctx, "channelId"), PathOf(ctx)))));
        app.MapDelete("/cpaas/notificationchannel/v1/{userId}/channels/{channelId}",
            Authorized((ctx, _) => WriteAsync(ctx, _state.DeleteChannel(Route(ctx, "channelId"), PathOf(ctx)))));

        app.MapPost(Sms + "/outbound/{senderAddress}/requests", Authorized(SendAsync));

        app.MapPost(Sms + "/inbound/subscriptions", Authorized(CreateSubscriptionAsync));
        app.MapGet(Sms + "/inbound/subscriptions", Authorized((ctx, _) => WriteAsync(ctx, _state.ListSubscriptions())));
        app.MapGet(Sms + "/inbound/subscriptions/{subscriptionId}",
            Authorized((ctx, _) => WriteAsync(ctx, _state.GetSubscription(Route(ctx, "subscriptionId"), PathOf(ctx)))));
        app.MapDelete(Sms + "/inbound/subscriptions/{subscriptionId}",
            Authorized((ctx, _) => WriteAsync(ctx, _state.DeleteSubscription(Route(ctx, "subscriptionId"), PathOf(ctx)))));

        app.MapGet(Sms + "/remoteAddresses", Authorized((ctx, _) => ListThreadsAsync(ctx, remote: null)));
        app.MapGet(Sms + "/remoteAddresses/{remoteAddress}",
            Authorized((ctx, _) => ListThreadsAsync(ctx, Addresses.Normalize(Route(ctx, "remoteAddress")))));
        app.MapGet(Thread, Authorized(GetThreadAsync));
        app.MapDelete(Thread, Authorized((ctx, _) => WriteAsync(ctx, _state.DeleteThread(Remote(ctx), Local(ctx), PathOf(ctx)))));
        app.MapGet(Thread + "/messages", Authorized(ListMessagesAsync));
        app.MapGet(Thread + "/messages/{messageId}",
            Authorized((ctx, _) => WriteAsync(ctx, _state.GetMessage(Remote(ctx), Local(ctx), Route(ctx, "messageId"), statusOnly: false, PathOf(ctx)))));
        app.MapDelete(Thread + "/messages/{messageId}",
            Authorized((ctx, _) => WriteAsync(ctx, _state.DeleteMessage(Remote(ctx), Local(ctx), Route(ctx, "messageId"), PathOf(ctx)))));
        app.MapGet(Thread + "/messages/{messageId}/status",
            Authorized((ctx, _) => WriteAsync(ctx, _state.GetMessage(Remote(ctx), Local(ctx), Route(ctx, "messageId"), statusOnly: true, PathOf(ctx)))));

        // Admin endpoints (no authentication; the emulator listens on 127.0.0.1 only).
        app.MapGet("/emulator", InfoAsync);
        app.MapPost("/emulator/inbound", SimulateInboundAsync);
        app.MapPost("/emulator/numbers/{number}/unassign", UnassignAsync);
        app.MapGet("/emulator/deliveries", DeliveriesAsync);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Pipeline pieces
    // ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// Outermost middleware: turns exceptions into error bodies (never a stack trace) and gives the bodiless 404 (no
    /// route) and 405 (route exists, other method) answers of routing a serviceException body.
    /// </summary>
    public async Task HandleErrorsAsync(HttpContext ctx, RequestDelegate next)
    {
        try
        {
            await next(ctx).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            if (!ctx.Response.HasStarted)
            {
                ctx.Response.Clear();
                await WriteErrorAsync(ctx, Errors.InvalidInput("body", ex.StatusCode)).ConfigureAwait(false);
            }
            return;
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Log.UnhandledException(_logger, ex, ctx.Request.Method, PathOf(ctx), ctx.TraceIdentifier);
            if (!ctx.Response.HasStarted)
            {
                ctx.Response.Clear();
                await WriteErrorAsync(ctx, Errors.Internal(ctx.TraceIdentifier)).ConfigureAwait(false);
            }
            return;
        }

        if (!ctx.Response.HasStarted)
        {
            if (ctx.Response.StatusCode == StatusCodes.Status404NotFound && ctx.GetEndpoint() is null)
            {
                await WriteErrorAsync(ctx, Errors.NotFound(PathOf(ctx))).ConfigureAwait(false);
            }
            else if (ctx.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                await WriteErrorAsync(ctx, Errors.MethodNotAllowed(ctx.Request.Method, PathOf(ctx))).ConfigureAwait(false);
            }
        }
    }

    private RequestDelegate Authorized(Func<HttpContext, string, Task> handler) => ctx =>
    {
        var pathUser = Route(ctx, "userId");
        if (!_tokens.TryValidate(ctx.Request.Headers.Authorization, out var tokenUser, out var failure))
        {
            ctx.Response.Headers.WWWAuthenticate = failure == "missing bearer token"
                ? "Bearer realm=\"cpaas\""
                : $"Bearer realm=\"cpaas\", error=\"invalid_token\", error_description=\"{failure}\"";
            return WriteErrorAsync(ctx, Errors.Unauthorized(failure));
        }
        if (!string.Equals(tokenUser, pathUser, StringComparison.Ordinal))
        {
            return WriteErrorAsync(ctx, Errors.WrongUser(tokenUser, pathUser));
        }
        return handler(ctx, pathUser);
    };

    private static string Route(HttpContext ctx, string name) => ctx.Request.RouteValues[name] as string ?? "";

    private static string Remote(HttpContext ctx) => Addresses.Normalize(Route(ctx, "remoteAddress"));

    private static string Local(HttpContext ctx) => Addresses.Normalize(Route(ctx, "localAddress"));

    private static string PathOf(HttpContext ctx) => ctx.Request.Path.Value ?? "/";

    private static Task WriteAsync(HttpContext ctx, ApiResult result)
    {
        if (result.Error is { } error)
        {
            return WriteErrorAsync(ctx, error);
        }
        if (result.Location is not null)
        {
            ctx.Response.Headers.Location = result.Location;
        }
        return WriteBodyAsync(ctx, result.Status, result.Body);
    }

    private static Task WriteErrorAsync(HttpContext ctx, ApiError error) => WriteBodyAsync(ctx, error.Status, error.ToJson());

    private static async Task WriteBodyAsync(HttpContext ctx, int status, byte[]? body)
    {
        ctx.Response.StatusCode = status;
        if (body is null)
        {
            ctx.Response.ContentLength = 0;
            return;
        }
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Parses the JSON body; a malformed or empty body yields SVC0002 with the part "body".</summary>
    private static async Task<(JsonDocument? Document, ApiError? Error)> ReadJsonAsync(HttpContext ctx)
    {
        try
        {
            var doc = await JsonDocument.ParseAsync(ctx.Request.Body, Json.DocumentOptions, ctx.RequestAborted).ConfigureAwait(false);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                return (null, Errors.InvalidInput("body"));
            }
            return (doc, null);
        }
        catch (JsonException)
        {
            return (null, Errors.InvalidInput("body"));
        }
    }

    /// <summary>
    /// Reads an optional clientCorrelator (string or number; echoed as sent). Returns false for any other JSON type.
    /// </summary>
    private static bool TryReadCorrelator(JsonElement parent, out string? rawJson)
    {
        rawJson = null;
        if (!parent.TryGetProperty("clientCorrelator", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        if (value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            rawJson = value.GetRawText();
            return true;
        }
        return false;
    }

    private static string? NonEmptyString(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value)
        && StringOrNull(value) is { } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    /// <summary>The value of a JSON string, or null for other kinds and for strings that are not valid UTF-16 (a lone surrogate escape).</summary>
    private static string? StringOrNull(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Token
    // ------------------------------------------------------------------------------------------------------------

    private async Task CreateTokenAsync(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await WriteOAuthErrorAsync(ctx, 400, "invalid_request", "The request must be an application/x-www-form-urlencoded form").ConfigureAwait(false);
            return;
        }
        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        string? Field(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;

        var grantType = Field("grant_type");
        var clientId = Field("client_id");
        if (grantType is null)
        {
            await WriteOAuthErrorAsync(ctx, 400, "invalid_request", "Missing form parameter: grant_type").ConfigureAwait(false);
            return;
        }
        if (grantType is not ("client_credentials" or "password"))
        {
            await WriteOAuthErrorAsync(ctx, 400, "unsupported_grant_type", "Unsupported grant_type").ConfigureAwait(false);
            return;
        }
        if (clientId is null)
        {
            await WriteOAuthErrorAsync(ctx, 400, "invalid_request", "Missing form parameter: client_id").ConfigureAwait(false);
            return;
        }
        if (!FixedTimeEquals(clientId, _options.ClientId))
        {
            Log.TokenRejected(_logger, grantType, "unknown client_id");
            await WriteOAuthErrorAsync(ctx, 401, "invalid_client", "Invalid client credentials").ConfigureAwait(false);
            return;
        }

        var passwordGrant = grantType == "password";
        if (passwordGrant)
        {
            var username = Field("username");
            var password = Field("password");
            if (username is null || password is null)
            {
                await WriteOAuthErrorAsync(ctx, 400, "invalid_request", "Missing form parameter: " + (username is null ? "username" : "password")).ConfigureAwait(false);
                return;
            }
            // Keycloak answers a wrong user or password with 401 invalid_grant.
            if (!string.Equals(username, _options.Email, StringComparison.OrdinalIgnoreCase) | !FixedTimeEquals(password, _options.Password))
            {
                Log.TokenRejected(_logger, grantType, "invalid user credentials");
                await WriteOAuthErrorAsync(ctx, 401, "invalid_grant", "Invalid user credentials").ConfigureAwait(false);
                return;
            }
        }
        else
        {
            var secret = Field("client_secret");
            if (secret is null || !FixedTimeEquals(secret, _options.ClientSecret))
            {
                Log.TokenRejected(_logger, grantType, "invalid client secret");
                await WriteOAuthErrorAsync(ctx, 401, "invalid_client", "Invalid client credentials").ConfigureAwait(false);
                return;
            }
        }

        Log.TokenIssued(_logger, grantType, _options.UserId);
        ctx.Response.Headers.CacheControl = "no-store";
        ctx.Response.Headers.Pragma = "no-cache";
        await WriteBodyAsync(ctx, 200, _tokens.IssueTokenResponse(passwordGrant)).ConfigureAwait(false);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));

    private static Task WriteOAuthErrorAsync(HttpContext ctx, int status, string error, string description)
    {
        if (status == 401)
        {
            ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"emulator\"";
        }
        return WriteBodyAsync(ctx, status, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteString("error_description", description);
            w.WriteEndObject();
        }));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Channels, subscriptions, send
    // ------------------------------------------------------------------------------------------------------------

    private async Task CreateChannelAsync(HttpContext ctx, string userId)
    {
        var (doc, error) = await ReadJsonAsync(ctx).ConfigureAwait(false);
        if (error is not null)
        {
            await WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }
        using (doc)
        {
            if (!doc!.RootElement.TryGetObject("notificationChannel", out var channel))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("notificationChannel")).ConfigureAwait(false);
                return;
            }
            var channelType = NonEmptyString(channel, "channelType");
            if (channelType is null)
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("channelType")).ConfigureAwait(false);
                return;
            }
            if (!string.Equals(channelType, "webhooks", StringComparison.OrdinalIgnoreCase))
            {
                await WriteErrorAsync(ctx, Errors.InvalidValue("channelType", "webhooks")).ConfigureAwait(false);
                return;
            }
            if (!channel.TryGetObject("channelData", out var data))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("channelData")).ConfigureAwait(false);
                return;
            }
            var url = NonEmptyString(data, "x-webhookURL");
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("x-webhookURL")).ConfigureAwait(false);
                return;
            }
            string? authorization = null;
            if (data.TryGetProperty("x-authorization", out var auth) && auth.ValueKind != JsonValueKind.Null)
            {
                authorization = StringOrNull(auth);
                if (authorization is null)
                {
                    await WriteErrorAsync(ctx, Errors.InvalidInput("x-authorization")).ConfigureAwait(false);
                    return;
                }
            }
            if (!TryReadCorrelator(channel, out var correlator))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("clientCorrelator")).ConfigureAwait(false);
                return;
            }
            await WriteAsync(ctx, _state.CreateChannel(url, authorization, correlator)).ConfigureAwait(false);
        }
    }

    private async Task CreateSubscriptionAsync(HttpContext ctx, string userId)
    {
        var (doc, error) = await ReadJsonAsync(ctx).ConfigureAwait(false);
        if (error is not null)
        {
            await WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }
        using (doc)
        {
            if (!doc!.RootElement.TryGetObject("subscription", out var subscription))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("subscription")).ConfigureAwait(false);
                return;
            }
            if (!subscription.TryGetObject("callbackReference", out var callback))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("callbackReference")).ConfigureAwait(false);
                return;
            }
            var notifyUrl = NonEmptyString(callback, "notifyURL");
            if (notifyUrl is null)
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("notifyURL")).ConfigureAwait(false);
                return;
            }
            string? destination = null;
            if (subscription.TryGetProperty("destinationAddress", out var dest) && dest.ValueKind != JsonValueKind.Null)
            {
                destination = StringOrNull(dest);
                if (destination is null || !Addresses.IsValid(destination))
                {
                    await WriteErrorAsync(ctx, Errors.InvalidInput("destinationAddress")).ConfigureAwait(false);
                    return;
                }
                destination = Addresses.Normalize(destination);
            }
            if (!TryReadCorrelator(subscription, out var correlator))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("clientCorrelator")).ConfigureAwait(false);
                return;
            }
            await WriteAsync(ctx, _state.CreateSubscription(notifyUrl, destination, correlator)).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(HttpContext ctx, string userId)
    {
        var (doc, error) = await ReadJsonAsync(ctx).ConfigureAwait(false);
        if (error is not null)
        {
            await WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }
        using (doc)
        {
            if (!doc!.RootElement.TryGetObject("outboundSMSMessageRequest", out var request))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("outboundSMSMessageRequest")).ConfigureAwait(false);
                return;
            }
            var addresses = new List<string>();
            if (!request.TryGetProperty("address", out var addressArray) || addressArray.ValueKind != JsonValueKind.Array
                || addressArray.GetArrayLength() == 0)
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("address")).ConfigureAwait(false);
                return;
            }
            foreach (var item in addressArray.EnumerateArray())
            {
                var address = StringOrNull(item);
                if (!Addresses.IsValid(address))
                {
                    await WriteErrorAsync(ctx, Errors.InvalidInput("address")).ConfigureAwait(false);
                    return;
                }
                addresses.Add(address!);
            }
            if (!request.TryGetObject("outboundSMSTextMessage", out var textMessage))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("outboundSMSTextMessage")).ConfigureAwait(false);
                return;
            }
            var text = textMessage.TryGetProperty("message", out var messageElement) ? StringOrNull(messageElement) : null;
            if (string.IsNullOrEmpty(text))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("message")).ConfigureAwait(false);
                return;
            }
            if (!TryReadCorrelator(request, out var correlator))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("clientCorrelator")).ConfigureAwait(false);
                return;
            }
            var result = _state.Send(Route(ctx, "senderAddress"), addresses, text, correlator);
            await WriteAsync(ctx, result).ConfigureAwait(false);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // History
    // ------------------------------------------------------------------------------------------------------------

    private Task ListThreadsAsync(HttpContext ctx, string? remote)
    {
        if (ParseQuery(ctx, Cursor.Threads, out var query) is { } error)
        {
            return WriteErrorAsync(ctx, error);
        }
        return WriteAsync(ctx, _state.ListThreads(remote, query));
    }

    private Task GetThreadAsync(HttpContext ctx, string userId)
    {
        // The SDKs send the list parameters here too; they are validated and otherwise ignored.
        if (ParseQuery(ctx, Cursor.Threads, out _) is { } error)
        {
            return WriteErrorAsync(ctx, error);
        }
        return WriteAsync(ctx, _state.GetThread(Remote(ctx), Local(ctx), PathOf(ctx)));
    }

    private Task ListMessagesAsync(HttpContext ctx, string userId)
    {
        if (ParseQuery(ctx, Cursor.Messages, out var query) is { } error)
        {
            return WriteErrorAsync(ctx, error);
        }
        return WriteAsync(ctx, _state.ListMessages(Remote(ctx), Local(ctx), query, PathOf(ctx)));
    }

    private static ApiError? ParseQuery(HttpContext ctx, char cursorKind, out ListQuery query)
    {
        query = default;
        var q = ctx.Request.Query;

        var max = DefaultPageSize;
        if (q.TryGetValue("max", out var maxText) && !StringValues.IsNullOrEmpty(maxText)
            && (!int.TryParse(maxText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1))
        {
            return Errors.InvalidInput("max");
        }

        long? before = null;
        if (q.TryGetValue("next", out var nextText) && !StringValues.IsNullOrEmpty(nextText))
        {
            if (!Cursor.TryDecode(nextText.ToString(), cursorKind, out var sequence))
            {
                return Errors.InvalidInput("next");
            }
            before = sequence;
        }

        var onlyNew = false;
        if (q.TryGetValue("new", out var newText) && !StringValues.IsNullOrEmpty(newText))
        {
            var text = newText.ToString();
            if (bool.TryParse(text, out var flag))
            {
                onlyNew = flag;
            }
            else if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                onlyNew = number != 0;
            }
            else
            {
                return Errors.InvalidInput("new");
            }
        }

        long? lastMessageTime = null;
        if (q.TryGetValue("lastMessageTime", out var timeText) && !StringValues.IsNullOrEmpty(timeText))
        {
            if (!long.TryParse(timeText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var time))
            {
                return Errors.InvalidInput("lastMessageTime");
            }
            lastMessageTime = time;
        }

        query = new ListQuery(max, before, onlyNew, lastMessageTime);
        return null;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Admin
    // ------------------------------------------------------------------------------------------------------------

    private Task InfoAsync(HttpContext ctx)
    {
        var numbers = _state.Numbers;
        return WriteBodyAsync(ctx, 200, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("baseUrl", _emulator.BaseUrl.GetLeftPart(UriPartial.Authority));
            w.WriteString("userId", _options.UserId);
            w.WriteString("clientId", _options.ClientId);
            w.WriteString("clientSecret", _options.ClientSecret);
            w.WriteString("email", _options.Email);
            w.WriteString("password", _options.Password);
            w.WriteStartArray("numbers");
            foreach (var n in numbers)
            {
                w.WriteStringValue(n);
            }
            w.WriteEndArray();
            if (numbers.Count > 0)
            {
                w.WriteString("defaultNumber", numbers[0]);
            }
            w.WriteStartArray("undeliverableDestinations");
            foreach (var n in _options.UndeliverableDestinations)
            {
                w.WriteStringValue(n);
            }
            w.WriteEndArray();
            w.WriteNumber("messageHistoryCap", _options.MessageHistoryCap);
            w.WriteNumber("storedMessages", _state.MessageCount);
            w.WriteNumber("pendingDeliveries", _emulator.PendingDeliveries);
            w.WriteEndObject();
        }));
    }

    private async Task SimulateInboundAsync(HttpContext ctx)
    {
        var (doc, error) = await ReadJsonAsync(ctx).ConfigureAwait(false);
        if (error is not null)
        {
            await WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }
        using (doc)
        {
            var root = doc!.RootElement;
            var from = NonEmptyString(root, "from");
            var to = NonEmptyString(root, "to");
            var message = root.TryGetProperty("message", out var m) ? StringOrNull(m) : null;
            if (from is null || !Addresses.IsValid(from))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("from")).ConfigureAwait(false);
                return;
            }
            if (to is null || !Addresses.IsValid(to))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("to")).ConfigureAwait(false);
                return;
            }
            if (string.IsNullOrEmpty(message))
            {
                await WriteErrorAsync(ctx, Errors.InvalidInput("message")).ConfigureAwait(false);
                return;
            }
            var normalizedTo = Addresses.Normalize(to);
            var received = _state.ReceiveInbound(from, normalizedTo, message);
            if (received is not { } r)
            {
                await WriteErrorAsync(ctx, Errors.DestinationNotOwned(normalizedTo)).ConfigureAwait(false);
                return;
            }
            ctx.Response.Headers.Location = r.ResourceUrl;
            await WriteBodyAsync(ctx, 201, Json.Build(w =>
            {
                w.WriteStartObject();
                w.WriteString("messageId", r.MessageId);
                w.WriteString("resourceURL", r.ResourceUrl);
                w.WriteEndObject();
            })).ConfigureAwait(false);
        }
    }

    private Task UnassignAsync(HttpContext ctx)
    {
        var number = Addresses.Normalize(Route(ctx, "number"));
        var cancelled = _state.UnassignNumber(number);
        if (cancelled is null)
        {
            return WriteErrorAsync(ctx, Errors.NotFound(PathOf(ctx)));
        }
        return WriteBodyAsync(ctx, 200, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("number", number);
            w.WriteStartArray("cancelledSubscriptions");
            foreach (var id in cancelled)
            {
                w.WriteStringValue(id);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private Task DeliveriesAsync(HttpContext ctx)
    {
        var deliveries = _emulator.Deliveries;
        return WriteBodyAsync(ctx, 200, Json.Build(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("pending", _emulator.PendingDeliveries);
            w.WriteStartArray("deliveries");
            foreach (var d in deliveries)
            {
                w.WriteStartObject();
                w.WriteNumber("timestamp", d.Timestamp.ToUnixTimeMilliseconds());
                w.WriteString("webhookURL", d.WebhookUrl);
                w.WriteString("channelId", d.ChannelId);
                w.WriteString("subscriptionId", d.SubscriptionId);
                w.WriteString("notificationType", d.NotificationType);
                w.WriteString("notificationId", d.NotificationId);
                w.WriteNumber("attempt", d.Attempt);
                w.WriteNumber("maxAttempts", d.MaxAttempts);
                if (d.StatusCode is { } status)
                {
                    w.WriteNumber("statusCode", status);
                }
                else
                {
                    w.WriteNull("statusCode");
                }
                w.WriteStringIfPresent("error", d.Error);
                w.WriteString("outcome", d.Outcome switch
                {
                    WebhookDeliveryOutcome.Succeeded => "Succeeded",
                    WebhookDeliveryOutcome.Retrying => "Retrying",
                    _ => "Failed",
                });
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Token issued ({GrantType} grant) for user {UserId}")]
        public static partial void TokenIssued(ILogger logger, string grantType, string userId);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Token request rejected ({GrantType} grant): {Reason}")]
        public static partial void TokenRejected(ILogger logger, string grantType, string reason);

        [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path} (trace id {TraceId})")]
        public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path, string traceId);
    }
}
