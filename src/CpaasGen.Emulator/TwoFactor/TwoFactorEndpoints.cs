using System;
using System.Threading.Tasks;
using Cpaas.Emulator.Http;
using Cpaas.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cpaas.Emulator.TwoFactor;

/// <summary>
/// <c>/cpaas/auth/v1/{userId}/codes</c>: send (POST, 201), resend (PUT <c>…/{codeId}</c>, 200), verify (PUT
/// <c>…/{codeId}/verify</c>, 204 verified / 403 not), delete (DELETE <c>…/{codeId}</c>, 204). Bodies are read and written
/// by the models generated from the spec; what the schema cannot say (one destination, the ranges, <c>{code}</c>, a
/// subject for e-mail) is checked here, each refusal naming the member.
/// </summary>
internal sealed class TwoFactorEndpoints(TwoFactorCodes codes, ApiPipeline pipeline)
{
    private const string Codes = "/cpaas/auth/v1/{userId}/codes";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Codes, pipeline.Authorized(SendAsync));
        app.MapPut(Codes + "/{codeId}", pipeline.Authorized(ResendAsync));
        app.MapDelete(Codes + "/{codeId}", pipeline.Authorized(ctx => WireBody.WriteAsync(ctx, codes.Delete(ApiPipeline.Route(ctx, "codeId"), ApiPipeline.PathOf(ctx)) is { } error ? error : ApiResult.NoContent)));
        app.MapPut(Codes + "/{codeId}/verify", pipeline.Authorized(VerifyAsync));
    }

    private async Task SendAsync(HttpContext ctx)
    {
        var (order, error) = await ReadOrderAsync(ctx).ConfigureAwait(false);
        var (code, refused) = error is null ? codes.Send(order!) : (null, error);
        await WireBody.WriteAsync(ctx, refused ?? new ApiResult(201, Answer(code!), Location: code!.ResourceUrl)).ConfigureAwait(false);
    }

    private async Task ResendAsync(HttpContext ctx)
    {
        var (order, error) = await ReadOrderAsync(ctx).ConfigureAwait(false);
        var (code, refused) = error is null ? codes.Resend(ApiPipeline.Route(ctx, "codeId"), order!, ApiPipeline.PathOf(ctx)) : (null, error);
        await WireBody.WriteAsync(ctx, refused ?? new ApiResult(200, Answer(code!))).ConfigureAwait(false);
    }

    private async Task VerifyAsync(HttpContext ctx)
    {
        var (body, _, error) = await WireBody.ReadAsync(ctx, TwoFactorCodeVerificationBody.ReadFrom).ConfigureAwait(false);
        if (error is null && string.IsNullOrWhiteSpace(body!.Code.Verify))
        {
            error = Errors.InvalidInput("verify");
        }

        if (error is not null)
        {
            await WireBody.WriteErrorAsync(ctx, error).ConfigureAwait(false);
            return;
        }

        var (verified, missing) = codes.Verify(ApiPipeline.Route(ctx, "codeId"), body!.Code.Verify, ApiPipeline.PathOf(ctx));
        await WireBody.WriteAsync(ctx, missing ?? (verified ? ApiResult.NoContent : Errors.CodeInvalidOrExpired())).ConfigureAwait(false);
    }

    private static TwoFactorCodeResponseBody Answer(TwoFactorCodeRecord code)
        => new() { Code = new TwoFactorCode { ResourceUrl = code.ResourceUrl } };

    /// <summary>The sendCode / resendCode body as an order, or the refusal naming the member at fault.</summary>
    private static async Task<(CodeOrder? Order, ApiError? Error)> ReadOrderAsync(HttpContext ctx)
    {
        var (body, _, error) = await WireBody.ReadAsync(ctx, TwoFactorCodeRequestBody.ReadFrom).ConfigureAwait(false);
        if (error is not null)
        {
            return (null, error);
        }

        var request = body!.Code;
        var method = request.Method.Value.ToLowerInvariant();
        if (method is not ("sms" or "email"))
        {
            return (null, Errors.InvalidValue("method", "sms, email"));
        }

        // The vendor documents one destination per request.
        if (request.Address.Count != 1 || request.Address[0] is not { } address
            || !(method == "email" ? EmailAddress.IsValid(address) : PhoneAddress.IsValid(address)))
        {
            return (null, Errors.InvalidInput("address"));
        }

        // format, its members and expiry are optional, with the vendor's defaults (the official .NET SDK sends "format":{}).
        var length = request.Format?.Length ?? 6;
        if (length is < 4 or > 10)
        {
            return (null, Errors.InvalidInput("length"));
        }

        var type = request.Format?.Type?.Value.ToLowerInvariant() ?? CodeGenerator.Numeric;
        if (type is not (CodeGenerator.Numeric or CodeGenerator.Alphanumeric or CodeGenerator.Alphabetic))
        {
            return (null, Errors.InvalidValue("type", "numeric, alphanumeric, alphabetic"));
        }

        var expiry = request.Expiry ?? 120;
        if (expiry is < 30 or > 3600)
        {
            return (null, Errors.InvalidInput("expiry"));
        }

        if (!request.Message.Contains("{code}", StringComparison.Ordinal))
        {
            return (null, Errors.InvalidInput("message"));
        }

        string? subject = null;
        if (method == "email")
        {
            if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.AsSpan().IndexOfAnyInRange('\0', '\u001F') >= 0)
            {
                return (null, Errors.InvalidInput("subject"));
            }

            subject = request.Subject;
        }

        var destination = method == "email" ? address.Trim() : PhoneAddress.Normalize(address.Trim());
        return (new CodeOrder(destination, method, length, type, expiry, request.Message, subject), null);
    }
}
