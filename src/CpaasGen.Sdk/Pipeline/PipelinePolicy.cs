using System;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// One step of the <see cref="RequestPipeline"/>, owning one concern of every request (retry, deadline, redirects…).
/// A policy does its part, calls <see cref="ProcessNextAsync"/> for the rest of the chain, and looks at the outcome.
/// Policies are stateless and shared by every request of a client; per-request state lives on the <see cref="PipelineMessage"/>.
/// </summary>
internal abstract class PipelinePolicy
{
    /// <summary>Processes <paramref name="message"/>; <paramref name="next"/> is the rest of the chain (empty for the transport).</summary>
    public abstract ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next);

    /// <summary>Hands the message to the next policy.</summary>
    protected static ValueTask ProcessNextAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
        => next.Span[0].ProcessAsync(message, next[1..]);
}
