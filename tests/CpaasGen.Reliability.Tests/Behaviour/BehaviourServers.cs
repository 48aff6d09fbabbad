using System;
using WireMock.Server;

namespace Cpaas.Reliability.Tests.Behaviour;

/// <summary>
/// The servers of the behaviour suite, one pair per test class: Kandy (a <see cref="KandyStub"/>) and "elsewhere", a
/// second loopback WireMock server that a hostile or misconfigured Kandy redirects to. Nothing may ever reach it.
/// </summary>
public sealed class BehaviourServers : IDisposable
{
    public KandyStub Kandy { get; } = new();

    /// <summary>The other host. Its URL uses 127.0.0.1 while Kandy's uses localhost, so messages can name it apart.</summary>
    public WireMockServer Elsewhere { get; } = WireMockServer.Start();

    public string ElsewhereUrl => "http://127.0.0.1:" + Elsewhere.Ports[0];

    public void Reset()
    {
        Kandy.Reset();
        Elsewhere.Reset();
    }

    public void Dispose()
    {
        Kandy.Dispose();
        Elsewhere.Stop();
    }
}
