using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Tests;

/// <summary>Timeouts, unreachable hosts, the response size cap, strict JSON reading and cancellation clean-up.</summary>
[Collection(TimingCollection.Name)]
public sealed class TransportTests : IClassFixture<KandyServer>
{
    private const string SubscriptionsPath = KandyServer.UserBase + "/inbound/subscriptions";
    private const string StatusPath = HistoryTests.MessagesPath + "/m1/status";

    private readonly KandyServer _kandy;

    public TransportTests(KandyServer kandy)
    {
        _kandy = kandy;
        _kandy.Reset();
    }

    [Fact]
    public async Task ACallSlowerThanTheTimeoutIsATransportError()
    {
        _kandy.StubToken();
        var arrived = _kandy.StubDelayed("GET", SubscriptionsPath, TimeSpan.FromMilliseconds(900), 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client(o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(0, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("Timeout", error.Message);
        Assert.True(arrived.IsCompleted);
        await Task.Delay(700); // drain the delayed answer
    }

    [Fact]
    public async Task TheTimeoutCoversTheTokenRequestToo()
    {
        // CpaasClientOptions.Timeout: "The time one call may take, retries and token refresh included."
        _kandy.StubToken(delay: TimeSpan.FromMilliseconds(450));
        _ = _kandy.StubDelayed("GET", SubscriptionsPath, TimeSpan.FromMilliseconds(450), 200, Fixture.Read("subscription-list.json"));
        using var client = _kandy.Client(o => o.Timeout = TimeSpan.FromMilliseconds(600));

        var watch = Stopwatch.StartNew();
        var error = await Record.ExceptionAsync(() => client.Conversation.GetSubscriptionsAsync());
        watch.Stop();
        await Task.Delay(400); // drain a still-delayed answer

        // Where the deadline falls decides the subtype: during the token wait it is the CpaasAuthenticationException
        // (a CpaasApiException) of kind Transport, during the API call a plain CpaasApiException of kind Transport.
        var timeout = Assert.IsAssignableFrom<CpaasApiException>(error);
        Assert.Equal(CpaasErrorKind.Transport, timeout.Kind);
        Assert.IsType<TimeoutException>(timeout.InnerException);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(880), "took " + watch.ElapsedMilliseconds + " ms");
    }

    [Fact]
    public async Task AnUnreachableServerIsATransportAuthenticationError()
    {
        using var client = new CpaasClient(_kandy.Options(o => o.BaseUrl = new Uri("http://127.0.0.1:9")), new System.Net.Http.HttpClient());

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.Conversation.GetSubscriptionsAsync());

        Assert.Equal(0, error.StatusCode);
        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
    }

    [Fact]
    public async Task AResponseLargerThanTheCapIsRejected()
    {
        _kandy.StubToken();
        _kandy.Stub("GET", StatusPath, 200, "{\"status\":\"DeliveredToTerminal\"" + new string(' ', 20_000) + "}"); // WireMock answers chunked: no Content-Length
        using var client = _kandy.Client(o => o.MaxResponseBytes = 8192);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetStatusAsync(HistoryTests.Remote, HistoryTests.Local, "m1"));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.Contains("MaxResponseBytes", error.Message);
    }

    [Fact]
    public async Task ACapBelowFourKibibytesIsEnforcedForChunkedResponses()
    {
        // MaxResponseBytes may be as low as 1024; a 3 KB chunked body must not pass a 2 KiB cap.
        _kandy.StubToken();
        _kandy.Stub("GET", StatusPath, 200, "{\"status\":\"DeliveredToTerminal\"" + new string(' ', 3000) + "}");
        using var client = _kandy.Client(o => o.MaxResponseBytes = 2048);

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetStatusAsync(HistoryTests.Remote, HistoryTests.Local, "m1"));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.Contains("MaxResponseBytes", error.Message);
    }

    [Fact]
    public async Task AResponseOfExactlyTheCapIsAccepted()
    {
        _kandy.StubToken(); // the token response is smaller than 2 KiB
        const string json = "{\"status\":\"DeliveredToTerminal\"";
        _kandy.Stub("GET", StatusPath, 200, json + new string(' ', 2048 - json.Length - 1) + "}");
        using var client = _kandy.Client(o => o.MaxResponseBytes = 2048);

        Assert.Equal(DeliveryStatus.DeliveredToTerminal, await client.Conversation.GetStatusAsync(HistoryTests.Remote, HistoryTests.Local, "m1"));
    }

    [Theory]
    [InlineData("{\"status\":\"DeliveredToTerminal\"} garbage")]
    [InlineData("{\"status\":\"DeliveredToTerminal\"}{\"status\":\"DeliveryImpossible\"}")]
    public async Task ASuccessBodyWithDataAfterTheJsonIsAnApiError(string body)
    {
        _kandy.StubToken();
        _kandy.Stub("GET", StatusPath, 200, body);
        using var client = _kandy.Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.Conversation.GetStatusAsync(HistoryTests.Remote, HistoryTests.Local, "m1"));

        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task ACancelledSubscribeStillDeletesTheChannelItCreated()
    {
        const string channelPath = KandyServer.ChannelBase + "/wh-72b43d88-4cc1-466e-a453-ecbea3733a2e";
        var delay = TimeSpan.FromMilliseconds(800);
        _kandy.StubToken();
        _kandy.Stub("POST", KandyServer.ChannelBase, 201, Fixture.Read("channel-response.json"));
        var arrived = _kandy.StubDelayed("POST", SubscriptionsPath, delay, 201, Fixture.Read("subscription-response.json"));
        _kandy.Stub("DELETE", channelPath, 204);
        using var client = _kandy.Client();
        using var cancel = new CancellationTokenSource();

        var subscribe = client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://myapp.com/abc123") }, cancel.Token);
        await arrived.WaitAsync(TimeSpan.FromSeconds(5)); // the subscription POST is in flight
        var inFlight = Stopwatch.StartNew();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => subscribe);
        Assert.Contains(_kandy.ApiCalls, c => c.RequestMessage.Method == "DELETE" && KandyServer.PathOf(c) == channelPath);
        var rest = delay + TimeSpan.FromMilliseconds(100) - inFlight.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest); // drain the delayed answer before the next test resets the server
        }
    }

    [Fact]
    public async Task NonAsciiAndJsonSpecialCharactersInTheMessageArriveIntact()
    {
        const string text = "héllo 👋 \"quoted\" back\\slash </script> &amp; \u0001 ünïcödé";
        _kandy.StubToken();
        _kandy.Stub("POST", KandyServer.UserBase + "/outbound/+16137001234/requests", 201, Fixture.Read("send-response.json"));
        using var client = _kandy.Client();

        await client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16139998877"], SenderAddress = "+16137001234", Message = text });

        var call = Assert.Single(_kandy.ApiCalls, c => c.RequestMessage.Method == "POST");
        using var body = System.Text.Json.JsonDocument.Parse(call.RequestMessage.BodyAsBytes!);
        Assert.Equal(text, body.RootElement.GetProperty("outboundSMSMessageRequest").GetProperty("outboundSMSTextMessage").GetProperty("message").GetString());
    }
}
