using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CpaasGen.Benchmarks.Contenders;
using CpaasGen.Benchmarks.Infrastructure;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>
/// Sends per second with 1, 16 and 256 concurrent callers against the loopback Kestrel stub (in this process), per
/// contender, and the number of token requests the stub saw. Each (contender, callers) cell gets fresh clients whose
/// token is NOT pre-fetched: all callers are released at once, so for the facade and the generated layer the first
/// calls race for the token and the single-flight token provider must send exactly one token request.
/// Options: --seconds (measured, default 5), --warmup (default 1), --out (JSON file), --callers (e.g. 1,16,256).
/// </summary>
internal static class ThroughputMode
{
    private static readonly Contender[] Contenders = { Contender.Floor, Contender.Facade, Contender.Generated, Contender.Kiota, Contender.NSwag };

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Cli.GetDouble(args, "--seconds", 5);
        var warmup = Cli.GetDouble(args, "--warmup", 1);
        var callerCounts = (Cli.Get(args, "--callers") ?? "1,16,256").Split(',').Select(int.Parse).ToArray();
        var output = Cli.Get(args, "--out");
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);

        await using var stub = await LoopbackStub.StartAsync().ConfigureAwait(false);
        var results = new List<ThroughputResult>();
        Console.WriteLine($"Throughput: loopback stub {stub.BaseUrl}, {warmup:0.#} s warm-up + {seconds:0.#} s measured per cell, cold clients per cell");
        Console.WriteLine($"{"contender",-10} {"callers",7} {"sends/s",10} {"mean latency",13} {"token requests",15} {"errors",7}");
        foreach (var contender in Contenders)
        {
            foreach (var callers in callerCounts)
            {
                var result = await MeasureAsync(stub, contender, callers, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
                results.Add(result);
                Console.WriteLine($"{result.Contender,-10} {result.Callers,7} {result.SendsPerSecond,10:0} {result.MeanLatencyMicroseconds,10:0} µs {(result.UsesTokenProvider ? result.TokenRequests.ToString(System.Globalization.CultureInfo.InvariantCulture) : "n/a (static)"),15} {result.Errors,7}");
            }
        }

        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
        }

        var bad = results.Where(r => r.Errors > 0 || r.Sends == 0 || (r.UsesTokenProvider && r.TokenRequests != 1)).ToList();
        foreach (var r in bad)
        {
            Console.Error.WriteLine($"throughput: FAILED {r.Contender} x{r.Callers}: {r.Sends} sends, {r.Errors} errors, {r.TokenRequests} token requests{(r.FirstError is null ? string.Empty : " (" + r.FirstError + ")")}");
        }

        return bad.Count == 0 ? 0 : 1;
    }

    private static async Task<ThroughputResult> MeasureAsync(LoopbackStub stub, Contender contender, int callers, TimeSpan warmup, TimeSpan measured)
    {
        stub.ResetTokenRequests();
        using var set = ContenderSet.Loopback(stub.BaseUrl);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long completed = 0;
        long errors = 0;
        var measuring = 0;
        var stop = 0;
        string? firstError = null;
        var tasks = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            await start.Task.ConfigureAwait(false);
            while (Volatile.Read(ref stop) == 0)
            {
                try
                {
                    await set.SendAsync(contender).ConfigureAwait(false);
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        Interlocked.Increment(ref completed);
                    }
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
                }
            }
        })).ToArray();

        start.SetResult();
        await Task.Delay(warmup).ConfigureAwait(false);
        Volatile.Write(ref measuring, 1);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measured).ConfigureAwait(false);
        Volatile.Write(ref measuring, 0);
        var elapsed = clock.Elapsed;
        var sends = Interlocked.Read(ref completed);
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var perSecond = sends / elapsed.TotalSeconds;
        return new ThroughputResult(
            contender.ToString(),
            callers,
            sends,
            perSecond,
            perSecond > 0 ? callers / perSecond * 1e6 : 0,
            contender is Contender.Facade or Contender.Generated,
            stub.TokenRequests,
            Interlocked.Read(ref errors),
            firstError);
    }
}

public sealed record ThroughputResult(
    string Contender,
    int Callers,
    long Sends,
    double SendsPerSecond,
    double MeanLatencyMicroseconds,
    bool UsesTokenProvider,
    int TokenRequests,
    long Errors,
    string? FirstError);
