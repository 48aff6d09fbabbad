using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace CpaasGen.Benchmarks.Contenders;

/// <summary>
/// The floor: what a careful developer writes by hand with no SDK. Raw <see cref="HttpClient"/>, hand-written DTOs
/// with only the members the calls use, and System.Text.Json's source generator (<see cref="FloorJson"/>); request
/// bodies serialized to a byte array (<c>SerializeToUtf8Bytes</c> + <see cref="ByteArrayContent"/>, so the request has a
/// Content-Length; <c>JsonContent</c> would send it chunked), responses streamed with <c>ReadFromJsonAsync</c> and
/// <see cref="HttpCompletionOption.ResponseHeadersRead"/>. A static bearer token (no token management), no error
/// mapping beyond <c>EnsureSuccessStatusCode</c>, no logging, metrics or timeouts (its HttpClient has an infinite
/// timeout). Path values are the known-safe benchmark inputs, so they are not escaped.
/// </summary>
public sealed class FloorClient
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly string _authorization;

    public FloorClient(HttpClient http, Uri baseUrl, string accessToken)
    {
        _http = http;
        _baseUrl = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _authorization = "Bearer " + accessToken;
    }

    public async Task<FloorSendResponseBody> SendAsync(string userId, string sender, FloorSendRequestBody body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _baseUrl + "/cpaas/smsmessaging/v1/" + userId + "/outbound/" + sender + "/requests")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, FloorJson.Default.FloorSendRequestBody)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return (await SendAsync(request, FloorJson.Default.FloorSendResponseBody, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<FloorSubscriptionListBody> ListSubscriptionsAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + "/cpaas/smsmessaging/v1/" + userId + "/inbound/subscriptions");
        return (await SendAsync(request, FloorJson.Default.FloorSubscriptionListBody, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<FloorMessageListBody> ListMessagesAsync(string userId, string remoteAddress, string localAddress, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _baseUrl + "/cpaas/smsmessaging/v1/" + userId + "/remoteAddresses/" + remoteAddress + "/localAddresses/" + localAddress + "/messages");
        return (await SendAsync(request, FloorJson.Default.FloorMessageListBody, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<T?> SendAsync<T>(HttpRequestMessage request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FloorSendRequestBody))]
[JsonSerializable(typeof(FloorSendResponseBody))]
[JsonSerializable(typeof(FloorSubscriptionListBody))]
[JsonSerializable(typeof(FloorMessageListBody))]
public sealed partial class FloorJson : JsonSerializerContext
{
}

public sealed class FloorSendRequestBody
{
    [JsonPropertyName("outboundSMSMessageRequest")]
    public required FloorSendRequest OutboundSmsMessageRequest { get; init; }
}

public sealed class FloorSendRequest
{
    [JsonPropertyName("address")]
    public required List<string> Address { get; init; }

    [JsonPropertyName("clientCorrelator")]
    public string? ClientCorrelator { get; init; }

    [JsonPropertyName("outboundSMSTextMessage")]
    public required FloorTextMessage OutboundSmsTextMessage { get; init; }
}

public sealed class FloorTextMessage
{
    [JsonPropertyName("message")]
    public required string Message { get; init; }
}

public sealed class FloorSendResponseBody
{
    [JsonPropertyName("outboundSMSMessageRequest")]
    public FloorSendResult? OutboundSmsMessageRequest { get; set; }
}

public sealed class FloorSendResult
{
    [JsonPropertyName("address")]
    public List<string>? Address { get; set; }

    [JsonPropertyName("clientCorrelator")]
    public string? ClientCorrelator { get; set; }

    [JsonPropertyName("deliveryInfoList")]
    public FloorDeliveryInfoList? DeliveryInfoList { get; set; }

    [JsonPropertyName("outboundSMSTextMessage")]
    public FloorTextMessage? OutboundSmsTextMessage { get; set; }

    [JsonPropertyName("resourceURL")]
    public string? ResourceUrl { get; set; }

    [JsonPropertyName("senderAddress")]
    public string? SenderAddress { get; set; }
}

public sealed class FloorDeliveryInfoList
{
    [JsonPropertyName("deliveryInfo")]
    public List<FloorDeliveryInfo>? DeliveryInfo { get; set; }

    [JsonPropertyName("resourceURL")]
    public string? ResourceUrl { get; set; }
}

public sealed class FloorDeliveryInfo
{
    [JsonPropertyName("address")]
    public string? Address { get; set; }

    [JsonPropertyName("destinationAddress")]
    public string? DestinationAddress { get; set; }

    [JsonPropertyName("deliveryStatus")]
    public string? DeliveryStatus { get; set; }
}

public sealed class FloorSubscriptionListBody
{
    [JsonPropertyName("subscriptionList")]
    public FloorSubscriptionList? SubscriptionList { get; set; }
}

public sealed class FloorSubscriptionList
{
    [JsonPropertyName("resourceURL")]
    public string? ResourceUrl { get; set; }

    [JsonPropertyName("subscription")]
    public List<FloorSubscription>? Subscription { get; set; }
}

public sealed class FloorSubscription
{
    [JsonPropertyName("callbackReference")]
    public FloorCallbackReference? CallbackReference { get; set; }

    [JsonPropertyName("clientCorrelator")]
    public string? ClientCorrelator { get; set; }

    [JsonPropertyName("destinationAddress")]
    public string? DestinationAddress { get; set; }

    [JsonPropertyName("resourceURL")]
    public string? ResourceUrl { get; set; }
}

public sealed class FloorCallbackReference
{
    [JsonPropertyName("notifyURL")]
    public string? NotifyUrl { get; set; }
}

public sealed class FloorMessageListBody
{
    [JsonPropertyName("smsMessageList")]
    public FloorMessageList? SmsMessageList { get; set; }
}

public sealed class FloorMessageList
{
    [JsonPropertyName("smsMessage")]
    public List<FloorMessage>? SmsMessage { get; set; }

    [JsonPropertyName("resourceURL")]
    public string? ResourceUrl { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }
}

public sealed class FloorMessage
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("dateTime")]
    public long? DateTime { get; set; }

    [JsonPropertyName("resourceURL")]
    public string? ResourceUrl { get; set; }
}
