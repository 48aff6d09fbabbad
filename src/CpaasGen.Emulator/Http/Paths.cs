namespace Cpaas.Emulator.Http;

/// <summary>
/// The resource URLs (paths relative to the base URL) the emulator hands out, in the fixtures' shapes. Every one of them
/// is served (see README.md, "Every URL resolves").
/// </summary>
internal sealed class Paths(string userId)
{
    public string Channels { get; } = $"/cpaas/notificationchannel/v1/{userId}/channels";
    public string Subscriptions { get; } = $"/cpaas/smsmessaging/v1/{userId}/inbound/subscriptions";
    public string Threads { get; } = $"/cpaas/smsmessaging/v1/{userId}/remoteAddresses";
    public string Codes { get; } = $"/cpaas/auth/v1/{userId}/codes";

    public string Channel(string channelId) => $"{Channels}/{channelId}";
    public string Subscription(string subscriptionId) => $"{Subscriptions}/{subscriptionId}";
    public string Code(string codeId) => $"{Codes}/{codeId}";
    public string ThreadsWith(string remote) => $"{Threads}/{remote}";
    public string Thread(string remote, string local) => $"{Threads}/{remote}/localAddresses/{local}";
    public string Messages(string remote, string local) => $"{Thread(remote, local)}/messages";
    public string Message(string remote, string local, string messageId) => $"{Messages(remote, local)}/{messageId}";

    /// <summary>The send response's resourceURL: <c>…/remoteAddresses/{sender}/messages/{id}</c>, as in the fixture.</summary>
    public string SentMessage(string sender, string messageId) => $"{Threads}/{sender}/messages/{messageId}";

    /// <summary>The send response's deliveryInfoList.resourceURL: <c>…/remoteAddresses/{destination}/messages/{id}/deliveryInfos</c>.</summary>
    public string DeliveryInfos(string destination, string messageId) => $"{Threads}/{destination}/messages/{messageId}/deliveryInfos";
}
