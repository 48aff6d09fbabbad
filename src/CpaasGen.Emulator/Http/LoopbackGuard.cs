using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Cpaas.Emulator.Http;

/// <summary>
/// The emulator listens on 127.0.0.1 only; this keeps web pages out too. Its admin endpoints and inbox page are
/// unauthenticated and show message text and the credentials, so: a request whose <c>Host</c> is not a loopback name is
/// refused (a DNS-rebinding page reaches 127.0.0.1 under its own host name), and a state-changing request sent by a page of
/// another origin (<c>Origin</c>, <c>Sec-Fetch-Site</c>) is refused (cross-site request forgery: any site could otherwise
/// make the developer's browser POST a fake inbound SMS). Non-browser clients send neither header and are unaffected.
/// </summary>
internal static class LoopbackGuard
{
    public static Task CheckAsync(HttpContext ctx, RequestDelegate next)
    {
        var host = ctx.Request.Host;
        if (host.HasValue && !IsLoopbackName(host.Host))
        {
            return WireBody.WriteErrorAsync(ctx, Errors.ForeignHost(host.Host));
        }

        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method) && !HttpMethods.IsOptions(ctx.Request.Method))
        {
            var origin = ctx.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !string.Equals(origin, "http://" + host.Value, StringComparison.OrdinalIgnoreCase))
            {
                return WireBody.WriteErrorAsync(ctx, Errors.CrossSite(origin));
            }

            var site = ctx.Request.Headers["Sec-Fetch-Site"].ToString();
            if (site.Length > 0 && site is not ("same-origin" or "none"))
            {
                return WireBody.WriteErrorAsync(ctx, Errors.CrossSite(site));
            }
        }

        return next(ctx);
    }

    private static bool IsLoopbackName(string host)
        => host is "127.0.0.1" or "[::1]" or "::1" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
}
