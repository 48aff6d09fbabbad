using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits an extensible string enum: a readonly struct with the known values as static properties. Any other
/// value the server sends is kept as is (never thrown), and comparisons ignore case, as servers are not
/// consistent about it.
/// </summary>
internal static class EnumEmitter
{
    public static string HintName(EnumSpec spec) => spec.Namespace + "." + spec.Name + ".g.cs";

    public static string Emit(EnumSpec spec)
    {
        var writer = new SourceWriter();
        var self = "global::" + spec.Namespace + "." + spec.Name;
        DocComments.FileHeader(writer);
        writer.OpenBlock("namespace " + spec.Namespace);
        DocComments.Summary(writer, spec.Description, "The " + spec.Name + " values.");
        writer.WriteLine("/// <remarks>An extensible enum: the known values are listed as properties, and any other value the API sends is kept (see <see cref=\"IsKnown\"/>). Equality ignores case.</remarks>");
        writer.WriteLine(KnownTypes.GeneratedCodeAttribute);
        writer.OpenBlock(spec.Accessibility + " readonly partial struct " + spec.Name + " : global::System.IEquatable<" + self + ">");
        writer.WriteLine("private readonly string? _value;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates a value; use this for values the API description does not list yet.</summary>");
        writer.WriteLine("/// <param name=\"value\">The value as it appears on the wire.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        writer.OpenBlock("public " + spec.Name + "(string value)");
        writer.WriteLine("_value = value ?? throw new " + KnownTypes.ArgumentNullException + "(nameof(value));");
        writer.CloseBlock();
        writer.WriteLine();

        foreach (var member in spec.Members)
        {
            writer.WriteLine("/// <summary>The value <c>" + DocComments.Escape(member.Value) + "</c>.</summary>");
            writer.WriteLine("public static " + self + " " + member.Name + " { get; } = new " + self + "(" + DocComments.Literal(member.Value) + ");");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>The value as it appears on the wire (empty for <c>default</c>).</summary>");
        writer.WriteLine("public string Value => _value ?? string.Empty;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>True when the value is one the API description lists.</summary>");
        writer.OpenBlock("public bool IsKnown");
        writer.OpenBlock("get");
        if (spec.Members.Count == 0)
        {
            writer.WriteLine("return false;");
        }
        else
        {
            var first = true;
            writer.WriteLine("var value = Value;");
            var builder = new System.Text.StringBuilder("return ");
            foreach (var member in spec.Members)
            {
                if (!first)
                {
                    builder.Append("\n    || ");
                }

                builder.Append("string.Equals(value, ").Append(DocComments.Literal(member.Value)).Append(", global::System.StringComparison.OrdinalIgnoreCase)");
                first = false;
            }

            writer.WriteLine(builder.Append(';').ToString());
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Converts a wire value to this type.</summary>");
        writer.WriteLine("/// <param name=\"value\">The value.</param>");
        writer.WriteLine("public static implicit operator " + self + "(string value) => new " + self + "(value);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Compares two values, ignoring case.</summary>");
        writer.WriteLine("/// <param name=\"left\">The first value.</param>");
        writer.WriteLine("/// <param name=\"right\">The second value.</param>");
        writer.WriteLine("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Compares two values, ignoring case.</summary>");
        writer.WriteLine("/// <param name=\"left\">The first value.</param>");
        writer.WriteLine("/// <param name=\"right\">The second value.</param>");
        writer.WriteLine("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public bool Equals(" + self + " other) => string.Equals(Value, other.Value, global::System.StringComparison.OrdinalIgnoreCase);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override int GetHashCode() => global::System.StringComparer.OrdinalIgnoreCase.GetHashCode(Value);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The wire value.</summary>");
        writer.WriteLine("/// <returns>The value as it appears on the wire.</returns>");
        writer.WriteLine("public override string ToString() => Value;");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}
