using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;

namespace Cpaas;

public partial class Conversation
{
    /// <summary>
    /// Subscribes a webhook to inbound SMS: creates a webhook notification channel, then the subscription that
    /// notifies it. If the second step fails, the channel is deleted before the error is thrown.
    /// </summary>
    /// <param name="request">The webhook and, optionally, the number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription id, the number (Kandy's default when none was given) and the webhook.</returns>
    /// <exception cref="ArgumentException">The webhook is not an absolute http(s) URL, or the number is not valid.</exception>
    /// <exception cref="CpaasApiException">The API refused (403 when the number is not owned by the account or not assigned to the project).</exception>
    public virtual async Task<SubscribeResult> SubscribeAsync(SubscribeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.WebhookUrl is null || !request.WebhookUrl.IsAbsoluteUri || (request.WebhookUrl.Scheme != Uri.UriSchemeHttps && request.WebhookUrl.Scheme != Uri.UriSchemeHttp))
        {
            #pragma warning disable CA2208 // ParamName names the request's property at fault.
            throw new ArgumentException("WebhookUrl must be an absolute http or https URL.", nameof(request.WebhookUrl));
            #pragma warning restore CA2208
        }

        if (request.DestinationAddress is not null)
        {
            PhoneAddress.Validate(request.DestinationAddress, nameof(request.DestinationAddress));
        }

