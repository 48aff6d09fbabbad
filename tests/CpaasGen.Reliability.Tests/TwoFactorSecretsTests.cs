using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Two-factor codes never leak (issue 12): a scenario — send by SMS and by e-mail, resend, a wrong code whose 403 echoes
/// it, a right code, a 500 and a 404 that echo the typed code, a send refused with the message echoed as written and as
/// Kandy rendered it (with a code in it), invalid input — with every log line at Trace, every span tag and every
/// exception, result and request description collected. None may contain a code (typed or generated), the message,
/// the subject, or an unmasked number or e-mail address.
/// </summary>
[Collection(ProcessWide.Name)] // its ActivityListener is process-wide: other classes' spans arrive on other threads
public sealed class TwoFactorSecretsTests : IClassFixture<KandyStub>
{
    private const string Codes = "/cpaas/auth/v1/" + TestJwt.UserId + "/codes";
    private const string CodeId = "51b545e7-729f-4690-9571-e5c85852b179";
    private const string Number = "+16131234567";
    private const string Email = "jane.private@example.com";
    private const string Message = "Your private login code is {code}";
    private const string Rendered = "Your private login code is Q7W2K9";
    private const string Subject = "Private subject line";
    private const string WrongCode = "864213";
    private const string RightCode = "Q7W2K9";

    private readonly KandyStub _kandy;
    private readonly ITestOutputHelper _output;

    public TwoFactorSecretsTests(KandyStub kandy, ITestOutputHelper output)
    {
        _kandy = kandy;
        _kandy.Reset();
        _output = output;
    }

    private static string Error(string kind, string id, string text, params string[] variables)
        => "{\"requestError\":{\"" + kind + "\":{\"messageId\":\"" + id + "\",\"text\":\"" + text + "\",\"variables\":[" + string.Join(",", variables.Select(v => "\"" + v + "\"")) + "]}}}";

