using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CpaasGen.Tests.Shared;

/// <summary>A small line-based unified diff (LCS over the part between the common prefix and suffix), for snapshot failure messages.</summary>
internal static class LineDiff
{
    private const int MaxLcsCells = 4_000_000;

    /// <summary>A unified-style diff of two texts with 1-based line numbers, cut after <paramref name="maxOutputLines"/> lines.</summary>
    public static string Unified(string expected, string actual, string expectedName = "approved", string actualName = "received", int context = 3, int maxOutputLines = 60)
    {
        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var edits = Edits(a, b);
        var output = new StringBuilder();
        output.Append("--- ").Append(expectedName).Append('\n');
        output.Append("+++ ").Append(actualName).Append('\n');
        var written = 0;
        var truncated = false;

        var i = 0;
        while (i < edits.Count && !truncated)
        {
            // Find the next change, then grow a hunk around it while changes are within 2*context lines of each other.
            while (i < edits.Count && edits[i].Kind == ' ')
            {
                i++;
            }

            if (i == edits.Count)
            {
                break;
            }

            var start = Math.Max(0, i - context);
            var end = i;
            var lastChange = i;
            while (end < edits.Count && end - lastChange <= 2 * context)
            {
                if (edits[end].Kind != ' ')
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(edits.Count, lastChange + context + 1);
            var oldStart = edits[start].OldLine;
            var newStart = edits[start].NewLine;
            var oldCount = 0;
            var newCount = 0;
            for (var k = start; k < end; k++)
            {
                if (edits[k].Kind != '+')
                {
                    oldCount++;
                }

                if (edits[k].Kind != '-')
                {
                    newCount++;
                }
            }

            output.Append(string.Format(CultureInfo.InvariantCulture, "@@ -{0},{1} +{2},{3} @@\n", oldStart, oldCount, newStart, newCount));
            for (var k = start; k < end; k++)
            {
                if (written++ >= maxOutputLines)
                {
                    truncated = true;
                    break;
                }

                output.Append(edits[k].Kind).Append(edits[k].Text).Append('\n');
            }

            i = end;
        }

        if (truncated)
        {
            output.Append("… (diff truncated; compare the .received.cs file with the .approved.cs file for the rest)\n");
        }

        return output.ToString();
    }

    /// <summary>The 1-based line number of the first line that differs, or 0 when the texts are equal.</summary>
    public static int FirstDifferentLine(string expected, string actual)
    {
        var a = SplitLines(expected);
        var b = SplitLines(actual);
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length || !string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<Edit>(a.Length + b.Length);
        for (var k = 0; k < prefix; k++)
        {
            edits.Add(new Edit(' ', a[k], k + 1, k + 1));
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        if ((long)(n + 1) * (m + 1) > MaxLcsCells)
        {
            // Too big to align: show the whole middle as removed then added.
            for (var k = 0; k < n; k++)
            {
                edits.Add(new Edit('-', a[prefix + k], prefix + k + 1, prefix + 1));
            }

            for (var k = 0; k < m; k++)
            {
                edits.Add(new Edit('+', b[prefix + k], prefix + n + 1, prefix + k + 1));
            }
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var x = n - 1; x >= 0; x--)
            {
                for (var y = m - 1; y >= 0; y--)
                {
                    lcs[x, y] = a[prefix + x] == b[prefix + y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
                }
            }

            int i = 0, j = 0;
            while (i < n || j < m)
            {
                if (i < n && j < m && a[prefix + i] == b[prefix + j])
                {
                    edits.Add(new Edit(' ', a[prefix + i], prefix + i + 1, prefix + j + 1));
                    i++;
                    j++;
                }
                else if (i < n && (j == m || lcs[i + 1, j] >= lcs[i, j + 1]))
                {
                    // Removals before additions, as in `diff -u`.
                    edits.Add(new Edit('-', a[prefix + i], prefix + i + 1, prefix + j + 1));
                    i++;
                }
                else
                {
                    edits.Add(new Edit('+', b[prefix + j], prefix + i + 1, prefix + j + 1));
                    j++;
                }
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            var oldIndex = a.Length - suffix + k;
            var newIndex = b.Length - suffix + k;
            edits.Add(new Edit(' ', a[oldIndex], oldIndex + 1, newIndex + 1));
        }

        return edits;
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);
}
