using System;
using System.Text.Json;

namespace Cpaas.AspNetCore.Tests;

/// <summary>Webhook bodies in Kandy's wire shapes, with fresh ids.</summary>
internal static class Notifications
{
    public const string ProjectNumber = "+16135550100";
    public const string OtherProjectNumber = "+16135550101";
    public const string Friend = "+16131234567";

    public static string Inbound(string text, string to = ProjectNumber, string from = Friend, string? id = null)
        => Sms("inboundSMSMessageNotification", "inboundSMSMessage", text, to, from, id);

    public static string Outbound(string text, string from = ProjectNumber, string to = Friend, string? id = null)
        => Sms("outboundSMSMessageNotification", "outboundSMSMessage", text, to, from, id);

    public static string Cancellation(string? id = null)
        => "{\"smsSubscriptionCancellationNotification\":{\"link\":[{\"href\":\"/cpaas/smsmessaging/v1/u/inbound/subscriptions/sub-1\",\"rel\":\"Subscription\"}],\"dateTime\":1525895987000,\"id\":\"" + (id ?? Guid.NewGuid().ToString()) + "\"}}";

    private static string Sms(string key, string inner, string text, string to, string from, string? id)
        => "{\"" + key + "\":{\"" + inner + "\":{\"dateTime\":1525895987000,\"destinationAddress\":" + JsonSerializer.Serialize(to)
           + ",\"message\":" + JsonSerializer.Serialize(text) + ",\"messageId\":\"SM" + Guid.NewGuid().ToString("N") + "\",\"senderAddress\":" + JsonSerializer.Serialize(from)
           + "},\"dateTime\":1525895987000,\"id\":\"" + (id ?? Guid.NewGuid().ToString()) + "\"}}";
}
