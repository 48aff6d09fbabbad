using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using WireMock.ResponseBuilders;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Faults injected into the response of a GET (list subscriptions) and of the SMS send (POST): WireMock faults and
/// hostile bodies, and a raw TCP server for what no HTTP server does on purpose. Each call must end — within its
/// timeout — in success or a typed CpaasApiException: never a hang, a NullReferenceException or another untyped
/// exception. (Unobserved task exceptions from all of these are checked by UnobservedTaskExceptionTests, which runs
/// after this class.)
/// </summary>
public sealed class FaultInjectionTests : IClassFixture<KandyStub>
{
    /// <summary>Every fault runs with this timeout; a call still running at Timeout + 3 s is a hang.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public FaultInjectionTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    public enum WireMockFault
    {
        EmptyResponseFault,
        MalformedResponseChunkFault,
        EmptyBody200,
        TruncatedJson,
        HtmlOn200,
        WrongTypes,
        InvalidUtf8,
        EscapedLoneSurrogate,
        ErrorBodyWithLoneSurrogate,
        ErrorBodyWithInvalidUtf8,
        TenMegabytesWithLength,
        SlowBeyondTimeout,
    }

    public enum RawFault
    {
        CloseAfterRequest,
        ResetAfterRequest,
        MalformedChunked,
        ShorterThanContentLength,
        TenMegabytesChunkedNoLength,
        TrickleBeyondTimeout,
        GarbageStatusLine,
    }

    private static void Configure(CpaasClientOptions options)
    {
        options.Timeout = Timeout;
        options.Retry.MaxRetries = 2;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
    }

    private static void AssertTyped(Outcome outcome, string label)
    {
        Assert.False(outcome.Hung, label + ": the call hung");
        Assert.True(outcome.Error is null or CpaasApiException, label + ": untyped " + outcome.Error);
        for (var e = outcome.Error; e is not null; e = e.InnerException)
        {
            Assert.False(e is NullReferenceException or InvalidCastException or IndexOutOfRangeException or ArgumentOutOfRangeException, label + ": " + e);
        }

        Assert.True(outcome.Elapsed <= Timeout + TimeSpan.FromSeconds(1.5), label + $": took {outcome.Elapsed.TotalMilliseconds:0} ms with a {Timeout.TotalSeconds} s timeout");
    }

