// A consumer of the CpaasGen.Sdk and CpaasGen.Testing packages, as a user's test or tool would be.
// CI packs the packages into a local feed, restores this project from it, builds and runs it.
using Cpaas;
using Cpaas.Testing;

// begin-snippet: test-kit
using var kandy = CpaasMockServer.Start();                  // a local Kandy stand-in (WireMock), stubs from the spec
using var client = new CpaasClient(kandy.ClientOptions());  // options pointing at it, with its credentials

var sent = await client.Conversation.CreateMessageAsync(new CreateMessageRequest {
    DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "hi :)" });

Console.WriteLine($"sent from {sent.SenderAddress}: {sent.DeliveryInfo[0].DeliveryStatus}");
Console.WriteLine($"the server recorded {kandy.SentMessages.Count} message(s): \"{kandy.SentMessages[0].Text}\"");
// end-snippet

return sent.SenderAddress == kandy.DefaultNumber && kandy.SentMessages.Count == 1 ? 0 : 1;
