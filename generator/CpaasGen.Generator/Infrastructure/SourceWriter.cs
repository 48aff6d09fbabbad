using System;
using System.Text;

namespace CpaasGen.Generator.Infrastructure;

/// <summary>
/// A <see cref="StringBuilder"/> that tracks indentation, in the style of System.Text.Json's generator.
/// Output always uses '\n' line endings so identical input gives byte-identical output on every OS.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new(capacity: 8 * 1024);
    private int _indentation;

    public int Indentation
    {
        get => _indentation;
        set => _indentation = value < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    public SourceWriter WriteLine(string text)
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        if (text.IndexOf('\n') < 0 && text[text.Length - 1] != '\r')
        {
            // The common case: one line, no split, no trim.
            Indent();
            _builder.Append(text).Append('\n');
            return this;
        }

        // Multi-line fragments keep their relative indentation.
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0)
            {
                _builder.Append('\n');
                continue;
            }

            Indent();
            _builder.Append(trimmed).Append('\n');
        }

        return this;
    }

    private void Indent()
    {
        for (var i = 0; i < _indentation; i++)
        {
            _builder.Append(IndentUnit);
        }
    }

    public SourceWriter WriteLine() => WriteLine(string.Empty);

    public SourceWriter OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indentation++;
        return this;
    }

    public SourceWriter OpenBlock()
    {
        WriteLine("{");
        _indentation++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indentation--;
        WriteLine("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();
}
