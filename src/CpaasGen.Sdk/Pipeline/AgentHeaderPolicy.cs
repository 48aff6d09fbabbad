using System;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>Adds <c>X-Cpaas-Agent: CpaasGen.Sdk/{version}</c> to every request, as the official SDKs send their name and version.</summary>
internal sealed class AgentHeaderPolicy : PipelinePolicy
{
    public const string HeaderName = "X-Cpaas-Agent";

    public static readonly AgentHeaderPolicy Instance = new();

    private AgentHeaderPolicy()
    {
    }

    public override ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        message.SetHeader(HeaderName, SdkInfo.Agent);
        return ProcessNextAsync(message, next);
    }
}
