using System;
using System.Text;

namespace Cpaas;

/// <summary>
/// Masks phone numbers for logs and messages: every run of 7 or more digits keeps its last 4 digits and at most
/// its first 4, always hiding at least 3 (<c>+16131234567</c> → <c>+1613***4567</c>, <c>6131234</c> → <c>***1234</c>).
/// Shorter digit runs are left alone. Compiled into each package that masks numbers (source in src/Shared/Masking).
/// </summary>
internal static class PhoneMasking
{
    /// <summary>Masks every phone-number-like digit run in <paramref name="text"/>.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The text with digit runs of 7 or more masked.</returns>
    internal static string Mask(string? text)
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
    internal static string MaskAddress(string? address) => address is null ? "(none)" : Mask(address);
}
