using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Cpaas.Emulator.History;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.State;
using Cpaas.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpaas.Emulator.Sending;

using DeliveryStatus = Cpaas.Emulator.Wire.DeliveryStatus;
using DeliveryInfo = Cpaas.Emulator.Wire.DeliveryInfo;
using DeliveryInfoList = Cpaas.Emulator.Wire.DeliveryInfoList;

/// <summary>
/// <c>POST …/outbound/{senderAddress}/requests</c>, and the two URLs its answer hands out in the fixture's shapes:
/// <c>…/remoteAddresses/{sender}/messages/{id}</c> and <c>…/remoteAddresses/{destination}/messages/{id}/deliveryInfos</c>.
/// </summary>
internal sealed class SendEndpoints(EmulatorState state, SmsTraffic traffic, ApiPipeline pipeline)
{
    private const string Sms = "/cpaas/smsmessaging/v1/{userId}";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Sms + "/outbound/{senderAddress}/requests", pipeline.Authorized(SendAsync));
        app.MapGet(Sms + "/remoteAddresses/{address}/messages/{messageId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, SentMessage(ctx))));
        app.MapGet(Sms + "/remoteAddresses/{address}/messages/{messageId}/deliveryInfos", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, DeliveryInfos(ctx))));
    }

    private async Task SendAsync(HttpContext ctx)
    {
        var (body, json, error) = await WireBody.ReadAsync(ctx, OutboundSmsMessageRequestBody.ReadFrom).ConfigureAwait(false);
        var request = body?.OutboundSmsMessageRequest;
        if (error is null)
        {
            if (request!.Address.Count == 0 || request.Address.Any(a => !PhoneAddress.IsValid(a)))
            {
                error = Errors.InvalidInput("address");
            }
            else if (string.IsNullOrEmpty(request.OutboundSmsTextMessage.Message))
            {
                error = Errors.InvalidInput("message");
            }
        }

        if (error is not null)
        {
            await WireBody.WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }

        var (sent, refused) = traffic.Send(ApiPipeline.Route(ctx, "senderAddress"), request!.Address, request.OutboundSmsTextMessage.Message);
        if (refused is not null)
        {
            await WireBody.WriteErrorAsync(ctx, refused).ConfigureAwait(false);
            return;
        }

        var firstRemote = PhoneAddress.Normalize(request.Address[0]);
        var result = new OutboundSmsMessageResult
        {
            Address = [.. request.Address],
            ClientCorrelator = Correlator.Of(request.ClientCorrelator, json)?.AsString,
            DeliveryInfoList = DeliveryInfoList(sent!.Destinations, state.Paths.DeliveryInfos(firstRemote, sent.MessageId)),
            OutboundSmsTextMessage = new OutboundSmsTextMessage { Message = request.OutboundSmsTextMessage.Message },
            ResourceUrl = state.Paths.SentMessage(sent.Sender, sent.MessageId),
            SenderAddress = sent.Sender,
        };
        Correlator.Of(request.ClientCorrelator, json)?.AddTo(result);
        await WireBody.WriteAsync(ctx, new ApiResult(201, new OutboundSmsMessageResponseBody { OutboundSmsMessageRequest = result },
            Location: state.Paths.Message(firstRemote, sent.Sender, sent.MessageId))).ConfigureAwait(false);
    }

    /// <summary>The send answer's <c>resourceURL</c>: the message, found by id from either of its addresses.</summary>
    private ApiResult SentMessage(HttpContext ctx)
    {
        lock (state.Gate)
        {
            return Find(ctx) is { } message
                ? new ApiResult(200, new SmsMessageResponseBody { SmsMessage = HistoryEndpoints.ToWire(state.Paths, message) })
                : Errors.NotFound(ApiPipeline.PathOf(ctx));
        }
    }

    /// <summary>The send answer's <c>deliveryInfoList.resourceURL</c>: the send's per-destination statuses.</summary>
    private ApiResult DeliveryInfos(HttpContext ctx)
    {
        lock (state.Gate)
        {
            return Find(ctx) is { SentTo: { } sentTo }
                ? new ApiResult(200, new KeyedModel("deliveryInfoList", DeliveryInfoList(sentTo, ApiPipeline.PathOf(ctx))))
                : Errors.NotFound(ApiPipeline.PathOf(ctx));
        }
    }

    private StoredMessage? Find(HttpContext ctx)
    {
        var address = ApiPipeline.AddressRoute(ctx, "address");
        return state.History.Copies(ApiPipeline.Route(ctx, "messageId")).FirstOrDefault(m => m.Remote == address || m.Local == address);
    }

    private static DeliveryInfoList DeliveryInfoList(IReadOnlyList<SentTo> destinations, string resourceUrl) => new()
    {
        DeliveryInfo = [.. destinations.Select(d => new DeliveryInfo { Address = d.Address, DeliveryStatus = new DeliveryStatus(d.DeliveryStatus) })],
        ResourceUrl = resourceUrl,
    };
}
