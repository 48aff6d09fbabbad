using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Cpaas.Cli.Tests;

/// <summary>Issue 13: no default credentials to a server the CLI did not start, and errors that name the real flags.</summary>
public sealed class CredentialTests
{
    [Fact]
    public async Task Only_a_base_url_is_a_usage_error_and_nothing_is_sent_to_it()
    {
        using var server = new ConnectionCounter();

        var run = await Cli.RunAsync("sms", "send", "--to", Emulators.Friend, "hi", "--base-url", server.Url);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var line = Cli.AssertOneErrorLine(run);
        Assert.Contains("--client-id", line, StringComparison.Ordinal);
        Assert.Contains("--client-secret", line, StringComparison.Ordinal);
        Assert.DoesNotContain("emulator-secret", line, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Only_CPAAS_BASE_URL_is_a_usage_error_and_nothing_is_sent_to_it()
    {
        using var server = new ConnectionCounter();

        var run = await Cli.RunAsync(new Dictionary<string, string> { ["CPAAS_BASE_URL"] = server.Url }, "sms", "subscriptions");

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.Contains("CPAAS_CLIENT_ID", Cli.AssertOneErrorLine(run), StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Equal(0, server.Connections);
    }

    [Theory]
    [InlineData("--client-id", "PRIV-x", "--client-secret")] // an id without its secret
    [InlineData("--email", "me@example.com", "--password")] // an email without its password
    public async Task Errors_name_the_flags_that_exist(string flag, string value, string missing)
    {
        using var server = new ConnectionCounter();

        var run = await Cli.RunAsync("sms", "threads", "--base-url", server.Url, flag, value);

        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var line = Cli.AssertOneErrorLine(run);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.DoesNotMatch("--[A-Z]", line); // never --ClientSecret, --BaseUrl…
        Assert.Equal(0, server.Connections);
    }

    /// <summary>A loopback listener that only counts the connections it accepts.</summary>
    private sealed class ConnectionCounter : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public ConnectionCounter()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public string Url => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
