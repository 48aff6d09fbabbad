using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits <c>GeneratedDiscriminator</c>, the fast path's look-ahead for polymorphic models: only for specs whose models
/// dispatch on a discriminator, in a file of its own so the other helpers stay unchanged.
/// </summary>
internal static class DiscriminatorEmitter
{
    public static string HintName(SupportSpec spec) => spec.Namespace + ".GeneratedDiscriminator.g.cs";

    public static string Emit(SupportSpec spec)
    {
        var writer = new SourceWriter();
        DocComments.FileHeader(writer);
        writer.OpenBlock("namespace " + spec.Namespace);
        writer.WriteLine(Template.Replace("$GENERATED$", KnownTypes.GeneratedCodeAttribute));
        writer.CloseBlock();
        return writer.ToString();
    }

    private const string Template = """
/// <summary>Reads a polymorphic object's discriminator ahead of the object, for the generated <c>ReadFrom</c> factories.</summary>
$GENERATED$
internal static class GeneratedDiscriminator
{
    /// <summary>
    /// The string value of the member <paramref name="member"/> of the object the reader is on, or null when the
    /// object has no such member, it is not a string, or the reader's buffer ends before it (a reader over a partial
    /// buffer: the caller then creates the base type). The reader is passed by value: this method moves a copy, and
    /// the caller's reader stays on <c>StartObject</c>.
    /// </summary>
    /// <param name="reader">A copy of the caller's reader, on the object's <c>StartObject</c>.</param>
    /// <param name="member">The discriminator's name (UTF-8).</param>
    /// <returns>The discriminator value, or null.</returns>
    public static string? Peek(global::System.Text.Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> member)
    {
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return null;
        while (reader.Read())
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) return null;
            if (reader.ValueTextEquals(member))
            {
                if (!reader.Read()) return null;
                return reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
            }

            // Past the member's value (objects and arrays whole) to the next member name.
            if (!reader.Read() || !reader.TrySkip()) return null;
        }

        return null;
    }
}
""";
}
