using System;
using System.Diagnostics;
using System.Threading;

namespace Cpaas;

/// <summary>
/// The start of one public SDK call (for example one <c>SubscribeAsync</c>, which makes several requests and may
/// wait for a token first). <see cref="CpaasClientOptions.Timeout"/> is measured from here, so it covers the token
/// request and every request of the call. Flows with the async context; no state is shared between calls.
/// </summary>
internal sealed class CallScope : IDisposable
{
    private static readonly AsyncLocal<CallScope?> CurrentScope = new();

    private CallScope() => Started = Stopwatch.GetTimestamp();

    public static CallScope? Current => CurrentScope.Value;

    public long Started { get; }

    /// <summary>Starts a scope unless the caller is already inside one (then the outer call's clock keeps running).</summary>
    public static CallScope? BeginIfNone()
    {
        if (CurrentScope.Value is not null)
        {
            return null;
        }

        var scope = new CallScope();
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Leaves the current scope for the rest of this async method (cleanup work that gets its own timeout).</summary>
    public static void Leave() => CurrentScope.Value = null;

    /// <summary>The time left of <paramref name="timeout"/> for the current call (all of it outside a scope).</summary>
    public static TimeSpan Remaining(TimeSpan timeout, long? started = null)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var from = started ?? Current?.Started;
        if (from is null)
        {
            return timeout;
        }

        var left = timeout - Stopwatch.GetElapsedTime(from.Value);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Dispose()
    {
        if (ReferenceEquals(CurrentScope.Value, this))
        {
            CurrentScope.Value = null;
        }
    }
}
