using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Hostile 2xx response bodies for every operation (property-based, CsCheck), served in memory by an
/// HttpMessageHandler so thousands of cases run in seconds: each call returns normally or throws CpaasApiException —
/// never a JsonException, InvalidOperationException, ArgumentException, NullReferenceException, FormatException…
/// </summary>
public sealed class ResponseFuzzTests
{
    private const string Remote = "+12013000103";
    private const string Local = "+12282202950";

    private static readonly string Token = TestJwt.Response().Body;

    /// <summary>Each operation, the request it is fuzzed on, that request's fixture, and the call.</summary>
    private static readonly Operation[] Operations =
    {
        new("list subscriptions", "GET", "/inbound/subscriptions", "subscription-list.json", c => c.Conversation.GetSubscriptionsAsync()),
        new("get subscription", "GET", "/inbound/subscriptions/f179", "subscription-response.json", c => c.Conversation.GetSubscriptionAsync("f179")),
        new("send", "POST", "/outbound/", "send-response.json", c => Calls.Send(c)),
        new("subscribe (channel)", "POST", "/channels", "channel-response.json", Subscribe),
        new("subscribe (subscription)", "POST", "/inbound/subscriptions", "subscription-response.json", Subscribe),
        new("list threads", "GET", "/remoteAddresses", "thread-list.json", c => c.Conversation.GetThreadsAsync()),
        new("all threads", "GET", "/remoteAddresses", "thread-list.json", async c =>
        {
            var count = 0;
            await foreach (var _ in c.Conversation.GetAllThreadsAsync())
            {
                if (++count > 50)
                {
                    break;
                }
            }

            return count;
        }),
        new("list messages", "GET", "/messages", "message-list.json", c => c.Conversation.GetMessagesAsync(Remote, Local)),
        new("message status", "GET", "/status", null, c => c.Conversation.GetStatusAsync(Remote, Local, "SM5C")),
    };

    private readonly ITestOutputHelper _output;

    public ResponseFuzzTests(ITestOutputHelper output) => _output = output;

    private static Task<SubscribeResult> Subscribe(CpaasClient client)
        => client.Conversation.SubscribeAsync(new SubscribeRequest { WebhookUrl = new Uri("https://example.org/hook"), DestinationAddress = "+16137001234" });

    private static string Body(Operation operation)
        => operation.Fixture is null ? "{\"status\":\"DeliveredToTerminal\"}" : Fixture.Read(operation.Fixture);

    /// <summary>Runs the operation with the fuzzed body on its request (every other request gets its normal fixture).</summary>
    private static string Check(Operation operation, byte[] body, int? status = null)
    {
        using var client = new CpaasClient(
            new CpaasClientOptions { BaseUrl = new Uri("https://kandy.invalid"), ClientId = "id", ClientSecret = "secret", Retry = { MaxRetries = 0 } },
            new HttpClient(new InMemoryKandy(operation, body, status)));
        try
        {
            var result = operation.Call(client).GetAwaiter().GetResult();
            _ = result?.ToString();
            return "returned";
        }
        catch (CpaasApiException ex)
        {
            _ = ex.ToString();
            if (status is { } expected && ex.StatusCode != expected && ex.StatusCode != 0)
            {
                throw new InvalidOperationException("a " + expected + " answer became a CpaasApiException with status " + ex.StatusCode);
            }

            return "CpaasApiException";
        }
    }

