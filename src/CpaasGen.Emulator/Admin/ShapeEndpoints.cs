using System;
using System.Text.Json;
using System.Threading.Tasks;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpaas.Emulator.Admin;

/// <summary>
/// The admin endpoints for the shapes the real server sends beyond the documented fixtures: another client's websocket or
/// push subscription (<c>POST /emulator/subscriptions</c>) and the error body shape fault switch
/// (<c>PUT /emulator/error-body-shape</c>).
/// </summary>
internal sealed class ShapeEndpoints(OtherClients otherClients, ErrorShapeSwitch errorShape)
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/emulator/subscriptions", SubscribeOtherClientAsync);
        app.MapPut("/emulator/error-body-shape", SetErrorShapeAsync);
    }

    /// <summary>The <c>channelType</c> names of the kinds another client can have.</summary>
    public static NotificationChannelKind? KindOf(string? channelType) => channelType?.ToUpperInvariant() switch
    {
        "WEBSOCKETS" => NotificationChannelKind.WebSocket,
        "OMAPUSH" => NotificationChannelKind.Push,
        _ => null,
    };

    private async Task SubscribeOtherClientAsync(HttpContext ctx)
    {
        var request = await ReadAsync(ctx, AdminJson.Relaxed.OtherClientRequest).ConfigureAwait(false);
        if (request is null)
        {
            await WireBody.WriteErrorAsync(ctx, Errors.InvalidInput("body")).ConfigureAwait(false);
            return;
        }

        var (created, error) = KindOf(request.ChannelType) is { } kind
            ? otherClients.Subscribe(kind, request.DestinationAddress)
            : (null, Errors.InvalidValue("channelType", "Websockets, OMAPush"));
        if (error is not null)
        {
            await WireBody.WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }

        await WireBody.WriteAsync(ctx, 201, JsonSerializer.SerializeToUtf8Bytes(new OtherClientResult(created!.ChannelId, created.SubscriptionId), AdminJson.Relaxed.OtherClientResult)).ConfigureAwait(false);
    }

    private async Task SetErrorShapeAsync(HttpContext ctx)
    {
        var request = await ReadAsync(ctx, AdminJson.Relaxed.ErrorShapeRequest).ConfigureAwait(false);
        if (request?.Shape is not { Length: > 0 } || !char.IsAsciiLetter(request.Shape[0]) || !Enum.TryParse<ErrorBodyShape>(request.Shape, ignoreCase: true, out var shape) || !Enum.IsDefined(shape))
        {
            await WireBody.WriteErrorAsync(ctx, Errors.InvalidValue("shape", string.Join(", ", Enum.GetNames<ErrorBodyShape>()))).ConfigureAwait(false);
            return;
        }

        errorShape.Shape = shape;
        await WireBody.WriteAsync(ctx, 200, JsonSerializer.SerializeToUtf8Bytes(new ErrorShapeRequest(shape.ToString()), AdminJson.Relaxed.ErrorShapeRequest)).ConfigureAwait(false);
    }

    private static async Task<T?> ReadAsync<T>(HttpContext ctx, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(ctx.Request.Body, type, ctx.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
