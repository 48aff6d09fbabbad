using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>
/// Observes each request once, whatever happens below: one <see cref="Activity"/> (named by the URL template, with
/// method, template and final status; status Error with <c>error.type</c> on failure), the call and duration metrics
/// for every answered request, the failure counter and the log lines. Tags and logs carry templates and statuses only:
/// never ids, numbers, message text or tokens.
/// </summary>
internal sealed class TelemetryPolicy : PipelinePolicy
{
    private static readonly object?[] BoxedStatus = new object?[600];

    private readonly ILogger _logger;

    public TelemetryPolicy(ILogger logger) => _logger = logger;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask ProcessAsync(PipelineMessage message, ReadOnlyMemory<PipelinePolicy> next)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = CpaasTelemetry.Source.StartActivity(message.Operation, ActivityKind.Client);
        activity?.SetTag("http.request.method", message.Method.Method);
        activity?.SetTag("url.template", message.Operation);
        try
        {
            await ProcessNextAsync(message, next).ConfigureAwait(false);
            Answered(message, activity, started);
        }
        catch (CpaasApiException ex)
        {
            if (message.StatusCode > 0)
            {
                Answered(message, activity, started);
            }

            var id = SafeId(ex.ExceptionId);
            Log.Failed(_logger, message.Operation, ex.StatusCode > 0 ? Status(ex.StatusCode) + " " + id : ex.Kind.ToString());
            activity?.SetStatus(ActivityStatusCode.Error, ex.Kind.ToString());
            activity?.SetTag("error.type", ex.StatusCode > 0 ? Status(ex.StatusCode) : ex.Kind.ToString());
            if (id is not null)
            {
                activity?.SetTag("cpaas.exception_id", id);
            }

            CpaasTelemetry.Failures.Add(1, new KeyValuePair<string, object?>("url.template", message.Operation), new KeyValuePair<string, object?>("error.kind", ex.Kind.ToString()));
            throw;
        }
    }

    private void Answered(PipelineMessage message, Activity? activity, long started)
    {
        var status = message.StatusCode;
        var elapsed = Stopwatch.GetElapsedTime(started);
        activity?.SetTag("http.response.status_code", status);
        Log.Call(_logger, message.Operation, status, elapsed.TotalMilliseconds);

        // Statuses are boxed once and reused: telemetry must not cost an allocation per call.
        var boxed = status is >= 0 and < 600 ? BoxedStatus[status] ??= status : status;
        var tags = new TagList { { "url.template", message.Operation }, { "http.response.status_code", boxed } };
        CpaasTelemetry.Calls.Add(1, tags);
        CpaasTelemetry.Duration.Record(elapsed.TotalSeconds, tags);
    }

    private static string Status(int status) => status.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The API's exception id for logs and tags only when it looks like one (<c>SVC0002</c>, <c>invalid_client</c>): a
    /// server could put anything there, and a log line or a tag must never carry what it echoed.
    /// </summary>
    private static string? SafeId(string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (id.Length is 0 or > 64)
        {
            return "(unrecognised id)";
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-' and not '.')
            {
                return "(unrecognised id)";
            }
        }

        return id;
    }
}
