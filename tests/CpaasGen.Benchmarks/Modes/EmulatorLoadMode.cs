using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Emulator;

namespace CpaasGen.Benchmarks.Modes;

/// <summary>
/// The emulator under load (issue 11): N concurrent senders POSTing sends to an emulator in a child process (so its RSS
/// is its own) on loopback, for a fixed time, in two scenarios: no webhook, and one subscription whose webhook is dead (a
/// closed loopback port), so every send queues an outbound notification for it. Reports sends/s, the child's RSS
/// (start, peak, end, sampled every second) and, for the dead webhook, the backlog and the dropped deliveries.
/// Options: --seconds (default 30), --senders (default 200), --out (JSON file). The child is this program with
/// --emulator-serve; it stops when its standard input closes.
/// </summary>
internal static class EmulatorLoadMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Cli.GetDouble(args, "--seconds", 30);
        var senders = Cli.GetInt(args, "--senders", 200);
        var output = Cli.Get(args, "--out");
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);

        var results = new List<EmulatorLoadResult>();
        foreach (var deadWebhook in new[] { false, true })
        {
            var result = await MeasureAsync(deadWebhook, senders, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
            results.Add(result);
            Console.WriteLine($"{result.Scenario,-28} {result.SendsPerSecond,8:0} sends/s  errors {result.Errors}  RSS {result.RssStartMb:0} -> peak {result.RssPeakMb:0} -> end {result.RssEndMb:0} MB (at 10 s {result.RssSamplesMb[Math.Min(10, result.RssSamplesMb.Count - 1)]:0} MB)"
                + (deadWebhook ? $"  backlog {result.PendingDeliveries}, dropped {result.DroppedDeliveries}" : string.Empty));
        }

        if (args.Contains("--markdown"))
        {
            var md = new StringBuilder();
            Render(md, results);
            Console.WriteLine(md.ToString());
        }

        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
        }

        return results.All(r => r.Errors == 0 && r.Sends > 0) ? 0 : 1;
    }

    /// <summary>The child: an emulator with its defaults until standard input closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var emulator = await CpaasEmulator.StartAsync(new CpaasEmulatorOptions { ShutdownTimeout = TimeSpan.Zero }).ConfigureAwait(false);
        Console.WriteLine("READY " + emulator.BaseUrl.GetLeftPart(UriPartial.Authority));
        await Console.In.ReadToEndAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<EmulatorLoadResult> MeasureAsync(bool deadWebhook, int senders, TimeSpan measured)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(EmulatorLoadMode).Assembly.Location);
        }

        start.ArgumentList.Add("--emulator-serve");
        using var child = Process.Start(start)!;
        try
        {
            var ready = await child.StandardOutput.ReadLineAsync().ConfigureAwait(false);
            if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The emulator child did not start: " + ready);
            }

            var baseUrl = new Uri(ready[6..]);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false }) { BaseAddress = baseUrl };
            var defaults = new CpaasEmulatorOptions();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = defaults.ClientId, ["client_secret"] = defaults.ClientSecret, ["scope"] = "openid",
            });
            using var token = await http.PostAsync("/cpaas/auth/v1/token", form).ConfigureAwait(false);
            var access = (string)JsonNode.Parse(await token.Content.ReadAsStringAsync().ConfigureAwait(false))!["access_token"]!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
            var sms = "/cpaas/smsmessaging/v1/" + defaults.UserId;
            if (deadWebhook)
            {
                await SubscribeDeadWebhookAsync(http, defaults.UserId).ConfigureAwait(false);
            }

            var body = Encoding.UTF8.GetBytes("{\"outboundSMSMessageRequest\":{\"address\":[\"+16131234567\"],\"clientCorrelator\":\"bench\",\"outboundSMSTextMessage\":{\"message\":\"load\"}}}");
            long completed = 0;
            long errors = 0;
            var stop = 0;
            var rss = new List<double> { RssMb(child.Id) };
            var clock = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    try
                    {
                        using var response = await http.PostAsync(sms + "/outbound/default/requests", content).ConfigureAwait(false);
                        Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Created ? ref completed : ref errors);
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            })).ToArray();

            while (clock.Elapsed < measured)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                rss.Add(RssMb(child.Id));
            }

            var elapsed = clock.Elapsed;
            var sends = Interlocked.Read(ref completed);
            Volatile.Write(ref stop, 1);
            await Task.WhenAll(tasks).ConfigureAwait(false);
            http.DefaultRequestHeaders.Authorization = null;
            var info = JsonNode.Parse(await http.GetStringAsync("/emulator").ConfigureAwait(false))!;
            return new EmulatorLoadResult(
                deadWebhook ? "200 senders, dead webhook" : "200 senders, no webhook",
                senders, elapsed.TotalSeconds, sends, sends / elapsed.TotalSeconds, Interlocked.Read(ref errors),
                rss[0], rss.Max(), rss[^1], rss, (int)info["pendingDeliveries"]!, (long?)info["droppedDeliveries"] ?? 0, (int?)info["webhookBacklogPerUrl"] ?? 0);
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(10_000))
            {
                child.Kill();
            }
        }
    }

    /// <summary>The "Emulator under load" section of docs/performance.md (ReportMode; also printed by --markdown).</summary>
    public static void Render(StringBuilder md, IReadOnlyList<EmulatorLoadResult>? results)
    {
        if (results is null || results.Count == 0)
        {
            return;
        }

        md.AppendLine("## Emulator under load");
        md.AppendLine();
        md.AppendLine($"CpaasGen.Emulator in a child process on loopback, {results[0].Senders} concurrent senders POSTing sends from `default` for");
        md.AppendLine($"{results[0].Seconds:0} s (raw HttpClient, one token), RSS of the emulator process sampled every second. \"Dead webhook\": the default");
        md.AppendLine("number is subscribed to a closed loopback port, so every send queues an outbound notification that never gets through.");
        md.AppendLine();
        md.AppendLine("| scenario | sends/s | errors | RSS start → at 10 s → peak → end (MB) | webhook backlog at the end | dropped deliveries |");
        md.AppendLine("|---|---:|---:|---|---:|---:|");
        foreach (var r in results)
        {
            var at10 = r.RssSamplesMb.Count > 10 ? r.RssSamplesMb[10] : r.RssEndMb;
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.SendsPerSecond:N0} | {r.Errors} | {r.RssStartMb:0} → {at10:0} → {r.RssPeakMb:0} → {r.RssEndMb:0} | {r.PendingDeliveries:N0} (bound {r.BacklogPerUrl:N0} + 1 in flight) | {r.DroppedDeliveries:N0} |"));
        }

        md.AppendLine();
    }

    private static async Task SubscribeDeadWebhookAsync(HttpClient http, string userId)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        using var channel = await http.PostAsync("/cpaas/notificationchannel/v1/" + userId + "/channels", Json(
            "{\"notificationChannel\":{\"clientCorrelator\":\"bench\",\"channelData\":{\"x-webhookURL\":\"http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/dead\"},\"channelType\":\"webhooks\"}}")).ConfigureAwait(false);
        var channelText = await channel.Content.ReadAsStringAsync().ConfigureAwait(false);
        var channelId = (string?)JsonNode.Parse(channelText)?["notificationChannel"]?["callbackURL"]
            ?? throw new InvalidOperationException("The emulator did not create the webhook channel: " + (int)channel.StatusCode + " " + channelText);
        using var subscription = await http.PostAsync("/cpaas/smsmessaging/v1/" + userId + "/inbound/subscriptions", Json(
            "{\"subscription\":{\"clientCorrelator\":\"bench\",\"callbackReference\":{\"notifyURL\":\"" + channelId + "\"}}}")).ConfigureAwait(false);
        subscription.EnsureSuccessStatusCode();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static double RssMb(int pid)
    {
        var line = File.ReadLines("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}

public sealed record EmulatorLoadResult(
    string Scenario,
    int Senders,
    double Seconds,
    long Sends,
    double SendsPerSecond,
    long Errors,
    double RssStartMb,
    double RssPeakMb,
    double RssEndMb,
    IReadOnlyList<double> RssSamplesMb,
    int PendingDeliveries,
    long DroppedDeliveries,
    int BacklogPerUrl);
