using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.Reliability.Tests;

/// <summary>The two calls every fault is tried on: an idempotent GET and the non-idempotent SMS send (POST).</summary>
public enum Op
{
    Get,
    Send,
}

internal static class Calls
{
    public const string Destination = "+16139998877";

    public static Task Run(CpaasClient client, Op op, CancellationToken cancellationToken = default)
        => op == Op.Get ? client.Conversation.GetSubscriptionsAsync(cancellationToken) : Send(client, cancellationToken);

    public static Task<CreateMessageResult> Send(CpaasClient client, CancellationToken cancellationToken = default, string text = "hello from the reliability tests")
        => client.Conversation.CreateMessageAsync(
            new CreateMessageRequest { DestinationAddress = new[] { Destination }, SenderAddress = KandyStub.Sender, Message = text },
            cancellationToken);

    public static string Method(Op op) => op == Op.Get ? "GET" : "POST";

    public static string Path(Op op) => op == Op.Get ? KandyStub.SubscriptionsPath : KandyStub.SendPath;

    public static string SuccessBody(Op op) => Fixture.Read(op == Op.Get ? "subscription-list.json" : "send-response.json");

    /// <summary>The delays the SDK announced in its "retrying after … in N ms" log lines.</summary>
    public static IReadOnlyList<double> LoggedRetryDelays(CapturingLoggerProvider logs)
        => logs.Entries.Where(e => e.EventId.Id == 10)
            .Select(e => e.Values.First(v => v.StartsWith("DelayMs=", StringComparison.Ordinal)))
            .Select(v => double.Parse(v["DelayMs=".Length..], CultureInfo.InvariantCulture))
            .ToList();
}
