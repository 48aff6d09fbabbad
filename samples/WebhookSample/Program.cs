// An ASP.NET Core app that sends and receives SMS with six lines of setup.
// The webhook's shared secret comes from configuration: user-secrets or CpaasWebhooks__SharedSecret (never appsettings.json).
using Cpaas;

// begin-snippet: aspnetcore
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCpaasClient(builder.Configuration.GetSection("Cpaas"));             // appsettings.json "Cpaas" section
builder.Services.AddCpaasWebhooks(builder.Configuration.GetSection("CpaasWebhooks"));   // CpaasWebhooks:SharedSecret required
var app = builder.Build();
app.MapCpaasWebhook("/inbound-sms/webhook", handlers => handlers
    .OnInbound(sms => Console.WriteLine($"SMS from {sms.SenderAddress}: {sms.Message}")));
// end-snippet

// Sending from an endpoint: the client is a singleton from DI.
app.MapPost("/send", async (CpaasClient cpaas, SendRequest request, CancellationToken ct) =>
{
    var sent = await cpaas.Conversation.CreateMessageAsync(new CreateMessageRequest {
        DestinationAddress = [request.To], SenderAddress = "default", Message = request.Text }, ct);
    return Results.Ok(new SendResponse(sent.SenderAddress, sent.DeliveryInfo[0].DeliveryStatus.Value));
});

app.Run();

internal sealed record SendRequest(string To, string Text);

internal sealed record SendResponse(string? From, string Status);
