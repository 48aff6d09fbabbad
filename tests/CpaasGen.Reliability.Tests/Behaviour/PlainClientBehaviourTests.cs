using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Cpaas.Reliability.Tests.Behaviour;

/// <summary>The behaviour suite on <c>new CpaasClient(options)</c>: the client's own HttpClient (or an injected one when a test needs a handler).</summary>
public sealed class PlainClientBehaviourTests : ClientBehaviourSuite
{
    public PlainClientBehaviourTests(BehaviourServers servers, Xunit.Abstractions.ITestOutputHelper output)
        : base(servers, output)
    {
    }

    protected override string Construction => "new CpaasClient";

    protected override Type ConfigurationError => typeof(CpaasOptionsException);

    protected override CpaasClient Create(CpaasClientOptions options, HttpMessageHandler? handler, ILoggerFactory? loggers)
        => handler is null ? new CpaasClient(options, null, loggers) : new CpaasClient(options, new HttpClient(handler), loggers);
}
