using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>
/// The request path of a <see cref="CpaasClient"/>: one ordered list of policies, each owning one concern. Both ways of
/// building a client (<c>new CpaasClient(…)</c> and <c>AddCpaasClient(…)</c>) build it here, so they behave the same.
/// Outermost first (a request goes down the list, its answer comes back up):
/// <list type="number">
/// <item><see cref="TelemetryPolicy"/>: the span, the metrics and the log lines of the request.</item>
/// <item><see cref="ResponseMappingPolicy"/>: the answer becomes the result, or a <see cref="CpaasApiException"/> read with the spec's error models.</item>
/// <item><see cref="DeadlinePolicy"/>: <see cref="CpaasClientOptions.Timeout"/> over everything below.</item>
/// <item><see cref="RetryPolicy"/>: the one retry owner (<see cref="CpaasClientOptions.Retry"/>, Retry-After within the deadline).</item>
/// <item><see cref="AuthenticationPolicy"/>: the bearer token, the user id in the URL, one refresh on a 401 (not on the token request's own path).</item>
/// <item><see cref="AgentHeaderPolicy"/>: <c>X-Cpaas-Agent</c>.</item>
/// <item><see cref="ResponseSizeLimitPolicy"/>: reads the body, at most <see cref="CpaasClientOptions.MaxResponseBytes"/>.</item>
/// <item><see cref="RedirectRefusalPolicy"/>: a 3xx, or a redirect some handler followed, is an error; nothing is re-sent elsewhere.</item>
/// <item><see cref="TransportPolicy"/>: one <see cref="HttpRequestMessage"/> per attempt through the injected <see cref="HttpClient"/>.</item>
/// </list>
/// </summary>
internal sealed class RequestPipeline
{
    private readonly PipelinePolicy[] _policies;

    private RequestPipeline(PipelinePolicy[] policies) => _policies = policies;

    /// <summary>The policies, outermost first.</summary>
    public IReadOnlyList<PipelinePolicy> Policies => _policies;

    /// <summary>The pipeline of API requests.</summary>
    public static RequestPipeline ForApi(CpaasClientOptions options, HttpClient http, TokenProvider tokens, Redactor redactor, ILogger logger)
        => new(
        [
            new TelemetryPolicy(logger),
            new ResponseMappingPolicy(redactor),
            new DeadlinePolicy(options.Timeout),
            new RetryPolicy(options.Retry, options.TimeProvider, logger),
            new AuthenticationPolicy(tokens, logger),
            AgentHeaderPolicy.Instance,
            new ResponseSizeLimitPolicy(options.MaxResponseBytes),
            RedirectRefusalPolicy.Instance,
            new TransportPolicy(http),
        ]);

    /// <summary>The token request's own path: the same policies without authentication (it is what gets the token).</summary>
    public static RequestPipeline ForTokenEndpoint(CpaasClientOptions options, HttpClient http, Redactor redactor, ILogger logger)
        => new(
        [
            new TelemetryPolicy(logger),
            new ResponseMappingPolicy(redactor),
            new DeadlinePolicy(options.Timeout),
            new RetryPolicy(options.Retry, options.TimeProvider, logger),
            AgentHeaderPolicy.Instance,
            new ResponseSizeLimitPolicy(options.MaxResponseBytes),
            RedirectRefusalPolicy.Instance,
            new TransportPolicy(http),
        ]);

    /// <summary>Sends <paramref name="message"/> through every policy; on success its <see cref="PipelineMessage.Result"/> is set.</summary>
    public ValueTask SendAsync(PipelineMessage message) => _policies[0].ProcessAsync(message, _policies.AsMemory(1));
}