    [Fact]
    public void HostileSuccessBodiesGiveAResultOrACpaasApiException()
    {
        var counter = new FuzzCounter();
        var untyped = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var fixtures = Operations.Select(Body).ToList();
        var bodies = Gen.Frequency(
            (3, JsonMutations.Edited(fixtures).Select(t => Encoding.UTF8.GetBytes(t))),
            (3, JsonMutations.TypeSwapped(fixtures).Select(t => Encoding.UTF8.GetBytes(t))),
            (1, Gen.Byte.Array[0, 200]));
        Gen.Select(Gen.Int[0, Operations.Length - 1], bodies).Sample(
            (index, body) =>
            {
                try
                {
                    counter.Add(Check(Operations[index], body));
                }
                catch (Exception ex)
                {
                    untyped.Enqueue(Operations[index].Name + ": " + ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
                    counter.Add("UNTYPED " + ex.GetType().Name);
                }
            },
            iter: 6_000);
        _output.WriteLine($"FUZZ API response bodies: {counter.Total} calls ({counter.Summary()})");
        foreach (var group in untyped.GroupBy(u => u).OrderByDescending(g => g.Count()).Take(10))
        {
            _output.WriteLine($"  {group.Count()} × {group.Key}");
        }

        Assert.True(untyped.IsEmpty, $"{untyped.Count} call(s) ended in an exception other than CpaasApiException; first: {untyped.FirstOrDefault()}");
    }

    /// <summary>Invalid UTF-8 in a 2xx body: see FaultInjectionTests (the InvalidOperationException bug).</summary>
    [Fact]
    public void InvalidUtf8SuccessBodiesGiveAResultOrACpaasApiException()
    {
        var counter = new FuzzCounter();
        var untyped = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var fixtures = Operations.Select(Body).ToList();
        Gen.Select(Gen.Int[0, Operations.Length - 1], JsonMutations.InvalidUtf8(fixtures)).Sample(
            (index, body) =>
            {
                try
                {
                    counter.Add(Check(Operations[index], body));
                }
                catch (Exception ex)
                {
                    untyped.Enqueue(Operations[index].Name + ": " + ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
                    counter.Add("UNTYPED " + ex.GetType().Name);
                }
            },
            iter: 2_000);
        _output.WriteLine($"FUZZ API response bodies with invalid UTF-8: {counter.Total} calls ({counter.Summary()})");
        Assert.True(untyped.IsEmpty, $"{untyped.Count} call(s) ended in an exception other than CpaasApiException; first: {untyped.FirstOrDefault()}");
    }

    /// <summary>
    /// Regression test (a bug this test found, since fixed): hostile error bodies. ErrorBodyParser.TryParseJson catches only JsonException, but
    /// JsonElement.GetString() throws InvalidOperationException for an escaped lone surrogate ("\ud800") or invalid
    /// UTF-8 in messageId/text/variables/error, so the caller gets an untyped InvalidOperationException instead of the
    /// CpaasApiException with the HTTP status.
    /// </summary>
    [Fact]
    public void HostileErrorBodiesGiveACpaasApiExceptionWithTheStatus()
    {
        var counter = new FuzzCounter();
        var untyped = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var errors = new[]
        {
            Fixture.Read("error-service.json"),
            "{\"requestError\":{\"policyException\":{\"messageId\":\"POL0001\",\"text\":\"Sender %1 not allowed for %2\",\"variables\":[\"+16131234567\",\"x\"]}}}",
            "{\"error\":\"invalid_token\",\"error_description\":\"Token is not active\"}",
            "{\"serviceException\":{\"messageId\":\"SVC0002\",\"text\":\"Invalid input value for message part %1\",\"variables\":[\"address\"]}}",
        };
        var bodies = Gen.Frequency(
            (3, JsonMutations.Edited(errors).Select(t => Encoding.UTF8.GetBytes(t))),
            (3, JsonMutations.TypeSwapped(errors).Select(t => Encoding.UTF8.GetBytes(t))),
            (2, JsonMutations.InvalidUtf8(errors)),
            (1, Gen.Byte.Array[0, 200]));
        Gen.Select(Gen.Int[0, Operations.Length - 1], Gen.OneOf(400, 403, 404, 409, 500), bodies).Sample(
            (index, status, body) =>
            {
                try
                {
                    counter.Add(Check(Operations[index], body, status));
                }
                catch (Exception ex)
                {
                    untyped.Enqueue(Operations[index].Name + " " + status + ": " + ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
                    counter.Add("UNTYPED " + ex.GetType().Name);
                }
            },
            iter: 4_000);
        _output.WriteLine($"FUZZ API error bodies: {counter.Total} calls ({counter.Summary()})");
        foreach (var group in untyped.GroupBy(u => u.Split(':')[1]).OrderByDescending(g => g.Count()).Take(5))
        {
            _output.WriteLine($"  {group.Count()} ×{group.Key}");
        }

        Assert.True(untyped.IsEmpty, $"{untyped.Count} call(s) ended in an exception other than CpaasApiException; first: {untyped.FirstOrDefault()}");
    }

    private sealed record Operation(string Name, string Method, string PathPart, string? Fixture, Func<CpaasClient, Task<object?>> Run)
    {
        public Operation(string name, string method, string pathPart, string? fixture, Func<CpaasClient, Task> call)
            : this(name, method, pathPart, fixture, async c =>
            {
                var task = call(c);
                await task;
                return task.GetType().IsGenericType ? ((dynamic)task).Result as object : null;
            })
        {
        }

        public Func<CpaasClient, Task<object?>> Call => Run;
    }

    /// <summary>Kandy in memory: the token, the fuzzed body on the operation's request, the normal fixture elsewhere.</summary>
    private sealed class InMemoryKandy : HttpMessageHandler
    {
        private readonly Operation _operation;
        private readonly byte[] _body;
        private readonly int? _status;

        public InMemoryKandy(Operation operation, byte[] body, int? status)
        {
            _operation = operation;
            _body = body;
            _status = status;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var method = request.Method.Method;
            byte[] body;
            var status = method == "POST" ? HttpStatusCode.Created : HttpStatusCode.OK;
            if (path.EndsWith("/auth/v1/token", StringComparison.Ordinal))
            {
                body = Encoding.UTF8.GetBytes(Token);
                status = HttpStatusCode.OK;
            }
            else if (method == _operation.Method && Matches(path, _operation.PathPart))
            {
                body = _body;
                status = _status is { } error ? (HttpStatusCode)error : status;
            }
            else if (method == "DELETE")
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { Content = new ByteArrayContent(Array.Empty<byte>()) });
            }
            else
            {
                var normal = path.EndsWith("/channels", StringComparison.Ordinal) ? "channel-response.json"
                    : path.EndsWith("/inbound/subscriptions", StringComparison.Ordinal) && method == "POST" ? "subscription-response.json"
                    : "subscription-list.json";
                body = Encoding.UTF8.GetBytes(Fixture.Read(normal));
            }

            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(status) { Content = content });
        }

        /// <summary>"/outbound/" matches anywhere in the path; any other part must end it.</summary>
        private static bool Matches(string path, string part)
            => part.EndsWith('/') ? path.Contains(part, StringComparison.Ordinal) : path.EndsWith(part, StringComparison.Ordinal);
    }
}
