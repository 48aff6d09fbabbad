using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Network failures: a refused connection (the request provably never reached a server) is retried even for a POST;
/// a send the server received before dropping the connection is never retried.
/// </summary>
public sealed class TransportRetryTests : IClassFixture<KandyStub>
{
    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public TransportRetryTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    /// <summary>A loopback port that was open a moment ago and now has no listener: connecting to it is refused.</summary>
    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Theory]
    [InlineData(Op.Send)]
    [InlineData(Op.Get)]
    public async Task ARefusedConnectionIsRetriedEvenForASendThenEndsAsTransport(Op op)
    {
        _kandy.StubToken();
        var dead = ClosedPort();

        // The token comes from WireMock; the API call goes to a port where nothing listens.
        var handler = new CountingHandler(uri => uri.AbsolutePath == KandyStub.TokenPath ? null : new UriBuilder(uri) { Port = dead }.Uri);
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using var client = _kandy.Client(
            o =>
            {
                o.Retry.MaxRetries = 3;
                o.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
            },
            handler,
            factory);

        var stopwatch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Run(client, op));
        stopwatch.Stop();

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.Equal(0, error.StatusCode);
        var attempts = handler.AttemptsTo(op == Op.Get ? "/inbound/subscriptions" : "/outbound/");
        Assert.Equal(4, attempts.Count); // 1 + MaxRetries, all refused
        Assert.All(attempts, a => Assert.True(TransportPolicy.NeverReachedServer(a.Error!), "not classified as never-reached: " + a.Error));
        Assert.True(TransportPolicy.NeverReachedServer(error.InnerException!), "the final error is not a refused connection: " + error.InnerException);
        var delays = Calls.LoggedRetryDelays(logs);
        Assert.Equal(3, delays.Count);
        Assert.True(stopwatch.Elapsed.TotalMilliseconds >= delays.Sum() - 20, $"ended after {stopwatch.ElapsedMilliseconds} ms, before the announced backoff of {delays.Sum():0} ms");
        _output.WriteLine($"{op} to a closed port: {attempts.Count} attempts, backoff {string.Join("+", delays.Select(d => d.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} ms, {error.Kind} after {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task ARefusedConnectionWithRetriesOffIsTriedOnce()
    {
        _kandy.StubToken();
        var dead = ClosedPort();
        var handler = new CountingHandler(uri => uri.AbsolutePath == KandyStub.TokenPath ? null : new UriBuilder(uri) { Port = dead }.Uri);
        using var client = _kandy.Client(o => o.Retry.MaxRetries = 0, handler);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.Single(handler.AttemptsTo("/outbound/"));
    }

    [Fact]
    public async Task TheTokenEndpointRefusingTheConnectionIsATransportAuthenticationError()
    {
        var dead = ClosedPort();
        using var client = new CpaasClient(
            new CpaasClientOptions { BaseUrl = new Uri("http://127.0.0.1:" + dead), ClientId = KandyStub.ClientId, ClientSecret = KandyStub.ClientSecret, Retry = { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10) } },
            new HttpClient());

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => Calls.Send(client));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.Equal(0, error.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASendTheServerReceivedAndThenDroppedIsSentExactlyOnce(bool reset)
    {
        // The token is served on the first connection (kept alive); the send arrives, is read whole, and then the
        // connection is closed (FIN) or reset (RST) without a response.
        using var server = new RawHttpServer((request, connection) =>
        {
            if (reset)
            {
                connection.Reset();
            }
            else
            {
                connection.Close();
            }

            return Task.CompletedTask;
        });
        using var client = server.Client(o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Send(client));
        await Task.Delay(300); // anything sent late would arrive now

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.False(TransportPolicy.NeverReachedServer(error.InnerException!));
        var sends = server.ApiRequests.Where(r => r.Method == "POST").ToList();
        _output.WriteLine($"send dropped by the server ({(reset ? "RST" : "FIN")}): {sends.Count} send(s) received, {server.Connections} connection(s); {error.Message}");
        Assert.True(sends.Count == 1, $"The server received the SMS send {sends.Count} times (expected exactly once): a dropped send must never be re-sent.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AGetTheServerDroppedIsRetried(bool reset)
    {
        using var server = new RawHttpServer((request, connection) =>
        {
            if (reset)
            {
                connection.Reset();
            }
            else
            {
                connection.Close();
            }

            return Task.CompletedTask;
        });
        using var client = server.Client(o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        var gets = server.ApiRequests.Count(r => r.Method == "GET");
        _output.WriteLine($"GET dropped by the server ({(reset ? "RST" : "FIN")}): {gets} request(s) received");
        Assert.True(gets >= 3, "expected at least 1 + MaxRetries attempts, got " + gets);
    }

    [Fact]
    public async Task ASendAnsweredWithWireMocksEmptyResponseFaultIsSentOnce()
    {
        _kandy.StubToken();
        _kandy.Stub("POST", KandyStub.SendPath, Response.Create().WithStatusCode(201).WithFault(FaultType.EMPTY_RESPONSE));
        using var client = _kandy.Client(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10));

        var outcome = await Outcome.Of(() => Calls.Send(client), TimeSpan.FromSeconds(15));

        _output.WriteLine("send + WireMock EMPTY_RESPONSE: " + outcome.Describe());
        Assert.False(outcome.Hung);
        Assert.IsAssignableFrom<CpaasApiException>(outcome.Error);
        Assert.Single(_kandy.Calls(KandyStub.SendPath));
    }
}
