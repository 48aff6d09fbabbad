using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.Cli.Tests;

/// <summary>
/// The real tool as a process: <c>dotnet cpaas.dll …</c>, the cpaas.dll the CLI project reference built and copied next
/// to this test assembly. CPAAS_* variables of the machine are removed so the runs are reproducible.
/// </summary>
internal sealed class CpaasProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _err = new();

    private CpaasProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(_out, e.Data);
        process.ErrorDataReceived += (_, e) => Add(_err, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string ToolPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "cpaas.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("cpaas.dll is not next to the test assembly; the CLI project reference should copy it.", path);
        }
    }

    public int Id => _process.Id;

    public string Out => string.Join("\n", _out);

    public string Err => string.Join("\n", _err);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static CpaasProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("CPAAS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        return new CpaasProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Runs the tool to its end.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        await process.WaitForExitAsync(timeout);
        return (process.ExitCode, process.Out, process.Err);
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("cpaas did not exit within " + timeout + ".\n--- stdout\n" + Out + "\n--- stderr\n" + Err);
        }

        _process.WaitForExit(); // drains the redirected streams
    }

    /// <summary>Waits for a line of stdout (or stderr) matching <paramref name="match"/>.</summary>
    public async Task<string> WaitForLineAsync(bool stderr, Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = (stderr ? _err : _out).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("No matching line on " + (stderr ? "stderr" : "stdout") + " (exited: " + _process.HasExited + ").\n--- stdout\n" + Out + "\n--- stderr\n" + Err);
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does (Unix only).</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>Sends SIGTERM, as <c>kill</c>, <c>docker stop</c> or systemd do (Unix only).</summary>
    public void Terminate() => Signal("TERM");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", "-" + name + " " + _process.Id) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static void Add(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    /// <summary>The dotnet host running these tests (DOTNET_HOST_PATH under dotnet test), else the one on PATH.</summary>
    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