        return await _core.WithCallDeadlineAsync(request, SubscribeCoreAsync, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SubscribeResult> SubscribeCoreAsync(SubscribeRequest request, CancellationToken cancellationToken)
    {
        var correlator = request.ClientCorrelator ?? _core.ClientCorrelator;
        var channel = await _core.Api.NotificationChannels.CreateNotificationChannelAsync(
            CurrentUser.PathValue,
            new NotificationChannelRequestBody
            {
                NotificationChannel = new NotificationChannelRequest
                {
                    ChannelData = new ChannelData { WebhookUrl = request.WebhookUrl!.AbsoluteUri },
                    ChannelType = ChannelType.Webhooks,
                    ClientCorrelator = correlator,
                },
            },
            cancellationToken).ConfigureAwait(false);
        var channelId = channel.NotificationChannel.CallbackUrl;
        if (string.IsNullOrEmpty(channelId))
        {
            channelId = ResourceUrls.LastSegment(channel.NotificationChannel.ResourceUrl)
                ?? throw new CpaasApiException(201, CpaasErrorKind.Unknown, null, null, hint: "The notification channel response has neither callbackURL nor resourceURL, so its id is unknown.") { MayHaveBeenProcessed = true };
        }

        InboundSubscriptionResponseBody subscription;
        try
        {
            subscription = await _core.Api.SmsInboundSubscriptions.CreateInboundSubscriptionAsync(
                CurrentUser.PathValue,
                new InboundSubscriptionRequestBody
                {
                    Subscription = new InboundSubscriptionRequest
                    {
                        CallbackReference = new CallbackReference { NotifyUrl = channelId },
                        ClientCorrelator = correlator,
                        DestinationAddress = request.DestinationAddress?.Trim(),
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var deleted = await TryDeleteChannelAsync(channelId).ConfigureAwait(false);
            Log.SubscribeRolledBack(_core.Logger, deleted);
            if (ex is CpaasApiException { StatusCode: 403 } forbidden and not CpaasAuthenticationException)
            {
                throw forbidden.WithHint(request.DestinationAddress is null
                    ? "Kandy refused the subscription: the user may have no default SMS number assigned to the project."
                    : "The number " + PhoneMasking.Mask(request.DestinationAddress) + " is not owned by the account or not assigned to the project (Kandy answers Forbidden).");
            }

            throw;
        }

        var created = subscription.Subscription;
        var subscriptionId = SubscriptionIdOf(created, 201);
        var destination = string.IsNullOrEmpty(created.DestinationAddress) ? request.DestinationAddress : created.DestinationAddress;
        Log.Subscribed(_core.Logger, PhoneMasking.MaskAddress(destination), subscriptionId);
        return new SubscribeResult(created, request.WebhookUrl, destination, subscriptionId, channelId);
    }

    /// <summary>
    /// Removes a subscription and, when it notifies a webhook channel, that channel too. A websocket or push channel
    /// (another client of the same user) is left alone: the result says so with <see cref="UnsubscribeResult.ChannelDeleted"/> false.
    /// </summary>
    /// <param name="subscriptionId">The id from <see cref="SubscribeResult.SubscriptionId"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was removed.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="CpaasApiException">The API refused (404 when there is no such subscription).</exception>
    public virtual async Task<UnsubscribeResult> UnsubscribeAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var id = RequireId(subscriptionId, nameof(subscriptionId));
        return await _core.WithCallDeadlineAsync(id, UnsubscribeCoreAsync, cancellationToken).ConfigureAwait(false);
    }

    private async Task<UnsubscribeResult> UnsubscribeCoreAsync(string id, CancellationToken cancellationToken)
    {
        const string userId = CurrentUser.PathValue;
        var existing = await _core.Api.SmsInboundSubscriptions.GetInboundSubscriptionAsync(userId, id, cancellationToken).ConfigureAwait(false);
        await _core.Api.SmsInboundSubscriptions.DeleteInboundSubscriptionAsync(userId, id, cancellationToken).ConfigureAwait(false);

        var removed = existing.Subscription;
        var channelId = removed.CallbackReference?.NotifyUrl;
        if (string.IsNullOrEmpty(channelId))
        {
            return new UnsubscribeResult(removed, id, channelDeleted: false);
        }

        try
        {
            // Only a webhook channel is one this SDK creates; a websocket or push channel belongs to another client of
            // the same user (the vendor's browser SDK, a mobile app) and is left alone.
            var channel = await _core.Api.NotificationChannels.GetNotificationChannelAsync(userId, channelId, cancellationToken).ConfigureAwait(false);
            if (ToChannel(channel.NotificationChannel, 200).Kind != NotificationChannelKind.Webhook)
            {
                return new UnsubscribeResult(removed, id, channelDeleted: false);
            }

            await _core.Api.NotificationChannels.DeleteNotificationChannelAsync(userId, channelId, cancellationToken).ConfigureAwait(false);
            return new UnsubscribeResult(removed, id, channelDeleted: true);
        }
        catch (CpaasApiException ex) when (ex.StatusCode == 404)
        {
            return new UnsubscribeResult(removed, id, channelDeleted: true); // already gone
        }
        catch (CpaasApiException ex)
        {
            // The subscription is gone, which is what the caller asked for; a leftover channel is only logged.
            Log.ChannelCleanupFailed(_core.Logger, id, ex.StatusCode + " " + ex.ExceptionId);
            return new UnsubscribeResult(removed, id, channelDeleted: false);
        }
    }

    /// <summary>Lists the inbound-SMS subscriptions.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscriptions (empty when there are none).</returns>
    public virtual async Task<IReadOnlyList<Subscription>> GetSubscriptionsAsync(CancellationToken cancellationToken = default)
    {
        var response = await _core.Api.SmsInboundSubscriptions.ListInboundSubscriptionsAsync(CurrentUser.PathValue, cancellationToken).ConfigureAwait(false);
        var items = response.SubscriptionList.Subscription;
        if (items is null || items.Count == 0)
        {
            return Array.Empty<Subscription>();
        }

        var result = new Subscription[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ToSubscription(items[i]);
        }

        return result;
    }

    /// <summary>Gets one inbound-SMS subscription.</summary>
    /// <param name="subscriptionId">Its id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription.</returns>
    /// <exception cref="CpaasApiException">404 when there is no such subscription.</exception>
    public virtual async Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var id = RequireId(subscriptionId, nameof(subscriptionId));
        var response = await _core.Api.SmsInboundSubscriptions.GetInboundSubscriptionAsync(CurrentUser.PathValue, id, cancellationToken).ConfigureAwait(false);
        return ToSubscription(response.Subscription);
    }

    private static Subscription ToSubscription(InboundSubscription item) => new(item, SubscriptionIdOf(item, 200));

    /// <summary>A subscription's id, the last segment of its (required) resource URL; a typed error when it has none.</summary>
    private static string SubscriptionIdOf(InboundSubscription item, int status)
        => ResourceUrls.LastSegment(item.ResourceUrl)
            ?? throw new CpaasApiException(status, CpaasErrorKind.Unknown, null, null, hint: "The subscription in Kandy's answer has an empty resourceURL, so its id is unknown.") { MayHaveBeenProcessed = status == 201 };

    private async Task<bool> TryDeleteChannelAsync(string channelId)
    {
        try
        {
            // Not bound to the caller's token nor to the call's deadline: a cancelled or timed-out subscribe must still
            // clean up (the request's own timeout bounds it).
            await _core.Api.NotificationChannels.DeleteNotificationChannelAsync(CurrentUser.PathValue, channelId, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (CpaasApiException ex) when (ex.StatusCode == 404)
        {
            return true;
        }
        catch (CpaasApiException)
        {
            return false;
        }
    }
}
