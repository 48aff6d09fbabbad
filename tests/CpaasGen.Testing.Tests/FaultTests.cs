using System;
using System.Net;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Testing.Tests;

/// <summary>The fault switches: errors in the spec's shapes, delays and dropped connections, per operation.</summary>
public sealed class FaultTests
{
    private static Task<CreateMessageResult> SendAsync(CpaasClient client)
        => client.Conversation.CreateMessageAsync(new CreateMessageRequest { DestinationAddress = ["+16131234567"], SenderAddress = "default", Message = "hi" });

    [Theory]
    [InlineData(401, "SVC1002")]
    [InlineData(403, "POL0001")]
    [InlineData(404, "SVC1000")]
    [InlineData(429, "SVC1004")]
    [InlineData(500, "SVC0001")]
    [InlineData(503, "SVC0001")]
    public async Task An_error_fault_answers_the_status_with_a_requestError_body(int status, string messageId)
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        await client.GetUserIdAsync();
        server.RespondWithError("createOutboundSmsMessage", (HttpStatusCode)status);

        var error = await Assert.ThrowsAnyAsync<CpaasApiException>(() => SendAsync(client));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(messageId, error.ExceptionId);
        Assert.Equal(status == 403 ? CpaasErrorKind.PolicyException : CpaasErrorKind.ServiceException, error.Kind);
        Assert.Empty(server.SentMessages);
    }

    [Fact]
    public async Task A_429_carries_Retry_After_and_faults_are_cleared()
    {
        using var server = CpaasMockServer.Start();
        using var http = new HttpClient();
        var token = await SpecCoverageTests.TokenAsync(server, http);
        server.RespondWithError("listSmsThreads", HttpStatusCode.TooManyRequests);
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Root() + "/cpaas/smsmessaging/v1/" + server.UserId + "/remoteAddresses");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var limited = await http.SendAsync(request);
        server.ClearFaults();
        using var again = new HttpRequestMessage(HttpMethod.Get, request.RequestUri);
        again.Headers.Authorization = request.Headers.Authorization;
        using var answered = await http.SendAsync(again);

        Assert.Equal(429, (int)limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);
        Assert.Equal(200, (int)answered.StatusCode);
    }

    [Fact]
    public async Task A_token_endpoint_error_is_an_OAuth_error()
    {
        using var server = CpaasMockServer.Start();
        using var client = new CpaasClient(server.ClientOptions());
        server.RespondWithError("createToken", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<CpaasAuthenticationException>(() => client.GetUserIdAsync());

        Assert.Equal(401, error.StatusCode);
        Assert.Equal("invalid_client", error.ExceptionId);
    }

    [Fact]
    public async Task A_delay_holds_the_answer_and_a_dropped_connection_is_a_transport_failure()
    {
        using var server = CpaasMockServer.Start();
        var options = server.ClientOptions();
        options.Timeout = TimeSpan.FromSeconds(30);
        using var client = new CpaasClient(options);
        await client.GetUserIdAsync();

        server.Delay("createOutboundSmsMessage", TimeSpan.FromMilliseconds(600));
        var clock = Stopwatch.StartNew();
        var sent = await SendAsync(client);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(550), clock.Elapsed.ToString());
        Assert.Equal(server.DefaultNumber, sent.SenderAddress);

        server.ClearFaults();
        server.DropConnection("listInboundSubscriptions");
        await Assert.ThrowsAnyAsync<Exception>(() => client.Conversation.GetSubscriptionsAsync());
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData((HttpStatusCode)600)]
    public void A_status_that_is_not_an_error_is_refused(HttpStatusCode status)
    {
        using var server = CpaasMockServer.Start();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => server.RespondWithError("listSmsThreads", status));

        Assert.Equal("statusCode", error.ParamName);
    }

    [Fact]
    public void An_unknown_operation_is_refused_naming_the_known_ones()
    {
        using var server = CpaasMockServer.Start();

        var error = Assert.Throws<ArgumentException>(() => server.RespondWithError("sendFax", HttpStatusCode.InternalServerError));

        Assert.Contains("createOutboundSmsMessage", error.Message, StringComparison.Ordinal);
    }
}
