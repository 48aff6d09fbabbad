using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Cpaas.Reliability.Tests;

/// <summary>How one call ended: success, an exception (typed or not), or a hang; and how long it took.</summary>
internal sealed class Outcome
{
    private Outcome(Exception? error, TimeSpan elapsed, bool hung)
    {
        Error = error;
        Elapsed = elapsed;
        Hung = hung;
    }

    public Exception? Error { get; }

    public TimeSpan Elapsed { get; }

    public bool Hung { get; }

    public bool Succeeded => Error is null && !Hung;

    public CpaasApiException? Api => Error as CpaasApiException;

    /// <summary>Runs the call; a call still running after <paramref name="hangAfter"/> is a hang (its task is observed in the background).</summary>
    public static async Task<Outcome> Of(Func<Task> call, TimeSpan hangAfter)
    {
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Run(call);
        var first = await Task.WhenAny(task, Task.Delay(hangAfter)).ConfigureAwait(false);
        if (first != task)
        {
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            return new Outcome(null, stopwatch.Elapsed, hung: true);
        }

        try
        {
            await task.ConfigureAwait(false);
            return new Outcome(null, stopwatch.Elapsed, hung: false);
        }
        catch (Exception ex)
        {
            return new Outcome(ex, stopwatch.Elapsed, hung: false);
        }
    }

    /// <summary>One line for test output and docs/reliability.md.</summary>
    public string Describe()
    {
        var time = ((int)Elapsed.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms";
        if (Hung)
        {
            return "HANG after " + time;
        }

        if (Error is null)
        {
            return "success in " + time;
        }

        if (Error is CpaasApiException api)
        {
            var inner = api.InnerException is null ? string.Empty : ", inner " + Root(api).GetType().Name;
            return api.GetType().Name + " (status " + api.StatusCode + ", " + api.Kind + inner + ") in " + time;
        }

        return "UNTYPED " + Error.GetType().FullName + ": " + Error.Message + " in " + time;
    }

    private static Exception Root(Exception ex)
    {
        var inner = ex.InnerException!;
        while (inner.InnerException is not null && inner is not TimeoutException && inner is not SocketException)
        {
            inner = inner.InnerException;
        }

        return inner;
    }
}
