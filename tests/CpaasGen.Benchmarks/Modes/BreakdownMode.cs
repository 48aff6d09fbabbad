using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CpaasGen.Benchmarks.Contenders;
using CpaasGen.Benchmarks.Infrastructure;
using Api = Cpaas.Api;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>
/// Where the time and bytes of one in-memory send go, by measuring the pieces the send is made of on their own
/// (allocated bytes per call from <see cref="GC.GetAllocatedBytesForCurrentThread"/>; every in-memory call completes
/// synchronously on this thread, which the mode checks). A profile-backed decomposition for docs/performance.md:
/// the request adapter's own share is what is left of the generated-layer call once the pieces are subtracted.
/// Options: --iterations (default 20000), --out (JSON).
/// </summary>
internal static class BreakdownMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var iterations = Cli.GetInt(args, "--iterations", 20000);
        var output = Cli.Get(args, "--out");
        using var set = ContenderSet.InMemory();
        await set.WarmUpAsync().ConfigureAwait(false);
        var api = set.Generated;
        using var raw = new HttpClient(new FixedResponseHandler());
        var url = new Uri("https://cpaas.bench.invalid/cpaas/smsmessaging/v1/" + Payloads.UserId + "/outbound/" + Payloads.Sender + "/requests");

        var calls = new List<(string Name, Func<Task<object?>> Call)>
        {
            ("facade: Conversation.CreateMessageAsync (whole call)", async () => await set.FacadeSendAsync().ConfigureAwait(false)),
            ("generated layer: SmsOutbound.CreateOutboundSmsMessageAsync (whole call)", async () => await set.GeneratedSendAsync().ConfigureAwait(false)),
            ("floor (whole call)", async () => await set.FloorSendAsync().ConfigureAwait(false)),
            ("piece: request model (OutboundSmsMessageRequestBody + request + text message + address list)", () => Task.FromResult<object?>(Body())),
            ("piece, Kiota path only (the SDK's adapter takes the direct path and skips it): ToCreateOutboundSmsMessageRequestInformation (RequestInformation, path params, JSON body via JsonBodyWriter)", () => Task.FromResult<object?>(api.SmsOutbound.ToCreateOutboundSmsMessageRequestInformation(Payloads.UserId, Payloads.Sender, Body()))),
            ("piece, Kiota path only: ... + RequestInformation.URI (Kiota's RFC 6570 template expansion)", () =>
            {
                var info = api.SmsOutbound.ToCreateOutboundSmsMessageRequestInformation(Payloads.UserId, Payloads.Sender, Body());
                info.PathParameters["baseurl"] = "https://cpaas.bench.invalid";
                return Task.FromResult<object?>(info.URI);
            }),
            ("piece: transport floor (HttpRequestMessage + ReadOnlyMemoryContent + HttpClient.SendAsync + read body to byte[])", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ReadOnlyMemoryContent(Payloads.SendResponse) };
                using var response = await raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                return (object?)await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }),
            ("piece: response JSON → OutboundSmsMessageResponseBody (generated ReadJson)", () =>
            {
                var reader = new System.Text.Json.Utf8JsonReader(Payloads.SendResponse);
                reader.Read();
                return Task.FromResult<object?>(Api.OutboundSmsMessageResponseBody.ReadFrom(ref reader));
            }),
            ("piece: CancellationTokenSource.CreateLinkedTokenSource + CancelAfter(30 s) (what DeadlinePolicy pays when it cannot reuse its per-thread one)", () =>
            {
                using var cts = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(default(System.Threading.CancellationToken));
                cts.CancelAfter(TimeSpan.FromSeconds(30));
                return Task.FromResult<object?>(null);
            }),
            ("list 100: generated layer: SmsHistory.ListSmsMessagesAsync (whole call)", async () => await set.GeneratedListMessagesAsync().ConfigureAwait(false)),
            ("list 100: floor (whole call)", async () => await set.FloorListMessagesAsync().ConfigureAwait(false)),
            ("list 100 piece: response JSON → SmsMessageListResponseBody (generated ReadJson, from a byte array)", () =>
            {
                var reader = new System.Text.Json.Utf8JsonReader(Payloads.MessageList);
                reader.Read();
                return Task.FromResult<object?>(Api.SmsMessageListResponseBody.ReadFrom(ref reader));
            }),
            ("list 100 piece: response JSON → floor DTOs (STJ source-gen, from a byte array)", () =>
                Task.FromResult<object?>(JsonSerializer.Deserialize(Payloads.MessageList, FloorJson.Default.FloorMessageListBody))),
        };

        // Warm every piece first (tiered JIT: all code at tier 1 before anything is measured), then measure.
        var warmUntil = Stopwatch.StartNew();
        while (warmUntil.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var (_, call) in calls)
            {
                for (var i = 0; i < 200; i++)
                {
                    call().GetAwaiter().GetResult();
                }
            }
        }

        Thread.Sleep(500);
        var phases = calls.Select(c => Measure(c.Name, iterations, c.Call)).ToList();
        var facade = phases[0];
        var generated = phases[1];
        // The direct path: the request model, the transport and the response read; the RequestInformation pieces (4, 5)
        // are what any other adapter pays instead.
        var pieces = phases[3].Bytes + phases[6].Bytes + phases[7].Bytes;
        var piecesNs = phases[3].Nanoseconds + phases[6].Nanoseconds + phases[7].Nanoseconds;
        phases.Add(new Phase("derived: facade's own share (facade − generated layer: validation, default sender, result mapping, metrics, log check)", facade.Bytes - generated.Bytes, facade.Nanoseconds - generated.Nanoseconds, true));
        phases.Add(new Phase("derived: request adapter and pipeline's own share on the direct path (generated layer − request model − transport − response read)", generated.Bytes - pieces, generated.Nanoseconds - piecesNs, true));

        Console.WriteLine($"{"bytes/call",11} {"ns/call",9}  phase");
        foreach (var phase in phases)
        {
            Console.WriteLine($"{phase.Bytes,11:0} {phase.Nanoseconds,9:0}  {phase.Name}{(phase.Synchronous ? string.Empty : "  [not synchronous: bytes on other threads missed]")}");
        }

        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(phases, new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
        }

        return phases.All(p => p.Synchronous) ? 0 : 1;
    }

    private static Api.OutboundSmsMessageRequestBody Body() => new()
    {
        OutboundSmsMessageRequest = new Api.OutboundSmsMessageRequest
        {
            Address = [Payloads.Destination],
            ClientCorrelator = Payloads.ClientCorrelator,
            OutboundSmsTextMessage = new Api.OutboundSmsTextMessage { Message = Payloads.Text },
        },
    };

    private static Phase Measure(string name, int iterations, Func<Task<object?>> call)
    {
        var synchronous = true;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            var task = call();
            synchronous &= task.IsCompleted;
            task.GetAwaiter().GetResult();
        }

        var ns = clock.Elapsed.TotalMilliseconds * 1e6 / iterations;
        var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / iterations;
        return new Phase(name, Math.Round(bytes), Math.Round(ns), synchronous);
    }
}

public sealed record Phase(string Name, double Bytes, double Nanoseconds, bool Synchronous);
