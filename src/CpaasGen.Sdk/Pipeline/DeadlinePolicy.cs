using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// Owns <see cref="CpaasClientOptions.Timeout"/>: everything below it — waiting for the token, every attempt, the waits
/// between retries, the refresh after a 401, reading the body — shares one deadline. Running out of it is a
/// <see cref="CpaasApiException"/> of kind <see cref="CpaasErrorKind.Transport"/> with a <see cref="TimeoutException"/>
/// inside; the caller's own cancellation stays an <see cref="OperationCanceledException"/> carrying the caller's token.
/// </summary>
internal sealed class DeadlinePolicy : PipelinePolicy
{
    /// <summary>A timer is only reused when it was stopped this long before it would have fired (it cannot be firing then).</summary>
    private static readonly TimeSpan ReuseMargin = TimeSpan.FromSeconds(1);

    [ThreadStatic]
    private static CancellationTokenSource? t_spare;

    private readonly TimeSpan _timeout;

    public DeadlinePolicy(TimeSpan timeout) => _timeout = timeout;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        var caller = message.CallerToken;
        caller.ThrowIfCancellationRequested();
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            try
            {
                await ProcessNextAsync(message, next).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (caller.IsCancellationRequested)
            {
                throw new OperationCanceledException(ex.Message, ex, caller);
            }
            catch (OperationCanceledException ex)
            {
                throw PipelineErrors.Timeout(message, _timeout, ex);
            }

            return;
        }

        // One CancellationTokenSource per request, reused from the last request on this thread when it is safe to.
        var deadline = t_spare ?? new CancellationTokenSource();
        t_spare = null;
        var link = caller.CanBeCanceled ? caller.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline) : default;
        deadline.CancelAfter(_timeout);
        message.Deadline = Stopwatch.GetTimestamp() + (long)(_timeout.TotalSeconds * Stopwatch.Frequency);
        message.CancellationToken = deadline.Token;
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (caller.IsCancellationRequested)
        {
            throw new OperationCanceledException(ex.Message, ex, caller);
        }
        catch (OperationCanceledException ex)
        {
            throw PipelineErrors.Timeout(message, _timeout, ex);
        }
        finally
        {
            link.Dispose();
            var reusable = message.Remaining > ReuseMargin;
            message.CancellationToken = caller;
            if (reusable && deadline.TryReset())
            {
                t_spare = deadline;
            }
            else
            {
                deadline.Dispose();
            }
        }
    }
}