    private static IResponseBuilder Build(WireMockFault fault, Op op)
    {
        var ok = op == Op.Get ? 200 : 201;
        var body = Calls.SuccessBody(op);
        return fault switch
        {
            WireMockFault.EmptyResponseFault => KandyStub.Json(ok, body).WithFault(FaultType.EMPTY_RESPONSE),
            WireMockFault.MalformedResponseChunkFault => KandyStub.Json(ok, body).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK),
            WireMockFault.EmptyBody200 => Response.Create().WithStatusCode(ok).WithHeader("Content-Type", "application/json").WithBody(string.Empty),
            WireMockFault.TruncatedJson => KandyStub.Json(ok, body[..(body.Length / 2)]),
            WireMockFault.HtmlOn200 => KandyStub.Json(ok, "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><p>Back soon.</p></body></html>", "text/html"),
            WireMockFault.WrongTypes => KandyStub.Json(ok, op == Op.Get
                ? "{\"subscriptionList\":{\"subscription\":{\"a\":1},\"resourceURL\":[true]}}"
                : "{\"outboundSMSMessageRequest\":{\"address\":\"+16139998877\",\"deliveryInfoList\":[1,2],\"resourceURL\":{},\"senderAddress\":7}}"),
            WireMockFault.InvalidUtf8 => Response.Create().WithStatusCode(ok).WithHeader("Content-Type", "application/json").WithBody(InvalidUtf8(body)),
            WireMockFault.EscapedLoneSurrogate => KandyStub.Json(ok, body.Replace("\"resourceURL\": \"", "\"resourceURL\": \"\\ud800", StringComparison.Ordinal)),
            WireMockFault.ErrorBodyWithLoneSurrogate => KandyStub.Json(400, "{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0002\",\"text\":\"Invalid input value for message part \\ud800\"}}}"),
            WireMockFault.ErrorBodyWithInvalidUtf8 => Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody(Encoding.UTF8.GetBytes("{\"requestError\":{\"serviceException\":{\"messageId\":\"SVC0002\",\"text\":\"bad \u0001\"}}}").Select(b => b == 1 ? (byte)0xFF : b).ToArray()),
            WireMockFault.TenMegabytesWithLength => Response.Create().WithStatusCode(ok).WithHeader("Content-Type", "application/json").WithBody(TenMegabytes(body)),
            WireMockFault.SlowBeyondTimeout => KandyStub.Json(ok, body).WithDelay(Timeout + TimeSpan.FromSeconds(3)),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };
    }

    /// <summary>The success body with an extra member whose name is not valid UTF-8.</summary>
    private static byte[] InvalidUtf8(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body).ToList();
        var firstBrace = bytes.IndexOf((byte)'{');
        bytes.InsertRange(firstBrace + 1, new byte[] { (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)',' });
        return bytes.ToArray();
    }

    /// <summary>A valid JSON object of 10 MiB: the success body with a 10 MiB string member.</summary>
    private static byte[] TenMegabytes(string body)
        => Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 10 * 1024 * 1024) + "\"," + body.TrimStart()[1..]);

    [Theory]
    [CombinatorialFaults]
    public async Task AWireMockFaultEndsInSuccessOrATypedErrorWithinTheTimeout(WireMockFault fault, Op op)
    {
        _kandy.StubToken();
        _kandy.Stub(Calls.Method(op), Calls.Path(op), Build(fault, op));
        using var client = _kandy.Client(Configure);

        var outcome = await Outcome.Of(() => Calls.Run(client, op), Timeout + TimeSpan.FromSeconds(3));

        var requests = _kandy.Calls(Calls.Path(op)).Count;
        _output.WriteLine($"FAULT wiremock {fault} on {op}: {outcome.Describe()}, {requests} request(s) logged by the server");
        AssertTyped(outcome, fault + " on " + op);
        if (op == Op.Send)
        {
            Assert.True(requests <= 1, $"the send reached the server {requests} times");
        }
    }

    [Theory]
    [InlineData(Op.Get)]
    [InlineData(Op.Send)]
    public async Task TenMegabytesOverTheDefaultCapIsATransportError(Op op)
    {
        _kandy.StubToken();
        _kandy.Stub(Calls.Method(op), Calls.Path(op), Build(WireMockFault.TenMegabytesWithLength, op));
        using var client = _kandy.Client(o => o.Timeout = TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<CpaasApiException>(() => Calls.Run(client, op));

        Assert.Equal(CpaasErrorKind.Transport, error.Kind);
        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
    }

    private static async Task Behave(RawFault fault, RawConnection connection)
    {
        switch (fault)
        {
            case RawFault.CloseAfterRequest:
                connection.Close();
                break;
            case RawFault.ResetAfterRequest:
                connection.Reset();
                break;
            case RawFault.MalformedChunked:
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"subscriptionL\r\nZZZ-not-hex\r\ngarbage\r\n");
                connection.Close();
                break;
            case RawFault.ShorterThanContentLength:
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"subscriptionList\":{");
                connection.Close();
                break;
            case RawFault.TenMegabytesChunkedNoLength:
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
                var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
                var header = Encoding.ASCII.GetBytes((64 * 1024).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n");
                for (var i = 0; i < 160; i++)
                {
                    await connection.WriteAsync(header);
                    await connection.WriteAsync(chunk);
                    await connection.WriteAsync("\r\n");
                }

                await connection.WriteAsync("0\r\n\r\n");
                break;
            case RawFault.TrickleBeyondTimeout:
                await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"subscriptionList\":{\"subscription\":[");
                for (var i = 0; i < 100; i++)
                {
                    await Task.Delay(100);
                    await connection.WriteAsync(" ");
                }

                connection.Close();
                break;
            case RawFault.GarbageStatusLine:
                await connection.WriteAsync("HTTX/9.9 abc\r\n\r\n\u0000\u0001\u0002");
                connection.Close();
                break;
        }
    }

    [Theory]
    [CombinatorialFaults]
    public async Task ARawServerFaultEndsInSuccessOrATypedErrorWithinTheTimeout(RawFault fault, Op op)
    {
        using var server = new RawHttpServer((_, connection) => Behave(fault, connection));
        using var client = server.Client(Configure);

        var outcome = await Outcome.Of(() => Calls.Run(client, op), Timeout + TimeSpan.FromSeconds(3));

        var requests = server.ApiRequests.Count;
        _output.WriteLine($"FAULT raw {fault} on {op}: {outcome.Describe()}, {requests} request(s) received");
        AssertTyped(outcome, fault + " on " + op);
        if (op == Op.Send)
        {
            Assert.True(requests == 1, $"the send reached the server {requests} times");
        }
    }
}

/// <summary>Every value of the fault enum (first parameter) with both operations.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CombinatorialFaultsAttribute : Xunit.Sdk.DataAttribute
{
    public override System.Collections.Generic.IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod)
    {
        var faultType = testMethod.GetParameters()[0].ParameterType;
        foreach (var fault in Enum.GetValues(faultType))
        {
            yield return new[] { fault, Op.Get };
            yield return new[] { fault, (object)Op.Send };
        }
    }
}
