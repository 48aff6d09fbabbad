using System;
using System.Collections.Generic;
using System.Text;
using CpaasGen.Generator.Infrastructure;

namespace CpaasGen.Generator.Emitting;

/// <summary>Writes XML documentation comments from spec descriptions (XML-escaped, one <c>///</c> per line).</summary>
internal static class DocComments
{
    public static void Summary(SourceWriter writer, string? text, string fallback)
        => Element(writer, "summary", string.IsNullOrWhiteSpace(text) ? fallback : text!);

    public static void Remarks(SourceWriter writer, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            Element(writer, "remarks", text!);
        }
    }

    public static void Param(SourceWriter writer, string name, string? text, string fallback)
        => Element(writer, "param name=\"" + name.TrimStart('@') + "\"", string.IsNullOrWhiteSpace(text) ? fallback : text!, "param");

    public static void Returns(SourceWriter writer, string text) => Element(writer, "returns", text);

    public static void Exception(SourceWriter writer, string cref, string text)
        => Element(writer, "exception cref=\"" + cref + "\"", text, "exception");

    public static void Element(SourceWriter writer, string open, string text, string? close = null)
    {
        var lines = Lines(text);
        if (lines.Count == 1)
        {
            writer.WriteLine("/// <" + open + ">" + lines[0] + "</" + (close ?? open) + ">");
            return;
        }

        writer.WriteLine("/// <" + open + ">");
        foreach (var line in lines)
        {
            writer.WriteLine(line.Length == 0 ? "/// <para/>" : "/// " + line);
        }

        writer.WriteLine("/// </" + (close ?? open) + ">");
    }

    /// <summary>Escapes text for XML docs and splits it into trimmed lines, collapsing runs of blank lines.</summary>
    public static List<string> Lines(string text)
    {
        var result = new List<string>();
        var blank = false;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = InlineCode(Escape(raw.Trim()));
            if (line.Length == 0)
            {
                blank = result.Count > 0;
                continue;
            }

            if (blank)
            {
                result.Add(string.Empty);
                blank = false;
            }

            result.Add(line);
        }

        if (result.Count == 0)
        {
            result.Add(string.Empty);
        }

        return result;
    }

    /// <summary>Turns Markdown code spans (<c>`x`</c>) into <c>&lt;c&gt;x&lt;/c&gt;</c>; an unpaired backtick stays as it is.</summary>
    public static string InlineCode(string text)
    {
        var open = text.IndexOf('`');
        if (open < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        while (open >= 0)
        {
            var close = text.IndexOf('`', open + 1);
            if (close < 0)
            {
                break;
            }

            builder.Append(text, position, open - position).Append("<c>").Append(text, open + 1, close - open - 1).Append("</c>");
            position = close + 1;
            open = text.IndexOf('`', position);
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    // U+2028/U+2029 end a line in C# (so they would end the /// comment) but are not control characters.
                    builder.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal (regular, escaped), for names and text embedded in generated code.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Utf8Literal(string value) => Literal(value) + "u8";

    public static void FileHeader(SourceWriter writer, params string[] pragmas)
    {
        writer.WriteLine("// <auto-generated/>");
        writer.WriteLine("#nullable enable");
        foreach (var pragma in pragmas)
        {
            if (!string.IsNullOrEmpty(pragma))
            {
                writer.WriteLine(pragma);
            }
        }

        writer.WriteLine();
    }

    public static bool IsBlank(string? text) => text is null || text.Trim().Length == 0 || string.Equals(text, string.Empty, StringComparison.Ordinal);
}
