using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cpaas.Emulator.Internal;

/// <summary>Builds JSON bodies with <see cref="Utf8JsonWriter"/> (no reflection, trim-safe).</summary>
internal static class Json
{
    /// <summary>
    /// Relaxed escaping so that "+16135550100" is written as is, not as "\u002B16135550100". The bodies are served
    /// as application/json, never embedded in HTML.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    internal static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 32,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes a member holding a raw JSON value (a client correlator echoed as sent) when it is not null.</summary>
    public static void WriteRawIfPresent(this Utf8JsonWriter writer, string name, string? rawJson)
    {
        if (rawJson is null)
        {
            return;
        }
        writer.WritePropertyName(name);
        writer.WriteRawValue(rawJson, skipInputValidation: true);
    }

    public static void WriteStringIfPresent(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Gets an object member of <paramref name="element"/>, or default when absent or not an object.</summary>
    public static bool TryGetObject(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        value = default;
        return false;
    }
}
