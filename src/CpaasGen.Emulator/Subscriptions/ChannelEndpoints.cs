using System;
using System.Threading.Tasks;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Subscriptions;

using NotificationChannel = Cpaas.Emulator.Wire.NotificationChannel;

/// <summary>
/// Notification channels: <c>/cpaas/notificationchannel/v1/{userId}/channels[/{channelId}]</c>. The API creates webhook
/// channels; another client's websocket and push channels (<see cref="OtherClients"/>) are listed and read beside them in
/// their own shapes (<c>channelData.channelURL</c>, no <c>x-webhookURL</c>).
/// </summary>
internal sealed partial class ChannelEndpoints(EmulatorState state, ApiPipeline pipeline)
{
    private const string Channels = "/cpaas/notificationchannel/v1/{userId}/channels";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Channels, pipeline.Authorized(CreateAsync));
        app.MapGet(Channels, pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, List(ctx.Request.Query["clientCorrelator"], ctx.Request.Query["channelType"]))));
        app.MapGet(Channels + "/{channelId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, Get(ApiPipeline.Route(ctx, "channelId"), ApiPipeline.PathOf(ctx)))));
        app.MapPut(Channels + "/{channelId}", pipeline.Authorized(SetLifetimeAsync));
        app.MapDelete(Channels + "/{channelId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, Delete(ApiPipeline.Route(ctx, "channelId"), ApiPipeline.PathOf(ctx)))));
    }

    private async Task CreateAsync(HttpContext ctx)
    {
        var (body, json, error) = await WireBody.ReadAsync(ctx, NotificationChannelRequestBody.ReadFrom).ConfigureAwait(false);
        if (error is not null)
        {
            await WireBody.WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }

        var request = body!.NotificationChannel;
        if (string.IsNullOrWhiteSpace(request.ChannelType.Value))
        {
            await WireBody.WriteErrorAsync(ctx, Errors.InvalidInput("channelType")).ConfigureAwait(false);
            return;
        }

        if (!string.Equals(request.ChannelType.Value, "webhooks", StringComparison.OrdinalIgnoreCase))
        {
            await WireBody.WriteErrorAsync(ctx, Errors.InvalidValue("channelType", "webhooks")).ConfigureAwait(false);
            return;
        }

        var url = request.ChannelData.WebhookUrl;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            await WireBody.WriteErrorAsync(ctx, Errors.InvalidInput("x-webhookURL")).ConfigureAwait(false);
            return;
        }

        var channel = new ChannelState("wh-" + Guid.NewGuid(), NotificationChannelKind.Webhook, url, request.ChannelData.Authorization, null, Correlator.Of(request.ClientCorrelator, json));
        lock (state.Gate)
        {
            state.Subscriptions.Add(channel);
        }

        Log.ChannelCreated(state.Logger, channel.Id, global::Cpaas.UrlMasking.Mask(url));
        await WireBody.WriteAsync(ctx, new ApiResult(201, new NotificationChannelResponseBody { NotificationChannel = ToWire(channel) }, Location: state.Paths.Channel(channel.Id))).ConfigureAwait(false);
    }

    /// <summary>The user's channels, filtered as the vendor's model documents: <c>clientCorrelator</c> (exact) and <c>channelType</c> (ignoring case).</summary>
    private ApiResult List(string? clientCorrelator, string? channelType)
    {
        lock (state.Gate)
        {
            var list = new NotificationChannelList { NotificationChannel = [], ResourceUrl = state.Paths.Channels };
            foreach (var channel in state.Subscriptions.Channels(state.Time.GetUtcNow()))
            {
                if ((string.IsNullOrEmpty(clientCorrelator) || channel.Correlator?.Text == clientCorrelator)
                    && (string.IsNullOrEmpty(channelType) || string.Equals(TypeOf(channel.Kind).Value, channelType, StringComparison.OrdinalIgnoreCase)))
                {
                    list.NotificationChannel.Add(ToWire(channel));
                }
            }

            return new ApiResult(200, new NotificationChannelListResponseBody { NotificationChannelList = list });
        }
    }

    private ApiResult Get(string channelId, string path)
    {
        lock (state.Gate)
        {
            return state.Subscriptions.Channel(channelId, state.Time.GetUtcNow()) is { } channel
                ? new ApiResult(200, new NotificationChannelResponseBody { NotificationChannel = ToWire(channel) })
                : Errors.NotFound(path);
        }
    }

    /// <summary><c>PUT …/channels/{channelId}</c> with <c>{"notificationChannelLifetime":{"channelLifetime":n}}</c>: the channel lives n more seconds.</summary>
    private async Task SetLifetimeAsync(HttpContext ctx)
    {
        var (body, _, error) = await WireBody.ReadAsync(ctx, NotificationChannelLifetimeBody.ReadFrom).ConfigureAwait(false);
        if (error is null && body!.NotificationChannelLifetime.ChannelLifetime < 1)
        {
            error = Errors.InvalidInput("channelLifetime");
        }

        if (error is not null)
        {
            await WireBody.WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }

        var channelId = ApiPipeline.Route(ctx, "channelId");
        var lifetime = body!.NotificationChannelLifetime.ChannelLifetime;
        ApiResult result;
        lock (state.Gate)
        {
            var now = state.Time.GetUtcNow();
            if (state.Subscriptions.Channel(channelId, now) is { } channel)
            {
                channel.Lifetime = lifetime;
                channel.ExpiresAt = now.AddSeconds(lifetime);
                result = new ApiResult(200, new NotificationChannelLifetimeBody { NotificationChannelLifetime = new NotificationChannelLifetime { ChannelLifetime = lifetime } });
            }
            else
            {
                result = Errors.NotFound(ApiPipeline.PathOf(ctx));
            }
        }

        if (result.Error is null)
        {
            Log.ChannelLifetimeSet(state.Logger, channelId, lifetime);
        }

        await WireBody.WriteAsync(ctx, result).ConfigureAwait(false);
    }

    private ApiResult Delete(string channelId, string path)
    {
        lock (state.Gate)
        {
            if (state.Subscriptions.Channel(channelId, state.Time.GetUtcNow()) is null)
            {
                return Errors.NotFound(path);
            }

            if (state.Subscriptions.UsingChannel(channelId) is { } user)
            {
                return Errors.ChannelInUse(channelId, user.Id);
            }

            state.Subscriptions.RemoveChannel(channelId);
        }

        Log.ChannelDeleted(state.Logger, channelId);
        return ApiResult.NoContent;
    }

    /// <summary>The <c>channelType</c> the server answers for a kind (the vendor model's names).</summary>
    private static ChannelType TypeOf(NotificationChannelKind kind) => kind switch
    {
        NotificationChannelKind.WebSocket => ChannelType.Websockets,
        NotificationChannelKind.Push => ChannelType.OmaPush,
        _ => new ChannelType("Webhooks"),
    };

    private NotificationChannel ToWire(ChannelState c)
    {
        var channel = new NotificationChannel
        {
            CallbackUrl = c.Id,
            ChannelData = c.Kind == NotificationChannelKind.Webhook
                ? new ChannelData { WebhookUrl = c.WebhookUrl, Authorization = c.Authorization }
                : new ChannelData { ChannelUrl = c.ChannelUrl },
            ChannelType = TypeOf(c.Kind),
            ClientCorrelator = c.Correlator?.AsString,
            ResourceUrl = state.Paths.Channel(c.Id),
            ChannelLifetime = c.Lifetime,
            ConnectionCheckRole = c.ConnectionCheckRole,
        };
        c.Correlator?.AddTo(channel);
        return channel;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Notification channel {ChannelId} created for webhook {WebhookUrl}")]
        public static partial void ChannelCreated(ILogger logger, string channelId, string webhookUrl);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Notification channel {ChannelId} deleted")]
        public static partial void ChannelDeleted(ILogger logger, string channelId);

        [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Notification channel {ChannelId}: lifetime set to {Lifetime} s from now")]
        public static partial void ChannelLifetimeSet(ILogger logger, string channelId, int lifetime);
    }
}
