using System;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// Never follows a redirect. A 3xx answer is a <see cref="CpaasApiException"/> of kind <see cref="CpaasErrorKind.Redirect"/>
/// naming the status and the Location's host: following it would send the credentials, the bearer token or the message to
/// a host nobody configured, and take that host's answer as Kandy's. The SDK's own handlers do not follow redirects; if an
/// injected handler does, its redirected request gets no body (<see cref="RequestBodyContent"/>) and its answer is refused here.
/// </summary>
internal sealed class RedirectRefusalPolicy : PipelinePolicy
{
    public static readonly RedirectRefusalPolicy Instance = new();

    private RedirectRefusalPolicy()
    {
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (Redirected(ex) is { } redirected)
        {
            throw PipelineErrors.Redirect(message, 0, redirected.Target, followedByHandler: true, ex);
        }

        var status = message.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = message.Response!.Headers.Location;
            throw PipelineErrors.Redirect(message, status, location is null ? null : new Uri(message.Url, location), followedByHandler: false, null);
        }

        if (message.Response!.RequestMessage?.RequestUri is { } answered && !answered.Equals(message.Url))
        {
            // An injected handler followed a redirect for a request without a body (a GET): not Kandy's answer.
            throw PipelineErrors.Redirect(message, 0, answered, followedByHandler: true, null);
        }
    }

    private static RedirectedBodyException? Redirected(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is RedirectedBodyException redirected)
            {
                return redirected;
            }
        }

        return null;
    }
}
