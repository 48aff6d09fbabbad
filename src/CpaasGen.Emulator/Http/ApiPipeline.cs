using System;
using System.Threading.Tasks;
using Cpaas.Emulator.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cpaas.Emulator.Http;

/// <summary>
/// What every request goes through: doubled slashes collapsed, exceptions and routing misses turned into error bodies,
/// and the bearer-token check of the API operations.
/// </summary>
internal sealed partial class ApiPipeline(TokenService tokens, ILogger logger)
{
    /// <summary>
    /// Collapses runs of '/' in the path (<c>//cpaas/auth/v1/token</c>, what a client that joins a base URL ending in
    /// '/' with an absolute path sends) before routing.
    /// </summary>
    public static Task NormalizePathAsync(HttpContext ctx, RequestDelegate next)
    {
        var path = ctx.Request.Path.Value;
        if (path is not null && path.Contains("//", StringComparison.Ordinal))
        {
            var collapsed = path;
            while (collapsed.Contains("//", StringComparison.Ordinal))
            {
                collapsed = collapsed.Replace("//", "/", StringComparison.Ordinal);
            }

            ctx.Request.Path = new PathString(collapsed);
        }

        return next(ctx);
    }

    /// <summary>
    /// Outermost middleware: turns exceptions into error bodies (never a stack trace) and gives the bodiless 404 (no
    /// route) and 405 (route exists, other method) answers of routing a serviceException body.
    /// </summary>
    public async Task HandleErrorsAsync(HttpContext ctx, RequestDelegate next)
    {
        try
        {
            await next(ctx).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            if (!ctx.Response.HasStarted)
            {
                ctx.Response.Clear();
                await WireBody.WriteErrorAsync(ctx, Errors.InvalidInput("body", ex.StatusCode)).ConfigureAwait(false);
            }

            return;
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Log.UnhandledException(logger, ex, ctx.Request.Method, PathOf(ctx), ctx.TraceIdentifier);
            if (!ctx.Response.HasStarted)
            {
                ctx.Response.Clear();
                await WireBody.WriteErrorAsync(ctx, Errors.Internal(ctx.TraceIdentifier)).ConfigureAwait(false);
            }

            return;
        }

        if (!ctx.Response.HasStarted)
        {
            if (ctx.Response.StatusCode == StatusCodes.Status404NotFound && ctx.GetEndpoint() is null)
            {
                await WireBody.WriteErrorAsync(ctx, Errors.NotFound(PathOf(ctx))).ConfigureAwait(false);
            }
            else if (ctx.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            {
                await WireBody.WriteErrorAsync(ctx, Errors.MethodNotAllowed(ctx.Request.Method, PathOf(ctx))).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Wraps an API handler: a valid bearer token of the path's <c>{userId}</c> is required.</summary>
    public RequestDelegate Authorized(RequestDelegate handler) => ctx =>
    {
        var pathUser = Route(ctx, "userId");
        if (!tokens.TryValidate(ctx.Request.Headers.Authorization, out var tokenUser, out var failure))
        {
            ctx.Response.Headers.WWWAuthenticate = failure == TokenService.MissingToken
                ? "Bearer realm=\"cpaas\""
                : $"Bearer realm=\"cpaas\", error=\"invalid_token\", error_description=\"{failure}\"";
            return WireBody.WriteErrorAsync(ctx, Errors.Unauthorized(failure));
        }

        return string.Equals(tokenUser, pathUser, StringComparison.Ordinal)
            ? handler(ctx)
            : WireBody.WriteErrorAsync(ctx, Errors.WrongUser(tokenUser, pathUser));
    };

    public static string Route(HttpContext ctx, string name) => ctx.Request.RouteValues[name] as string ?? "";

    /// <summary>A route value holding an address, in its thread-key form (<see cref="PhoneAddress.Normalize"/>; as sent when it is no address).</summary>
    public static string AddressRoute(HttpContext ctx, string name)
    {
        var value = Route(ctx, name);
        return PhoneAddress.TryNormalize(value, out var normalized) ? normalized : value;
    }

    public static string PathOf(HttpContext ctx) => ctx.Request.Path.Value ?? "/";

    private static partial class Log
    {
        [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path} (trace id {TraceId})")]
        public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path, string traceId);
    }
}
