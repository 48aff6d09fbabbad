using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Numbers;
using Cpaas.Emulator.Sending;
using Cpaas.Emulator.State;
using Cpaas.Emulator.TwoFactor;
using Cpaas.Emulator.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpaas.Emulator.Admin;

/// <summary>
/// The unauthenticated <c>/emulator</c> admin endpoints (the emulator listens on 127.0.0.1 only): settings and
/// counters, a simulated inbound SMS, a number's unassignment, the webhook deliveries (URLs masked), and the two-factor
/// codes and the e-mails that carried them.
/// </summary>
internal sealed class AdminEndpoints(EmulatorState state, SmsTraffic traffic, NumberAssignments numbers, TwoFactorCodes codes, WebhookDispatcher dispatcher, ErrorShapeSwitch errorShape, Func<Uri> baseUrl)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/emulator", InfoAsync);
        app.MapPost("/emulator/inbound", SimulateInboundAsync);
        app.MapPost("/emulator/numbers/{number}/unassign", UnassignAsync);
        app.MapGet("/emulator/deliveries", DeliveriesAsync);
        app.MapGet("/emulator/codes", CodesAsync);
        app.MapGet("/emulator/emails", EmailsAsync);
    }

    private Task CodesAsync(HttpContext ctx)
    {
        var list = codes.Snapshot().Select(c => new CodeInfo(
            c.CodeId, c.ResourceUrl, c.Method, c.DestinationAddress, c.Code, c.Length, c.Type, c.IssuedAt.ToUnixTimeMilliseconds(),
            c.ExpiresAt.ToUnixTimeMilliseconds(), c.Status.ToString(), c.WrongAttempts, c.MaxAttempts, c.Sends, c.MessageId, c.EmailId)).ToList();
        return WireBody.WriteAsync(ctx, 200, JsonSerializer.SerializeToUtf8Bytes(new CodesInfo(list), AdminJson.Relaxed.CodesInfo));
    }

    private Task EmailsAsync(HttpContext ctx)
    {
        var list = codes.Emails().Select(e => new EmailInfo(e.EmailId, e.To, e.Subject, e.Body, e.CodeId, e.Timestamp.ToUnixTimeMilliseconds())).ToList();
        return WireBody.WriteAsync(ctx, 200, JsonSerializer.SerializeToUtf8Bytes(new EmailsInfo(list), AdminJson.Relaxed.EmailsInfo));
    }

    private Task InfoAsync(HttpContext ctx)
    {
        var o = state.Options;
        var (assigned, stored) = Snapshot();
        var info = new EmulatorInfo(baseUrl().GetLeftPart(UriPartial.Authority), o.UserId, o.ClientId, o.ClientSecret, o.Email, o.Password,
            assigned, assigned.Count > 0 ? assigned[0] : null, o.UndeliverableDestinations, o.MessageHistoryCap, stored,
            dispatcher.Pending, dispatcher.Dropped, o.WebhookBacklogPerUrl, errorShape.Shape.ToString(), o.DeliveryReceipts);
        return WireBody.WriteAsync(ctx, 200, JsonSerializer.SerializeToUtf8Bytes(info, AdminJson.Relaxed.EmulatorInfo));
    }

    private (System.Collections.Generic.IReadOnlyList<string> Numbers, int Stored) Snapshot()
    {
        lock (state.Gate)
        {
            return (state.Numbers.Snapshot(), state.History.Count);
        }
    }

    private async Task SimulateInboundAsync(HttpContext ctx)
    {
        InboundRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(ctx.Request.Body, AdminJson.Relaxed.InboundRequest, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            request = null;
        }

        var error = request is null ? Errors.InvalidInput("body")
            : !PhoneAddress.IsValid(request.From) ? Errors.InvalidInput("from")
            : !PhoneAddress.IsValid(request.To) ? Errors.InvalidInput("to")
            : string.IsNullOrEmpty(request.Message) ? Errors.InvalidInput("message")
            : null;
        if (error is not null)
        {
            await WireBody.WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }

        var to = PhoneAddress.Normalize(request!.To!);
        if (traffic.ReceiveInbound(request.From!, to, request.Message!) is not { } received)
        {
            await WireBody.WriteErrorAsync(ctx, Errors.DestinationNotOwned(to)).ConfigureAwait(false);
            return;
        }

        ctx.Response.Headers.Location = received.ResourceUrl;
        await WireBody.WriteAsync(ctx, 201, JsonSerializer.SerializeToUtf8Bytes(new InboundResult(received.MessageId, received.ResourceUrl), AdminJson.Relaxed.InboundResult)).ConfigureAwait(false);
    }

    private Task UnassignAsync(HttpContext ctx)
    {
        var number = ApiPipeline.AddressRoute(ctx, "number");
        return numbers.Unassign(number) is { } cancelled
            ? WireBody.WriteAsync(ctx, 200, JsonSerializer.SerializeToUtf8Bytes(new UnassignResult(number, cancelled), AdminJson.Relaxed.UnassignResult))
            : WireBody.WriteErrorAsync(ctx, Errors.NotFound(ApiPipeline.PathOf(ctx)));
    }

    private Task DeliveriesAsync(HttpContext ctx)
    {
        var deliveries = dispatcher.Snapshot().Select(d => new DeliveryInfo(
            d.Timestamp.ToUnixTimeMilliseconds(), d.WebhookUrl, d.ChannelId, d.SubscriptionId, d.NotificationType, d.NotificationId,
            d.Attempt, d.MaxAttempts, d.StatusCode, d.Error, d.Outcome.ToString())).ToList();
        var webhooks = dispatcher.Backlogs().Select(b => new WebhookInfo(b.MaskedUrl, b.Pending, b.Dropped)).ToList();
        var body = new DeliveriesInfo(dispatcher.Pending, dispatcher.Dropped, webhooks, deliveries);
        return WireBody.WriteAsync(ctx, 200, JsonSerializer.SerializeToUtf8Bytes(body, AdminJson.Relaxed.DeliveriesInfo));
    }
}
