using System;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cpaas;
using CpaasGen.Benchmarks.Infrastructure;

namespace CpaasGen.Benchmarks.Benchmarks;

/// <summary>
/// Webhook body → object, for the four notification kinds (the SDK test fixtures, verbatim): the SDK's
/// <see cref="Notification.Parse(ReadOnlySpan{byte})"/> against a hand-written <see cref="Utf8JsonReader"/> pass into
/// the same flat result objects (the baseline), and System.Text.Json's source generator into nested DTOs.
/// </summary>
[MemoryDiagnoser]
public class NotificationParseBenchmarks
{
    private byte[] _body = Array.Empty<byte>();

    [Params("inbound", "outbound", "cancellation", "event")]
    public string Kind { get; set; } = "inbound";

    [GlobalSetup]
    public void Setup()
    {
        _body = Payloads.Notification(Kind);
        var sdk = Notification.Parse(_body);
        var hand = HandWrittenNotificationParser.Parse(_body);
        if (Difference(sdk, hand, sdk.GetType().Name) is { } difference)
        {
            throw new InvalidOperationException("The hand-written parser disagrees with Notification.Parse: " + difference);
        }
    }

    /// <summary>Compares every public property (recursively for nested SDK objects); null when equal.</summary>
    private static string? Difference(object? left, object? right, string path)
    {
        if (left is null || right is null || left is string or Uri || left.GetType().IsValueType)
        {
            return Equals(left, right) ? null : path + ": '" + left + "' vs '" + right + "'";
        }

        if (left.GetType() != right.GetType())
        {
            return path + ": " + left.GetType().Name + " vs " + right.GetType().Name;
        }

        foreach (var property in left.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (property.Name == "ApiModel")
            {
                continue; // the wire model: every convenience property reads through it and is compared
            }

            if (Difference(property.GetValue(left), property.GetValue(right), path + "." + property.Name) is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    [Benchmark(Baseline = true)]
    public CpaasNotification HandWritten() => HandWrittenNotificationParser.Parse(_body);

    [Benchmark]
    public CpaasNotification Sdk() => Notification.Parse(_body);

    /// <summary>The floor for <see cref="Sdk"/>'s allocations: the generated wire model alone (the envelope type of the kind).</summary>
    [Benchmark]
    public object GeneratedModel()
    {
        var reader = new Utf8JsonReader(_body);
        reader.Read();
        return Kind switch
        {
            "inbound" => Cpaas.Api.InboundSmsMessageNotificationEnvelope.ReadFrom(ref reader),
            "outbound" => Cpaas.Api.OutboundSmsMessageNotificationEnvelope.ReadFrom(ref reader),
            "cancellation" => Cpaas.Api.SmsSubscriptionCancellationNotificationEnvelope.ReadFrom(ref reader),
            _ => Cpaas.Api.SmsEventNotificationEnvelope.ReadFrom(ref reader),
        };
    }

    [Benchmark]
    public NotificationEnvelopeDto? StjSourceGen() => JsonSerializer.Deserialize(_body, NotificationJson.Default.NotificationEnvelopeDto);
}
