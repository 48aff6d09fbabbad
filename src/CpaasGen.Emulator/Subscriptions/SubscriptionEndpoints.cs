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

/// <summary>Inbound SMS subscriptions: <c>/cpaas/smsmessaging/v1/{userId}/inbound/subscriptions[/{subscriptionId}]</c>.</summary>
internal sealed partial class SubscriptionEndpoints(EmulatorState state, ApiPipeline pipeline)
{
    private const string Subscriptions = "/cpaas/smsmessaging/v1/{userId}/inbound/subscriptions";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Subscriptions, pipeline.Authorized(CreateAsync));
        app.MapGet(Subscriptions, pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, List())));
        app.MapGet(Subscriptions + "/{subscriptionId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, Get(ApiPipeline.Route(ctx, "subscriptionId"), ApiPipeline.PathOf(ctx)))));
        app.MapDelete(Subscriptions + "/{subscriptionId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, Delete(ApiPipeline.Route(ctx, "subscriptionId"), ApiPipeline.PathOf(ctx)))));
    }

    private async Task CreateAsync(HttpContext ctx)
    {
        var (body, json, error) = await WireBody.ReadAsync(ctx, InboundSubscriptionRequestBody.ReadFrom).ConfigureAwait(false);
        if (error is null)
        {
            var request = body!.Subscription;
            if (string.IsNullOrWhiteSpace(request.CallbackReference.NotifyUrl))
            {
                error = Errors.InvalidInput("notifyURL");
            }
            else if (request.DestinationAddress is { } given && !PhoneAddress.IsValid(given))
            {
                error = Errors.InvalidInput("destinationAddress");
            }
        }

        if (error is not null)
        {
            await WireBody.WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }

        var result = Create(body!.Subscription, Correlator.Of(body.Subscription.ClientCorrelator, json));
        await WireBody.WriteAsync(ctx, result).ConfigureAwait(false);
    }

    private ApiResult Create(InboundSubscriptionRequest request, Correlator? correlator)
    {
        SubscriptionState subscription;
        lock (state.Gate)
        {
            if (state.Subscriptions.Channel(request.CallbackReference.NotifyUrl, state.Time.GetUtcNow()) is null)
            {
                return Errors.InvalidInput("notifyURL");
            }

            var destination = request.DestinationAddress is { } given ? PhoneAddress.Normalize(given) : state.Numbers.Default;
            if (destination is null || !state.Numbers.Owns(destination))
            {
                return Errors.DestinationNotOwned(destination ?? PhoneAddress.DefaultSender);
            }

            if (state.Subscriptions.IsSubscribed(destination))
            {
                return Errors.OverlappingSubscription(destination);
            }

            subscription = new SubscriptionState(Guid.NewGuid().ToString(), request.CallbackReference.NotifyUrl, destination, correlator);
            state.Subscriptions.Add(subscription);
        }

        Log.SubscriptionCreated(state.Logger, subscription.Id, PhoneMasking.Mask(subscription.DestinationAddress), subscription.ChannelId);
        return new ApiResult(201, new InboundSubscriptionResponseBody { Subscription = ToWire(subscription) }, Location: state.Paths.Subscription(subscription.Id));
    }

    private ApiResult List()
    {
        lock (state.Gate)
        {
            var list = new InboundSubscriptionList { ResourceUrl = state.Paths.Subscriptions, Subscription = [] };
            foreach (var s in state.Subscriptions.Subscriptions)
            {
                list.Subscription.Add(ToWire(s));
            }

            return new ApiResult(200, new InboundSubscriptionListResponseBody { SubscriptionList = list });
        }
    }

    private ApiResult Get(string subscriptionId, string path)
    {
        lock (state.Gate)
        {
            return state.Subscriptions.Subscription(subscriptionId) is { } s
                ? new ApiResult(200, new InboundSubscriptionResponseBody { Subscription = ToWire(s) })
                : Errors.NotFound(path);
        }
    }

    private ApiResult Delete(string subscriptionId, string path)
    {
        lock (state.Gate)
        {
            if (!state.Subscriptions.RemoveSubscription(subscriptionId))
            {
                return Errors.NotFound(path);
            }
        }

        Log.SubscriptionDeleted(state.Logger, subscriptionId);
        return ApiResult.NoContent;
    }

    private InboundSubscription ToWire(SubscriptionState s)
    {
        var subscription = new InboundSubscription
        {
            CallbackReference = new CallbackReference { NotifyUrl = s.ChannelId },
            ClientCorrelator = s.Correlator?.AsString,
            DestinationAddress = s.DestinationAddress,
            ResourceUrl = state.Paths.Subscription(s.Id),
        };
        s.Correlator?.AddTo(subscription);
        return subscription;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Inbound SMS subscription {SubscriptionId} created for {Number} on channel {ChannelId}")]
        public static partial void SubscriptionCreated(ILogger logger, string subscriptionId, string number, string channelId);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Inbound SMS subscription {SubscriptionId} deleted")]
        public static partial void SubscriptionDeleted(ILogger logger, string subscriptionId);
    }
}
