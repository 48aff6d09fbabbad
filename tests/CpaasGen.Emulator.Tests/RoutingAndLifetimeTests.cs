using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Cpaas.Emulator.Tests;

public sealed class RoutingAndLifetimeTests
{
    [Fact]
    public async Task Unknown_routes_are_404_and_wrong_methods_405_with_service_exceptions()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);

        var unknown = await api.GetAsync("/cpaas/smsmessaging/v2/emulator-user/nothing");
        var root = await api.GetAsync("/nothing"); // "/" itself is the inbox page (issue 14: InboxPageTests)
        var wrongMethod = await api.SendAsync(HttpMethod.Put, $"{api.Sms}/inbound/subscriptions", "{}");
        var getToken = await api.GetAsync("/cpaas/auth/v1/token");

        Assert.Equal("/cpaas/smsmessaging/v2/emulator-user/nothing",
            (string?)unknown.AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000")["variables"]![0]);
        root.AssertRequestError(HttpStatusCode.NotFound, "serviceException", "SVC1000");
        Assert.Equal(["PUT", "/cpaas/smsmessaging/v1/emulator-user/inbound/subscriptions"],
            wrongMethod.AssertRequestError(HttpStatusCode.MethodNotAllowed, "serviceException", "SVC1001")["variables"]!.AsArray().Select(v => (string)v!));
        getToken.AssertRequestError(HttpStatusCode.MethodNotAllowed, "serviceException", "SVC1001");
    }

    [Fact]
    public async Task A_too_large_body_is_413_not_500()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        var huge = "{\"outboundSMSMessageRequest\":{\"address\":[\"+16139998877\"],\"outboundSMSTextMessage\":{\"message\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}}";

        var response = await api.SendAsync(HttpMethod.Post, $"{api.Sms}/outbound/+16135550100/requests", huge);

        response.AssertRequestError(HttpStatusCode.RequestEntityTooLarge, "serviceException", "SVC0002");
    }

    [Fact]
    public async Task A_client_still_uploading_a_too_large_body_reads_the_413_not_a_reset_connection()
    {
        await using var emulator = await CpaasEmulator.StartAsync();
        using var api = await ApiClient.ConnectAsync(emulator);
        using var content = new StreamContent(new SlowBody(2 * 1024 * 1024, chunk: 64 * 1024, pause: TimeSpan.FromMilliseconds(5)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = 2 * 1024 * 1024;

        // The upload takes ≈ 160 ms: an answer sent (and the connection closed) before it ends resets it under the client.
        using var response = await api.Http.PostAsync($"{api.Sms}/outbound/+16135550100/requests", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("SVC0002", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A request body that arrives in chunks with a pause between them, like a slow client's upload.</summary>
    private sealed class SlowBody(long length, int chunk, TimeSpan pause) : Stream
    {
        private long _sent;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var n = (int)Math.Min(Math.Min(count, chunk), length - _sent);
            if (n <= 0)
            {
                return 0;
            }

            await Task.Delay(pause, cancellationToken);
            Array.Fill(buffer, (byte)'x', offset, n);
            _sent += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Two_emulators_in_one_process_are_independent()
    {
        await using var a = await CpaasEmulator.StartAsync();
        await using var b = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { UserId = "other-user", Numbers = ["+15550001111"] });
        using var apiA = await ApiClient.ConnectAsync(a);
        using var apiB = await ApiClient.ConnectAsync(b);

        await apiA.SendSmsAsync("default", "+16139998877", "only in A");
        await a.UnassignNumberAsync("+16135550101");

        Assert.NotEqual(a.BaseUrl, b.BaseUrl);
        Assert.Single((await apiA.GetAsync($"{apiA.Sms}/remoteAddresses")).Json["smsThreadList"]!["smsThread"]!.AsArray());
        Assert.Empty((await apiB.GetAsync($"{apiB.Sms}/remoteAddresses")).Json["smsThreadList"]!["smsThread"]!.AsArray());
        Assert.Equal(["+16135550100"], a.AssignedNumbers);
        Assert.Equal(["+15550001111"], b.AssignedNumbers);
        Assert.Equal("+15550001111", (string?)(await apiB.SendSmsAsync("default", "+16139998877", "from B"))["senderAddress"]);
    }

    [Fact]
    public async Task Start_reports_the_effective_options_and_validates_them()
    {
        await using var emulator = await CpaasEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseUrl.Host);
        Assert.Equal(emulator.BaseUrl.Port, emulator.Options.Port);
        Assert.NotEqual(0, emulator.Options.Port);
        Assert.Equal(["+16135550100", "+16135550101"], emulator.Options.Numbers);
        await Assert.ThrowsAsync<ArgumentException>(() => CpaasEmulator.StartAsync(new CpaasEmulatorOptions { Numbers = ["6135550100"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => CpaasEmulator.StartAsync(new CpaasEmulatorOptions { MessageHistoryCap = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => emulator.SimulateInboundSmsAsync("nobody", "+16135550100", "hi"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => emulator.SimulateInboundSmsAsync("+16135550123", "+16139990000", "hi"));
    }

    [Fact]
    public async Task A_port_in_use_fails_the_start_with_an_IOException()
    {
        await using var first = await CpaasEmulator.StartAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => CpaasEmulator.StartAsync(new CpaasEmulatorOptions { Port = first.Options.Port }));
    }

    [Fact]
    public async Task RunAsync_prints_the_base_url_and_credentials_and_stops_when_cancelled()
    {
        using var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var cts = new CancellationTokenSource();

        var run = CpaasEmulator.RunAsync(new CpaasEmulatorOptions { LoggerFactory = NullLoggerFactory.Instance }, synchronized, cts.Token);
        Match url = Match.Empty;
        for (var i = 0; i < 200 && !(url = Regex.Match(output.ToString(), @"listening on (http://127\.0\.0\.1:\d+)")).Success; i++)
        {
            await Task.Delay(25);
        }
        Assert.True(url.Success, output.ToString());
        using var http = new HttpClient { BaseAddress = new Uri(url.Groups[1].Value) };
        var info = await http.GetAsync("/emulator");

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        var text = output.ToString();
        Assert.Contains("client_id=PRIV-emulator", text);
        Assert.Contains("client_secret=emulator-secret", text);
        Assert.Contains("username=demo@example.com", text);
        Assert.Contains("+16135550100 (default)", text);
        Assert.Contains("Stopping", text);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/emulator"));
    }
}
