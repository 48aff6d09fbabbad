using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Xunit;

namespace CpaasGen.Tests.Shared;

/// <summary>One received SSE event.</summary>
internal sealed record SseEvent(string Type, string Data, string? Id)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

/// <summary>
/// A Server-Sent Events client over real HTTP (the live feed, the emulator's inbox stream), reading with the framework's
/// own SSE parser (<see cref="SseParser"/>), so the stream is checked against the standard framing, not against our own.
/// Like a browser's EventSource, it remembers the id of the last event taken (<see cref="LastEventId"/>).
/// </summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseEvent> _events = Channel.CreateUnbounded<SseEvent>();
    private readonly Task _pump;

    private SseClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _pump = Task.Run(() => PumpAsync(body));
    }

    /// <summary>The id of the last event taken with <see cref="NextAsync"/> (what a browser would send as <c>Last-Event-ID</c>).</summary>
    public string? LastEventId { get; private set; }

    /// <summary>Set when the server ended the stream or the connection.</summary>
    public bool Ended { get; private set; }

    public static async Task<SseClient> ConnectAsync(HttpClient http, string path, string? lastEventId = null, Action<HttpRequestMessage>? configure = null)
    {
        var (response, body) = await OpenAsync(http, path, lastEventId, configure);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseClient(response, body!);
    }

    /// <summary>GET without reading the stream: for status checks.</summary>
    public static async Task<(HttpResponseMessage Response, Stream? Body)> OpenAsync(HttpClient http, string path, string? lastEventId = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        configure?.Invoke(request);

        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (response, response.IsSuccessStatusCode ? await response.Content.ReadAsStreamAsync() : null);
    }

    /// <summary>The next event other than heartbeats, within <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            var e = await _events.Reader.ReadAsync(cts.Token);
            LastEventId = e.Id ?? LastEventId;
            return e;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No SSE event within " + (timeout ?? TimeSpan.FromSeconds(10)));
        }
        catch (ChannelClosedException)
        {
            throw new EndOfStreamException("The feed ended.");
        }
    }

    /// <summary>The next <paramref name="count"/> events, each of type <paramref name="type"/> (fails on any other type).</summary>
    public async Task<IReadOnlyList<SseEvent>> ExpectAsync(string type, int count, TimeSpan? timeout = null)
    {
        var list = new List<SseEvent>(count);
        while (list.Count < count)
        {
            var e = await NextAsync(timeout);
            Assert.Equal(type, e.Type);
            list.Add(e);
        }

        return list;
    }

    /// <summary>True when no event (other than heartbeats) arrives within <paramref name="quiet"/>.</summary>
    public async Task<bool> IsQuietAsync(TimeSpan quiet)
    {
        using var cts = new CancellationTokenSource(quiet);
        try
        {
            return !await _events.Reader.WaitToReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private async Task PumpAsync(Stream body)
    {
        try
        {
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token))
            {
                if (item.EventType == "heartbeat")
                {
                    continue;
                }

                await _events.Writer.WriteAsync(new SseEvent(item.EventType, item.Data, item.EventId));
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or HttpRequestException)
        {
        }
        finally
        {
            Ended = true;
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _pump;
        _stop.Dispose();
    }
}
