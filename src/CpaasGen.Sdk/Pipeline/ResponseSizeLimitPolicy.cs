using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// Reads the answer's body into a pooled buffer, at most <see cref="CpaasClientOptions.MaxResponseBytes"/> (a declared
/// Content-Length over the limit fails before reading; an undeclared body fails one byte past it), within the request's
/// deadline. A body over the limit is a <see cref="CpaasApiException"/> of kind <see cref="CpaasErrorKind.Transport"/>.
/// </summary>
internal sealed class ResponseSizeLimitPolicy : PipelinePolicy
{
    private readonly int _limit;

    public ResponseSizeLimitPolicy(int limit) => _limit = limit;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        await ProcessNextAsync(message, next).ConfigureAwait(false);
        var content = message.Response!.Content;
        var stream = await content.ReadAsStreamAsync(message.CancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                message.Body = await PooledBody.ReadAsync(stream, _limit, content.Headers.ContentLength, message.CancellationToken).ConfigureAwait(false);
            }
            catch (CpaasBodyTooLargeException ex)
            {
                throw PipelineErrors.TooLarge(message, ex);
            }
        }
    }
}
