using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Cpaas;

/// <summary>
/// The text of a ParlayREST error body (<c>text</c> with <c>%1…%n</c> placeholders and <c>variables</c>). Compiled into
/// each package that reads or writes error bodies (source in src/Shared/Errors).
/// </summary>
internal static class ErrorText
{
    /// <summary>Replaces <c>%1…%n</c> in <paramref name="text"/> with the variables (every occurrence, highest index first so <c>%10</c> is not read as <c>%1</c>).</summary>
    public static string? Substitute(string? text, IReadOnlyList<string>? variables)
    {
        if (text is null || variables is null || variables.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text);
        for (var i = variables.Count; i >= 1; i--)
        {
            builder.Replace("%" + i.ToString(CultureInfo.InvariantCulture), variables[i - 1]);
        }

        return builder.ToString();
    }
}
