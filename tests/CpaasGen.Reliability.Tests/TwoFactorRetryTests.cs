using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Two-factor calls and the "maybe sent" rules of SMS sends (issue 12). A send is a POST; a resend is a PUT that sends
/// another message, and a verification a PUT that spends the code (and an attempt): neither may be repeated once it may
/// have reached Kandy, whatever its HTTP method, and the exception says whether it may have taken effect. A delete stays
/// an ordinary idempotent call.
/// </summary>
public sealed class TwoFactorRetryTests : IClassFixture<KandyStub>
{
    private const string Codes = "/cpaas/auth/v1/" + TestJwt.UserId + "/codes";
    private const string CodeId = "51b545e7-729f-4690-9571-e5c85852b179";

    private static readonly SendCodeRequest Request = new() { DestinationAddress = "+16131234567", Message = "Your code is {code}" };

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public TwoFactorRetryTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _kandy.StubToken();
        _output = output;
    }

    private CpaasClient Client() => _kandy.Client(o =>
    {
        o.Retry.MaxRetries = 3;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
    });

    [Theory]
    [InlineData(502, true)]
    [InlineData(503, false)]
    [InlineData(504, true)]
    [InlineData(429, false)]
    public async Task A_resend_answered_with_a_retryable_status_is_sent_once_and_says_whether_it_may_have_gone_out(int status, bool mayHaveGoneOut)
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId, status, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0001\",\"text\":\"busy\"}}}");
        using var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.ResendCodeAsync(CodeId, Request));

        var puts = _kandy.Calls(Codes + "/" + CodeId).Count;
        _output.WriteLine($"resend answered {status}: {puts} request(s), MayHaveBeenProcessed {error.MayHaveBeenProcessed}");
        Assert.True(puts == 1, $"The resend reached the server {puts} times: each one sends another message with another code.");
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(mayHaveGoneOut, error.MayHaveBeenProcessed);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_verification_answered_with_a_retryable_status_is_sent_once_and_is_an_exception_not_a_no(int status)
    {
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", status, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0001\",\"text\":\"busy\"}}}");
        using var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.VerifyCodeAsync(CodeId, "123456"));

        var puts = _kandy.Calls(Codes + "/" + CodeId + "/verify").Count;
        _output.WriteLine($"verify answered {status}: {puts} request(s), MayHaveBeenProcessed {error.MayHaveBeenProcessed}");
        Assert.True(puts == 1, $"The verification reached the server {puts} times: a repeat after a lost 204 would say a good code is wrong.");
        Assert.Equal(status != 503, error.MayHaveBeenProcessed);
    }

    [Fact]
    public async Task A_send_answered_503_is_sent_once()
    {
        _kandy.Stub("POST", Codes, 503);
        using var client = Client();

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.SendCodeAsync(Request));

        Assert.Single(_kandy.Calls(Codes));
        Assert.False(error.MayHaveBeenProcessed);
    }

    [Fact]
    public async Task A_delete_answered_503_is_retried_like_any_idempotent_call()
    {
        _kandy.Stub("DELETE", Codes + "/" + CodeId, 503);
        using var client = Client();

        await Assert.ThrowsAsync<CpaasApiException>(() => client.TwoFactor.DeleteCodeAsync(CodeId));

        Assert.Equal(4, _kandy.Calls(Codes + "/" + CodeId).Count); // 1 + MaxRetries
    }

    [Theory]
    [InlineData("resend")]
    [InlineData("verify")]
    public async Task A_resend_or_verification_the_server_received_and_dropped_is_sent_once_and_may_have_been_processed(string call)
    {
        using var server = new RawHttpServer((request, connection) =>
        {
            connection.Close();
            return Task.CompletedTask;
        });
        using var client = server.Client(o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => call == "resend" ? client.TwoFactor.ResendCodeAsync(CodeId, Request) : client.TwoFactor.VerifyCodeAsync(CodeId, "123456"));
        await Task.Delay(300); // anything sent late would arrive now

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.True(error.MayHaveBeenProcessed);
        var puts = server.ApiRequests.Count(r => r.Method == "PUT");
        _output.WriteLine($"{call} dropped by the server: {puts} request(s) received");
        Assert.True(puts == 1, $"The server received the {call} {puts} times (expected exactly once).");
    }

    [Fact]
    public async Task A_resend_that_never_reached_the_server_is_retried()
    {
        // Nothing listens on the port: every attempt provably never left, so repeating it cannot send twice.
        var port = FreePort();
        using var client = new CpaasClient(new CpaasClientOptions
        {
            BaseUrl = new Uri("http://127.0.0.1:" + port),
            ClientId = KandyStub.ClientId,
            ClientSecret = KandyStub.ClientSecret,
            Retry = { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10) },
        });

        var error = await Assert.ThrowsAnyAsync<CpaasApiException>(() => client.TwoFactor.ResendCodeAsync(CodeId, Request));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.False(error.MayHaveBeenProcessed);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
