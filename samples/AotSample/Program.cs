// A NativeAOT console app on CpaasGen.Sdk: CI publishes it with PublishAot=true (zero trim/AOT warnings allowed)
// and runs the native binary against a local Kandy emulator (`cpaas emulator`).
using Cpaas;

var baseUrl = Environment.GetEnvironmentVariable("CPAAS_BASE_URL") ?? "http://127.0.0.1:7070";
using var client = new CpaasClient(new CpaasClientOptions {
    BaseUrl = new Uri(baseUrl),
    ClientId = Environment.GetEnvironmentVariable("CPAAS_CLIENT_ID") ?? "PRIV-emulator",
    ClientSecret = Environment.GetEnvironmentVariable("CPAAS_CLIENT_SECRET") ?? "emulator-secret" });

try
{
    var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest {
        DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "hi from NativeAOT" });
    Console.WriteLine($"sent from {sent.SenderAddress}: {sent.DeliveryInfo[0].DeliveryStatus} (message {sent.MessageId})");

    var inbound = Notification.Parse("""{"inboundSMSMessageNotification":{"inboundSMSMessage":{"dateTime":1568889113850,"destinationAddress":"+16139998877","message":"hi :)","messageId":"SM1","senderAddress":"+16131234567"},"dateTime":1568889114122,"id":"n-1"}}""");
    Console.WriteLine($"parsed {inbound.Kind} notification {inbound.NotificationId}");
    return sent.SenderAddress is { Length: > 0 } && inbound is InboundSmsNotification ? 0 : 1;
}
catch (CpaasApiException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
