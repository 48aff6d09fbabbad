using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cpaas;

/// <summary>
/// The SDK's OpenTelemetry-compatible instrumentation, both named <c>CpaasGen.Sdk</c>: an <see cref="ActivitySource"/>
/// with one span per API call, and a <see cref="Meter"/> with counters for sends, failures, retries, token
/// refreshes, two-factor codes sent and verified, and a call-duration histogram. Tags carry the operation template,
/// status, delivery method or verification outcome only — never phone numbers, ids, message text, codes or tokens.
/// </summary>
public static class CpaasTelemetry
{
    /// <summary>The name of the activity source and the meter: <c>CpaasGen.Sdk</c>.</summary>
    public const string Name = "CpaasGen.Sdk";

    internal static readonly ActivitySource Source = new(Name, SdkInfo.Version);
    internal static readonly Meter Meter = new(Name, SdkInfo.Version);
    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("cpaas.client.calls", "{call}", "API calls completed, by operation and status.");
    internal static readonly Counter<long> Failures = Meter.CreateCounter<long>("cpaas.client.failures", "{call}", "API calls that ended in an error, by operation and error kind.");
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("cpaas.client.retries", "{retry}", "Retries of API calls, by operation and reason.");
    internal static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>("cpaas.client.token_requests", "{request}", "Access-token requests sent.");
    internal static readonly Counter<long> SmsSent = Meter.CreateCounter<long>("cpaas.sms.sent", "{message}", "SMS messages accepted by the API, by delivery status.");
    internal static readonly Counter<long> TwoFactorCodesSent = Meter.CreateCounter<long>("cpaas.twofactor.codes_sent", "{code}", "Two-factor codes sent or resent, by method (sms, email).");
    internal static readonly Counter<long> TwoFactorVerifications = Meter.CreateCounter<long>("cpaas.twofactor.verifications", "{verification}", "Two-factor code verifications answered, by outcome (cpaas.verified true or false).");
    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("cpaas.client.duration", "s", "Duration of API calls, retries included.");
}