    [Fact]
    public async Task Codes_messages_subjects_and_destinations_never_reach_logs_traces_exceptions_or_descriptions()
    {
        var texts = new List<(string Source, string Text)>();
        void Collect(string source, object? value)
        {
            if (value is Exception ex)
            {
                for (var e = ex; e is not null; e = e.InnerException)
                {
                    texts.Add((source + " " + e.GetType().Name + ".Message", e.Message));
                }

                texts.Add((source + " " + ex.GetType().Name + ".ToString()", ex.ToString()));
                if (ex is CpaasApiException api)
                {
                    texts.Add((source + " Text", api.Text ?? string.Empty));
                    texts.AddRange(api.Variables.Select(v => (source + " Variables", v)));
                    texts.Add((source + " ResponseSnippet", api.ResponseSnippet ?? string.Empty));
                }
            }
            else if (value is not null)
            {
                texts.Add((source + " " + value.GetType().Name + ".ToString()", value.ToString() ?? string.Empty));
                if (value is VerifyCodeResult verify)
                {
                    texts.Add((source + " Reason", verify.Reason ?? string.Empty));
                }
            }
        }

        async Task Try(string source, Func<Task<object?>> action)
        {
            try
            {
                Collect(source, await action());
            }
            catch (Exception ex)
            {
                Collect(source, ex);
            }
        }

        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == CpaasTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        _kandy.StubToken();
        var answer = "{\"code\":{\"resourceURL\":\"" + Codes + "/" + CodeId + "\"}}";
        _kandy.Stub("PUT", Codes + "/" + CodeId, 200, answer);
        _kandy.Stub("PUT", Codes + "/wrong/verify", 403, Error("policyException", "POL0001", "Code %1 invalid or expired", WrongCode));
        _kandy.Stub("PUT", Codes + "/" + CodeId + "/verify", 204);
        _kandy.Stub("PUT", Codes + "/broken/verify", 500, "<html>failed to check " + RightCode + " for " + Number + "</html>", "text/html");
        _kandy.Stub("PUT", Codes + "/gone/verify", 404, Error("serviceException", "SVC1000", "No code %1", RightCode));
        var logs = new CapturingLoggerProvider();
        using var factory = logs.CreateFactory();
        using (var client = new CpaasClient(_kandy.Options(), new System.Net.Http.HttpClient(), factory))
        {
            var sms = new SendCodeRequest { DestinationAddress = Number, Message = Message };
            var mail = new SendCodeRequest { DestinationAddress = Email, Method = TwoFactorMethod.Email, Message = Message, Subject = Subject };
            Collect("request", sms);
            Collect("request", mail);

            _kandy.Stub("POST", Codes, 201, answer);
            await Try("send sms", async () => await client.TwoFactor.SendCodeAsync(sms));
            await Try("send email", async () => await client.TwoFactor.SendCodeAsync(mail));
            await Try("resend", async () => await client.TwoFactor.ResendCodeAsync(CodeId, sms));
            await Try("verify wrong", async () => await client.TwoFactor.VerifyCodeAsync("wrong", WrongCode));
            await Try("verify right", async () => await client.TwoFactor.VerifyCodeAsync(CodeId, RightCode));
            await Try("verify 500", async () => await client.TwoFactor.VerifyCodeAsync("broken", RightCode));
            await Try("verify 404", async () => await client.TwoFactor.VerifyCodeAsync("gone", RightCode));

            _kandy.Stub("POST", Codes, 400, Error("serviceException", "SVC0002", "Invalid message %1, rendered as %2, subject %3, to %4", Message, Rendered, Subject, Email));
            await Try("send refused", async () => await client.TwoFactor.SendCodeAsync(mail));
            await Try("bad message", async () => await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = Number, Message = "Your private login code is 123" }));
            await Try("bad email", async () => await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = Email + ".", Method = TwoFactorMethod.Email, Message = Message, Subject = Subject }));
            await Try("bad number", async () => await client.TwoFactor.SendCodeAsync(new SendCodeRequest { DestinationAddress = Number + "x", Message = Message }));
        }

        foreach (var entry in logs.AllText)
        {
            texts.Add(("log", entry));
        }

        foreach (var span in spans.ToArray())
        {
            texts.Add(("span", span.DisplayName));
            texts.AddRange(span.TagObjects.Select(t => ("span tag " + t.Key, t.Value?.ToString() ?? string.Empty)));
        }

        foreach (var expected in new[] { "send sms SendCodeResult", "send email SendCodeResult", "resend SendCodeResult", "verify wrong VerifyCodeResult", "verify right VerifyCodeResult", "verify 500 CpaasApiException", "verify 404 CpaasApiException", "send refused CpaasApiException", "bad message ArgumentException", "bad email ArgumentException", "bad number ArgumentException" })
        {
            Assert.Contains(texts, t => t.Source.StartsWith(expected, StringComparison.Ordinal));
        }

        var forbidden = new (string What, string Value)[]
        {
            ("typed wrong code", WrongCode),
            ("typed right code", RightCode),
            ("message", "private login code"),
            ("subject", Subject),
            ("unmasked number", Number[1..]),
            ("unmasked e-mail", "jane.private"),
        };
        _output.WriteLine($"PII 2FA: {texts.Count} texts checked ({logs.Entries.Count} log entries, {spans.Count} spans) against {forbidden.Length} forbidden values");
        var leaks = (from t in texts from f in forbidden where t.Text.Contains(f.Value, StringComparison.Ordinal) select $"{f.What} in {t.Source}: {t.Text}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} leak(s):\n" + string.Join("\n", leaks.Take(10)));

        // What is logged is useful: the code id, the method and the masked destination.
        Assert.Contains(logs.Entries, e => e.Message.Contains("Two-factor code " + CodeId + " sent by sms to +1613***4567", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("Two-factor code " + CodeId + " sent by email to j***@example.com", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message.Contains("Two-factor code wrong verified: False", StringComparison.Ordinal));
    }
}
