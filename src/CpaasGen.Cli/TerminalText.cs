using System.Globalization;
using System.Text;

namespace Cpaas.Cli;

/// <summary>
/// Makes text from the outside (SMS text, senders, server messages) safe to print on a terminal: every character a
/// terminal acts on is shown as an escape instead — C0 controls (<c>\e</c> for ESC, <c>\a</c>, <c>\n</c>, <c>\r</c>,
/// <c>\t</c>, <c>\b</c>, <c>\f</c>, <c>\v</c>, else <c>\u00XX</c>), DEL and the C1 controls (<c>\u009B</c>, the one-byte
/// CSI…), the bidirectional overrides and isolates that reorder what is shown (U+202A–U+202E, U+2066–U+2069, U+200E,
/// U+200F, U+061C) and the line/paragraph separators. So an inbound SMS cannot clear, recolour or retitle the terminal,
/// nor fake a line of output. JSON output (<c>--json</c>) needs none of this: JSON escapes control characters itself.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = IndexOfUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\u001b' => "\\e",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return builder.ToString();
    }

    private static int IndexOfUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsUnsafe(char c)
        => c < 0x20 || c is >= '\u007f' and <= '\u009f'
            || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c' or '\u2028' or '\u2029';
}
