// An ASP.NET Core app that sends and receives SMS, and pushes them live to its own pages (wwwroot/index.html).
// Secrets come from configuration: user-secrets or the environment (CpaasWebhooks__SharedSecret, LivePage__Password),
// never appsettings.json.
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cpaas;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

// begin-snippet: aspnetcore
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCpaasClient(builder.Configuration.GetSection("Cpaas"));             // appsettings.json "Cpaas" section
builder.Services.AddCpaasWebhooks(builder.Configuration.GetSection("CpaasWebhooks"));   // CpaasWebhooks:SharedSecret required
builder.Services.AddAuthorization().AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)   // your app's sign-in
    .AddCookie(o => o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = 401; return Task.CompletedTask; });
var app = builder.Build();
app.MapCpaasWebhook("/inbound-sms/webhook", handlers => handlers
    .OnInbound(sms => Console.WriteLine($"SMS from {sms.SenderAddress}: {sms.Message}")));
app.MapCpaasLiveFeed("/sms/live").RequireAuthorization();                               // …and live to signed-in users' pages
// end-snippet

// Sending from an endpoint: the client is a singleton from DI.
app.MapPost("/send", async (CpaasClient cpaas, SendRequest request, CancellationToken ct) =>
{
    var sent = await cpaas.Conversation.CreateMessageAsync(new CreateMessageRequest {
        DestinationAddress = [request.To], SenderAddress = "default", Message = request.Text }, ct);
    return Results.Ok(new SendResponse(sent.SenderAddress, sent.DeliveryInfo[0].DeliveryStatus.Value));
});

// The live page: wwwroot/index.html shows the conversation as the webhook receives it, from the live feed above (signed-in
// users only: the feed refuses to start without an authorization choice). Static HTML and vanilla JS, no build step.
app.UseDefaultFiles();
app.UseStaticFiles();

// A stand-in for your app's real sign-in: one password from configuration (LivePage:Password).
app.MapPost("/login", async (HttpContext http, LoginRequest login, IConfiguration configuration) =>
{
    var expected = configuration["LivePage:Password"];
    if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(login.Password ?? "")), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
    {
        return Results.Unauthorized();
    }

    var user = new ClaimsIdentity([new Claim(ClaimTypes.Name, "live-page")], CookieAuthenticationDefaults.AuthenticationScheme);
    await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(user));
    return Results.NoContent();
});

app.Run();

internal sealed record SendRequest(string To, string Text);

internal sealed record SendResponse(string? From, string Status);

internal sealed record LoginRequest(string? Password);
