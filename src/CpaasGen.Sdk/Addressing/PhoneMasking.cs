using System;
using System.Text;

namespace Cpaas;

/// <summary>
/// Masks phone numbers for logs and messages: every run of 7 or more digits keeps its last 4 digits and at most
/// its first 4, always hiding at least 3 (<c>+16131234567</c> → <c>+1613***4567</c>, <c>6131234</c> → <c>***1234</c>).
/// Shorter digit runs are left alone.
/// </summary>
public static class PhoneMasking
{
    /// <summary>Masks every phone-number-like digit run in <paramref name="text"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The text with digit runs of 7 or more masked.</returns>
    public static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        StringBuilder? builder = null;
        var i = 0;
        while (i < text!.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                builder?.Append(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length >= 7)
            {
                var keep = Math.Min(4, length - 4 - 3);
                builder ??= new StringBuilder(text.Length).Append(text, 0, start);
                builder.Append(text, start, keep).Append("***").Append(text, i - 4, 4);
            }
            else
            {
                builder?.Append(text, start, length);
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>Masks one address for display (null → <c>(none)</c>).</summary>
    /// <param name="address">A phone number or address.</param>
    /// <returns>The masked text.</returns>
    public static string MaskAddress(string? address) => address is null ? "(none)" : Mask(address);

    internal static string Snippet(ReadOnlySpan<byte> body, int maxChars = 160)
    {
        if (body.IsEmpty)
        {
            return "(empty body)";
        }

        var take = body.Length > maxChars * 4 ? body[..(maxChars * 4)] : body;
        var text = Encoding.UTF8.GetString(take);
        var builder = new StringBuilder(Math.Min(text.Length, maxChars));
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

        return Mask(builder.ToString().Trim());
    }
}
