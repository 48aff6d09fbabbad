using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Threading;

namespace Cpaas;

/// <summary>
/// Removes secrets from text the SDK got from a server before it goes into an exception (text, variables, snippets):
/// the client secret and the password of the options, the current and previous access and id tokens, and, for a send,
/// the message text — each as written, form-encoded, URL-encoded and JSON-escaped — plus anything shaped like a JWT, a
/// <c>Bearer</c> credential or a <c>client_secret=</c>/<c>password=</c>/<c>…_token=</c> member, whatever its value.
/// One instance per client; the error mapping of the request pipeline uses it, <see cref="Conversation"/> adds the
/// message text of a send (the SDK knows which field is the SMS; the generated wire layer does not), and
/// <see cref="TwoFactor"/> the code a user typed and a code's message, as written and as rendered with a code in it.
/// Values shorter than <see cref="MinimumLength"/> characters are not searched for as text (they would garble every
/// message), though the patterns still catch them after <c>client_secret=</c>, <c>password=</c> or <c>Bearer</c>.
/// </summary>
internal sealed partial class Redactor
{
    public const string Mark = "[redacted]";

    public const int MinimumLength = 4;

    private const int KeptTokens = 4;

    private static readonly JavaScriptEncoder RelaxedJson = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly string[] _credentials;
    private readonly object _gate = new();
    private string[] _tokens = Array.Empty<string>();

    public Redactor(CpaasClientOptions options)
    {
        var credentials = new List<string>();
        AddForms(credentials, options.ClientSecret);
        AddForms(credentials, options.Password);
        _credentials = credentials.ToArray();
    }

    /// <summary>Remembers the tokens of a token response: the current ones and, until replaced, those of the previous responses.</summary>
    public void AddTokens(params string?[] tokens)
    {
        lock (_gate)
        {
            var kept = new List<string>(_tokens);
            foreach (var token in tokens)
            {
                AddForms(kept, token);
            }

            // Each token adds up to four forms; keep the forms of the last few tokens.
            var max = KeptTokens * 4;
            _tokens = kept.Count > max ? kept.GetRange(kept.Count - max, max).ToArray() : kept.ToArray();
        }
    }

    /// <summary><paramref name="text"/> with every known secret (and <paramref name="extra"/>, such as a message text) replaced by <see cref="Mark"/>.</summary>
    public string? Redact(string? text, string? extra = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text;
        if (extra is { Length: >= MinimumLength })
        {
            var forms = new List<string>(4);
            AddForms(forms, extra);
            result = ReplaceAll(result, forms);
        }

        result = ReplaceAll(result, _credentials);
        result = ReplaceAll(result, Volatile.Read(ref _tokens));
        result = JwtPattern().Replace(result, Mark);
        result = BearerPattern().Replace(result, "${scheme} " + Mark);
        return NamedSecretPattern().Replace(result, "${name}${separator}" + Mark);
    }

    /// <summary>
    /// <see cref="Redact(string?, string?)"/> for a message template such as a two-factor code's <c>"Your code is {code}"</c>:
    /// the template itself, and any text rendered from it — the <paramref name="placeholder"/> replaced by up to 32 letters
    /// or digits (the code the server generated, which the SDK never knows) — is replaced by <see cref="Mark"/>. A
    /// template whose text around the placeholder is shorter than <see cref="MinimumLength"/> characters is not searched
    /// for rendered (it would match any word).
    /// </summary>
    public string? RedactTemplate(string? text, string template, string placeholder)
    {
        var result = Redact(text, template);
        if (string.IsNullOrEmpty(result) || !template.Contains(placeholder, StringComparison.Ordinal))
        {
            return result;
        }

        var parts = template.Split(placeholder);
        if (template.Length - (parts.Length - 1) * placeholder.Length < MinimumLength)
        {
            return result;
        }

        var pattern = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                pattern.Append("[A-Za-z0-9]{1,32}");
            }

            pattern.Append(Regex.Escape(parts[i]));
        }

        return Regex.Replace(result, pattern.ToString(), Mark, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// A short description of a body for an exception: its first characters, whitespace-collapsed, redacted (before it is
    /// cut, so a secret at the cut is not left half-shown) and with phone numbers masked.
    /// </summary>
    public string Snippet(ReadOnlySpan<byte> body, string? extra = null, int maxChars = 160)
    {
        if (body.IsEmpty)
        {
            return "(empty body)";
        }

        var window = body.Length > 8192 ? body[..8192] : body;
        var text = Redact(Encoding.UTF8.GetString(window), extra)!;
        var builder = new StringBuilder(Math.Min(text.Length, maxChars + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (builder.Length >= maxChars)
            {
                builder.Append('…');
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return PhoneMasking.Mask(builder.ToString().Trim());
    }

    private static void AddForms(List<string> forms, string? value)
    {
        if (value is null || value.Length < MinimumLength)
        {
            return;
        }

        foreach (var form in new[] { value, WebUtility.UrlEncode(value), Uri.EscapeDataString(value), RelaxedJson.Encode(value), JavaScriptEncoder.Default.Encode(value) })
        {
            if (!forms.Contains(form))
            {
                forms.Add(form);
            }
        }
    }

    private static string ReplaceAll(string text, string[] values) => ReplaceAll(text, (IReadOnlyList<string>)values);

    private static string ReplaceAll(string text, IReadOnlyList<string> values)
    {
        // Longest first, so a value is not cut in half by a shorter one it contains.
        var ordered = new List<string>(values);
        ordered.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        foreach (var value in ordered)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, Mark, StringComparison.Ordinal);
            }
        }

        return text;
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}(\.[A-Za-z0-9_\-]*)?", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"(?<scheme>\b[Bb]earer)\s+(?!\[redacted\])[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"(?<name>\b(client_secret|password|access_token|id_token|refresh_token))(?<separator>""?\s*[:=]\s*""?)(?!\[redacted\])[^&\s""'<>,;}]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NamedSecretPattern();
}
