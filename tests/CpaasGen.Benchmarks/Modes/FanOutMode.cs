using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>
/// The live feed's fan-out (issue 14): an app with MapCpaasWebhook + MapCpaasLiveFeed in a child process (so its memory
/// is its own) on loopback, N connected SSE clients in this process, then R notifications POSTed to the webhook one
/// after another; each round waits until every client has the notification. Reports, per (client, notification), the
/// latency from "POST sent" to "event read by the client" (p50/p99), the latency until the last client had it, the
/// webhook's own answer time in the same run (the floor: what Kandy waits for), and the app's memory per connected
/// client (managed heap after a full GC, and RSS). Options: --clients (1000), --rounds (200), --warmup (20), --out FILE.
/// The child is this program with --fanout-serve; it stops when its standard input closes.
/// </summary>
internal static class FanOutMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Cli.GetInt(args, "--clients", 1000);
        var rounds = Cli.GetInt(args, "--rounds", 200);
        var warmup = Cli.GetInt(args, "--warmup", 20);
        var output = Cli.Get(args, "--out");
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), io);

        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FanOutMode).Assembly.Location);
        }

        start.ArgumentList.Add("--fanout-serve");
        using var child = Process.Start(start)!;
        try
        {
            var ready = await child.StandardOutput.ReadLineAsync().ConfigureAwait(false);
            if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The fan-out app did not start: " + ready);
            }

            var baseUrl = new Uri(ready[6..]);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false }) { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
            var idle = await StatsAsync(http).ConfigureAwait(false);

            var total = warmup + rounds;
            var received = new long[total, clients];
            var remaining = new int[total];
            var done = Enumerable.Range(0, total).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            for (var r = 0; r < total; r++)
            {
                remaining[r] = clients;
            }

            using var stop = new CancellationTokenSource();
            var connected = 0;
            var readers = new List<Task>(clients);
            for (var c = 0; c < clients; c++)
            {
                var client = c;
                var response = await http.GetAsync("/sms/live", HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                readers.Add(Task.Run(async () =>
                {
                    using var _ = response;
                    using var reader = new StreamReader(stream);
                    try
                    {
                        while (await reader.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
                        {
                            if (line.StartsWith("event: ready", StringComparison.Ordinal))
                            {
                                Interlocked.Increment(ref connected);
                            }

                            var at = line.IndexOf("\"message\":\"r", StringComparison.Ordinal);
                            if (at < 0)
                            {
                                continue;
                            }

                            var now = Stopwatch.GetTimestamp();
                            var end = at + 12;
                            while (char.IsAsciiDigit(line[end]))
                            {
                                end++;
                            }

                            var round = int.Parse(line.AsSpan(at + 12, end - at - 12), CultureInfo.InvariantCulture);
                            received[round, client] = now;
                            if (Interlocked.Decrement(ref remaining[round]) == 0)
                            {
                                done[round].TrySetResult();
                            }
                        }
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                    }
                }));
            }

            while (Volatile.Read(ref connected) < clients)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }

            var withClients = await StatsAsync(http).ConfigureAwait(false);
            var sent = new long[total];
            var acked = new long[total];
            for (var r = 0; r < total; r++)
            {
                var body = "{\"inboundSMSMessageNotification\":{\"inboundSMSMessage\":{\"dateTime\":1525895987000,\"destinationAddress\":\"+16135550100\",\"message\":\"r"
                    + r.ToString(CultureInfo.InvariantCulture) + " hello from the bench\",\"messageId\":\"SM" + r + "\",\"senderAddress\":\"+16131234567\"},\"dateTime\":1525895987000,\"id\":\""
                    + Guid.NewGuid() + "\"}}";
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                sent[r] = Stopwatch.GetTimestamp();
                using (var response = await http.PostAsync("/inbound-sms/webhook", content).ConfigureAwait(false))
                {
                    acked[r] = Stopwatch.GetTimestamp();
                    response.EnsureSuccessStatusCode();
                }

                await done[r].Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }

            var delivery = new List<double>(rounds * clients);
            var last = new List<double>(rounds);
            var ack = new List<double>(rounds);
            for (var r = warmup; r < total; r++)
            {
                var slowest = 0.0;
                for (var c = 0; c < clients; c++)
                {
                    var ms = Stopwatch.GetElapsedTime(sent[r], received[r, c]).TotalMilliseconds;
                    delivery.Add(ms);
                    slowest = Math.Max(slowest, ms);
                }

                last.Add(slowest);
                ack.Add(Stopwatch.GetElapsedTime(sent[r], acked[r]).TotalMilliseconds);
            }

            await stop.CancelAsync().ConfigureAwait(false);
            var result = new FanOutResult(
                clients, rounds, Environment.ProcessorCount,
                Percentile(ack, 50), Percentile(ack, 99),
                Percentile(delivery, 50), Percentile(delivery, 99),
                Percentile(last, 50), Percentile(last, 99),
                (withClients.HeapBytes - idle.HeapBytes) / (double)clients,
                (withClients.RssBytes - idle.RssBytes) / (double)clients,
                idle.HeapBytes / 1024.0 / 1024.0, withClients.HeapBytes / 1024.0 / 1024.0,
                idle.RssBytes / 1024.0 / 1024.0, withClients.RssBytes / 1024.0 / 1024.0,
                withClients.Dropped);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{clients} clients, {rounds} notifications: webhook answer p50 {result.AckP50Ms:0.00} ms p99 {result.AckP99Ms:0.00} ms; delivery p50 {result.DeliveryP50Ms:0.00} ms p99 {result.DeliveryP99Ms:0.00} ms; "
                + $"all clients p50 {result.LastClientP50Ms:0.00} ms p99 {result.LastClientP99Ms:0.00} ms; per client {result.HeapBytesPerClient / 1024:0.0} KiB heap, {result.RssBytesPerClient / 1024:0.0} KiB RSS; dropped {result.Dropped}"));
            if (args.Contains("--markdown"))
            {
                var md = new StringBuilder();
                Render(md, result);
                Console.WriteLine(md.ToString());
            }

            if (output is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
                await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
            }

            return result.Dropped == 0 ? 0 : 1;
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(15_000))
            {
                child.Kill();
            }
        }
    }

    /// <summary>The child: the app under test (webhook + anonymous live feed, no logging) until standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxConcurrentConnections = null);
        builder.Services.AddCpaasWebhooks().AllowUnauthenticated();
        await using var app = builder.Build();
        app.MapCpaasWebhook("/inbound-sms/webhook", handlers => handlers.OnInbound(_ => { }));
        app.MapCpaasLiveFeed("/sms/live").AllowAnonymous();
        app.MapGet("/stats", (RequestDelegate)(async context =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var rss = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            await context.Response.WriteAsync("{\"heap\":" + GC.GetTotalMemory(true).ToString(CultureInfo.InvariantCulture) + ",\"rss\":" + (kb * 1024).ToString(CultureInfo.InvariantCulture) + "}").ConfigureAwait(false);
        }));
        await app.StartAsync().ConfigureAwait(false);
        Console.WriteLine("READY " + app.Urls.First());
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>The "Live feed fan-out" section of docs/performance.md (ReportMode; also printed by --markdown).</summary>
    public static void Render(StringBuilder md, FanOutResult? r)
    {
        if (r is null)
        {
            return;
        }

        md.AppendLine("## Live feed fan-out");
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"An app with `MapCpaasWebhook` + `MapCpaasLiveFeed` in a child process on loopback, **{r.Clients:N0} connected SSE clients** (one"));
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"`HttpClient` stream each, in the benchmark process), then {r.Rounds} inbound notifications POSTed to the webhook one at a time, each"));
        md.AppendLine("round waiting until every client has read it (after 20 warm-up rounds). Latency runs from \"POST sent\" to \"event read");
        md.AppendLine("by the client\"; the floor is the webhook's own answer in the same run (what Kandy waits for: the fan-out happens after it).");
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Server and clients share the {r.Cores} cores. `--fanout` in tests/CpaasGen.Benchmarks."));
        md.AppendLine();
        md.AppendLine("| measure | p50 | p99 |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| webhook answer (floor) | {r.AckP50Ms:0.00} ms | {r.AckP99Ms:0.00} ms |"));
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| delivered to a client (every client × notification) | {r.DeliveryP50Ms:0.00} ms (×{r.DeliveryP50Ms / r.AckP50Ms:0.0} the floor) | {r.DeliveryP99Ms:0.00} ms (×{r.DeliveryP99Ms / r.AckP99Ms:0.0}) |"));
        md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| delivered to all {r.Clients:N0} clients (per notification) | {r.LastClientP50Ms:0.00} ms | {r.LastClientP99Ms:0.00} ms |"));
        md.AppendLine();
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory of the app per connected client: **{r.HeapBytesPerClient / 1024:0.0} KiB managed heap** (after a full GC: {r.HeapIdleMb:0.0} → {r.HeapWithClientsMb:0.0} MB) and"));
        md.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"**{r.RssBytesPerClient / 1024:0.0} KiB RSS** ({r.RssIdleMb:0} → {r.RssWithClientsMb:0} MB: Kestrel's connection, the SSE writer, the bounded queue). Clients dropped: {r.Dropped}."));
        md.AppendLine();
    }

    private static async Task<(long HeapBytes, long RssBytes, long Dropped)> StatsAsync(HttpClient http)
    {
        var stats = JsonNode.Parse(await http.GetStringAsync("/stats").ConfigureAwait(false))!;
        return ((long)stats["heap"]!, (long)stats["rss"]!, 0);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var index = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}

public sealed record FanOutResult(
    int Clients,
    int Rounds,
    int Cores,
    double AckP50Ms,
    double AckP99Ms,
    double DeliveryP50Ms,
    double DeliveryP99Ms,
    double LastClientP50Ms,
    double LastClientP99Ms,
    double HeapBytesPerClient,
    double RssBytesPerClient,
    double HeapIdleMb,
    double HeapWithClientsMb,
    double RssIdleMb,
    double RssWithClientsMb,
    long Dropped);
