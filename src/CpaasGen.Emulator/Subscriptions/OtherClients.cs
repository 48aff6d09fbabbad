using System;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Wire;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Subscriptions;

/// <summary>
/// The user's other clients: the vendor's browser SDK opens a websocket channel (<c>ws-…</c>, <c>channelLifetime</c> 3600,
/// <c>x-connCheckRole</c> client, as its samples do) and a mobile app registers a push channel (<c>ps-…</c>), each with an
/// inbound subscription. Kandy lists them beside the webhook channels, in their own shapes; a subscription made without a
/// number is listed without <c>destinationAddress</c> [inference: the vendor's tutorials say the member is returned when
/// the default number was used]. The emulator serves no websocket and pushes to no phone, so nothing is delivered to
/// them: they exist so that a client sees what the real server lists.
/// </summary>
internal sealed partial class OtherClients(EmulatorState state, Func<Uri> baseUrl)
{
    /// <summary>The lifetime the browser SDK's samples ask for.</summary>
    private const int WebSocketLifetime = 3600;

    /// <summary>Creates the channel and its subscription, or returns the refusal the API would give.</summary>
    public (OtherClientSubscription? Created, ApiError? Error) Subscribe(NotificationChannelKind kind, string? destinationAddress)
    {
        if (kind is not (NotificationChannelKind.WebSocket or NotificationChannelKind.Push))
        {
            return (null, Errors.InvalidValue("channelType", "Websockets, OMAPush"));
        }

        string? number = null;
        if (destinationAddress is not null)
        {
            if (!PhoneAddress.TryNormalize(destinationAddress, out number))
            {
                return (null, Errors.InvalidInput("destinationAddress"));
            }
        }

        var id = (kind == NotificationChannelKind.WebSocket ? "ws-" : "ps-") + Guid.NewGuid();
        var channelUrl = kind == NotificationChannelKind.WebSocket
            ? new UriBuilder(baseUrl()) { Scheme = "ws", Path = state.Paths.Channel(id) + "/websocket" }.Uri.ToString()
            : "https://push.invalid/oma/" + id; // a push service's URL; .invalid: nothing is pushed
        var correlator = new Correlator(kind == NotificationChannelKind.WebSocket ? "browser-sdk" : "mobile-app", IsNumber: false);
        SubscriptionState subscription;
        lock (state.Gate)
        {
            if (number is not null && !state.Numbers.Owns(number))
            {
                return (null, Errors.DestinationNotOwned(number));
            }

            if (number is not null && state.Subscriptions.IsSubscribed(number))
            {
                return (null, Errors.OverlappingSubscription(number));
            }

            var channel = new ChannelState(id, kind, null, null, channelUrl, correlator)
            {
                ConnectionCheckRole = kind == NotificationChannelKind.WebSocket ? "client" : null,
            };
            if (kind == NotificationChannelKind.WebSocket)
            {
                channel.Lifetime = WebSocketLifetime;
                channel.ExpiresAt = state.Time.GetUtcNow().AddSeconds(WebSocketLifetime);
            }

            state.Subscriptions.Add(channel);
            subscription = new SubscriptionState(Guid.NewGuid().ToString(), id, number, correlator);
            state.Subscriptions.Add(subscription);
        }

        Log.OtherClientSubscribed(state.Logger, kind.ToString(), id, subscription.Id, PhoneMasking.MaskAddress(number));
        return (new OtherClientSubscription(id, subscription.Id), null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Another client's {Kind} channel {ChannelId} subscribed as {SubscriptionId} for {Number} (nothing is delivered to it)")]
        public static partial void OtherClientSubscribed(ILogger logger, string kind, string channelId, string subscriptionId, string number);
    }
}
