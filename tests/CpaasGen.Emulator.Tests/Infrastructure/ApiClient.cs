using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Emulator.Tests.Infrastructure;

/// <summary>An answer of the emulator.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, string? ContentType)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>Asserts a requestError body of the given kind and id, and returns the exception object.</summary>
    public JsonObject AssertRequestError(HttpStatusCode status, string kind, string messageId)
    {
        Assert.True(status == Status, $"expected {(int)status}, got {(int)Status}: {Body}");
        Assert.Equal("application/json", ContentType);
        var requestError = Json["requestError"]!.AsObject();
        Assert.Equal([kind], requestError.Select(p => p.Key));
        var exception = requestError[kind]!.AsObject();
        Assert.Equal(messageId, (string?)exception["messageId"]);
        JsonAssertions.AssertKeys(exception, "messageId", "text", "variables");
        return exception;
    }
}

/// <summary>A plain HttpClient talking to one emulator (not the SDK).</summary>
public sealed class ApiClient : IDisposable
{
    public ApiClient(CpaasEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseUrl };
        UserId = emulator.Options.UserId;
    }

    public CpaasEmulator Emulator { get; }
    public HttpClient Http { get; }
    public string UserId { get; }
    public string Sms => $"/cpaas/smsmessaging/v1/{UserId}";
    public string Channels => $"/cpaas/notificationchannel/v1/{UserId}/channels";

    public static async Task<ApiClient> ConnectAsync(CpaasEmulator emulator)
    {
        var client = new ApiClient(emulator);
        var token = await client.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = emulator.Options.ClientId,
            ["client_secret"] = emulator.Options.ClientSecret,
            ["scope"] = "openid",
        });
        Assert.Equal(HttpStatusCode.OK, token.Status);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)token.Json["access_token"]!);
        return client;
    }

    public async Task<ApiResponse> TokenAsync(Dictionary<string, string> form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cpaas/auth/v1/token") { Content = new FormUrlEncodedContent(form) };
        return await SendAsync(request);
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public Task<ApiResponse> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, string? json = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return await SendAsync(request);
    }

    private async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, body, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    // ---- Scenario helpers --------------------------------------------------------------------------------------

    public static JsonObject SmsBody(string message, params string[] addresses) => new()
    {
        ["outboundSMSMessageRequest"] = new JsonObject
        {
            ["address"] = new JsonArray([.. addresses.Select(a => (JsonNode)JsonValue.Create(a))]),
            ["clientCorrelator"] = "PRIV-emulator-csharp",
            ["outboundSMSTextMessage"] = new JsonObject { ["message"] = message },
        },
    };

    public async Task<JsonObject> SendSmsAsync(string sender, string destination, string message)
    {
        var response = await PostAsync($"{Sms}/outbound/{sender}/requests", SmsBody(message, destination));
        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
        return response.Json["outboundSMSMessageRequest"]!.AsObject();
    }

    public async Task<string> CreateChannelAsync(string webhookUrl, string? authorization = null)
    {
        var data = new JsonObject { ["x-webhookURL"] = webhookUrl };
        if (authorization is not null)
        {
            data["x-authorization"] = authorization;
        }
        var response = await PostAsync(Channels, new JsonObject
        {
            ["notificationChannel"] = new JsonObject
            {
                ["channelData"] = data,
                ["channelType"] = "webhooks",
                ["clientCorrelator"] = "PRIV-emulator-csharp",
            },
        });
        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
        return (string)response.Json["notificationChannel"]!["callbackURL"]!;
    }

    public async Task<ApiResponse> SubscribeAsync(string channelId, string? destination)
    {
        var subscription = new JsonObject
        {
            ["callbackReference"] = new JsonObject { ["notifyURL"] = channelId },
            ["clientCorrelator"] = "PRIV-emulator-csharp",
        };
        if (destination is not null)
        {
            subscription["destinationAddress"] = destination;
        }
        return await PostAsync($"{Sms}/inbound/subscriptions", new JsonObject { ["subscription"] = subscription });
    }

    /// <summary>Channel + subscription for <paramref name="number"/> delivering to <paramref name="webhookUrl"/>; returns the subscription id.</summary>
    public async Task<string> SubscribeWebhookAsync(string webhookUrl, string number, string? authorization = null)
    {
        var channel = await CreateChannelAsync(webhookUrl, authorization);
        var response = await SubscribeAsync(channel, number);
        Assert.True(response.Status == HttpStatusCode.Created, response.Body);
        return ((string)response.Json["subscription"]!["resourceURL"]!).Split('/').Last();
    }

    public void Dispose() => Http.Dispose();
}

public static class JsonAssertions
{
    /// <summary>Asserts the exact member names of a JSON object (order-insensitive).</summary>
    public static void AssertKeys(JsonNode? node, params string[] keys)
    {
        Assert.NotNull(node);
        Assert.Equal(keys.Order(StringComparer.Ordinal), node.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}
