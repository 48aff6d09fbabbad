using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// A tiny HTTP/1.1 server on a raw <see cref="TcpListener"/> (loopback only), for faults a real server never makes:
/// reading a request and then closing or resetting the connection, a broken chunked body, a body shorter than its
/// Content-Length, an endless trickle. The token endpoint is answered normally (keep-alive) unless told otherwise;
/// every other request goes to the behaviour the test gives.
/// </summary>
internal sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawRequest, RawConnection, Task> _behaviour;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly ConcurrentBag<Socket> _sockets = new();
    private readonly Task _acceptLoop;
    private int _connections;

    public RawHttpServer(Func<RawRequest, RawConnection, Task> behaviour, bool answerToken = true)
    {
        _behaviour = behaviour;
        AnswerToken = answerToken;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    public bool AnswerToken { get; }

    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<RawRequest> Requests => _requests.ToList();

    public IReadOnlyList<RawRequest> ApiRequests => _requests.Where(r => r.Path != KandyStub.TokenPath).ToList();

    public CpaasClientOptions Options(Action<CpaasClientOptions>? configure = null)
    {
        var options = new CpaasClientOptions { BaseUrl = BaseUrl, ClientId = KandyStub.ClientId, ClientSecret = KandyStub.ClientSecret, Timeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return options;
    }

    public CpaasClient Client(Action<CpaasClientOptions>? configure = null)
        => new(Options(configure), new System.Net.Http.HttpClient(new System.Net.Http.SocketsHttpHandler()), null);

    /// <summary>A complete response with a Content-Length, keep-alive.</summary>
    public static byte[] Response(int status, string? body, string contentType = "application/json", string? extraHeaders = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
        var head = "HTTP/1.1 " + status + " " + Reason(status) + "\r\n" + (body is null ? string.Empty : "Content-Type: " + contentType + "\r\n")
            + "Content-Length: " + bytes.Length + "\r\n" + (extraHeaders ?? string.Empty) + "\r\n";
        return Encoding.ASCII.GetBytes(head).Concat(bytes).ToArray();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var socket in _sockets)
        {
            try
            {
                socket.Dispose();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        try
        {
            _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        401 => "Unauthorized",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _sockets.Add(socket);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var connection = new RawConnection(socket);
        var pending = new List<byte>();
        try
        {
            while (!_stop.IsCancellationRequested && !connection.Closed)
            {
                var request = await ReadRequestAsync(connection.Stream, pending).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                if (AnswerToken && request.Path == KandyStub.TokenPath)
                {
                    await connection.WriteAsync(Response(200, TestJwt.Response().Body)).ConfigureAwait(false);
                    continue;
                }

                await _behaviour(request, connection).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (often on purpose: it gave up on a hostile response).
        }
        finally
        {
            connection.Close();
        }
    }

    private async Task<RawRequest?> ReadRequestAsync(Stream stream, List<byte> pending)
    {
        var buffer = new byte[16 * 1024];
        int headerEnd;
        while ((headerEnd = IndexOf(pending, "\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var head = Encoding.ASCII.GetString(pending.GetRange(0, headerEnd).ToArray());
        pending.RemoveRange(0, headerEnd + 4);
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (pending.Count < length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            pending.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var body = Encoding.UTF8.GetString(pending.GetRange(0, length).ToArray());
        pending.RemoveRange(0, length);
        return new RawRequest(parts[0], new Uri(BaseUrl, parts[1]).AbsolutePath, headers, body, DateTimeOffset.UtcNow);
    }

    private static int IndexOf(List<byte> data, ReadOnlySpan<byte> pattern)
    {
        for (var i = 0; i <= data.Count - pattern.Length; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length; j++)
            {
                if (data[i + j] != pattern[j])
                {
                    match = false;
                    break;
                }
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}

internal sealed record RawRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt);

/// <summary>One accepted connection: write raw bytes, then keep it open, close it (FIN) or reset it (RST).</summary>
internal sealed class RawConnection
{
    public RawConnection(Socket socket)
    {
        Socket = socket;
        Stream = new NetworkStream(socket, ownsSocket: false);
    }

    public Socket Socket { get; }

    public NetworkStream Stream { get; }

    public bool Closed { get; private set; }

    public async Task WriteAsync(byte[] bytes) => await Stream.WriteAsync(bytes).ConfigureAwait(false);

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Orderly close (FIN) after what was written.</summary>
    public void Close()
    {
        if (Closed)
        {
            return;
        }

        Closed = true;
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        Socket.Dispose();
    }

    /// <summary>Abortive close: the peer sees a connection reset (RST).</summary>
    public void Reset()
    {
        if (Closed)
        {
            return;
        }

        Closed = true;
        try
        {
            Socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }

        Socket.Dispose();
    }
}
