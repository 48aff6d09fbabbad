using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cpaas;

/// <summary>
/// The end of the pipeline: builds the attempt's <see cref="HttpRequestMessage"/> (a new one per attempt; HttpClient never
/// sends a message twice) and sends it through the injected <see cref="HttpClient"/>, headers first
/// (<see cref="HttpCompletionOption.ResponseHeadersRead"/>: the body is read above, within its size limit). It records
/// whether the attempt may have reached the API.
/// </summary>
internal sealed class TransportPolicy : PipelinePolicy
{
    private readonly HttpClient _http;

    public TransportPolicy(HttpClient http) => _http = http;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        var request = message.StartAttempt();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, message.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            message.AttemptFailed(ex);
            throw;
        }

        message.SetResponse(response);
    }

    /// <summary>
    /// True when the request provably never left this machine: the name did not resolve, the connection was refused or
    /// the host unreachable, or the TLS handshake failed — no byte of the request reached a server. Only such a
    /// failure lets a POST (an SMS send) be retried.
    /// </summary>
    internal static bool NeverReachedServer(Exception ex)
    {
        if (ex is not HttpRequestException http)
        {
            return false;
        }

        switch (http.HttpRequestError)
        {
            case HttpRequestError.NameResolutionError:
            case HttpRequestError.SecureConnectionError:
                return true;
            case HttpRequestError.ConnectionError:
                for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
                {
                    if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound or SocketError.AddressNotAvailable })
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
