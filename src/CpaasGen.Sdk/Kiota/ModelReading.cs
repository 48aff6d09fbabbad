using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// Reads generated models from JSON: the model's factory creates the instance (<see cref="JsonRootParseNode"/>), its
/// generated Utf8JsonReader fast path (<see cref="IJsonModel"/>) fills it; a model without the fast path is read by
/// Kiota's own parse node. Nothing may follow the JSON value. Used for success bodies, arrays of models and error bodies.
/// </summary>
internal static class ModelReading
{
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>What a body that is not the declared JSON throws while being read.</summary>
    public static bool IsUnreadable(Exception ex)
        => ex is JsonException or InvalidOperationException or FormatException or DecoderFallbackException;

    /// <summary>Reads one model from <paramref name="body"/>.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> body, ParsableFactory<T> factory, JsonReaderOptions options)
        where T : IParsable
    {
        var reader = new Utf8JsonReader(body.Span, options);
        if (!reader.Read())
        {
            throw new JsonException("The body has no JSON value.");
        }

        var model = ReadValue(body, ref reader, factory);
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON value at byte " + reader.TokenStartIndex + ".");
        }

        return model;
    }

    /// <summary>Reads a JSON array of models from <paramref name="body"/>.</summary>
    public static List<T> ReadArray<T>(ReadOnlyMemory<byte> body, ParsableFactory<T> factory)
        where T : IParsable
    {
        var reader = new Utf8JsonReader(body.Span, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A JSON array was expected.");
        }

        var items = new List<T>();
        while (true)
        {
            if (!reader.Read())
            {
                throw new JsonException("The JSON ended inside the array.");
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            items.Add(ReadValue(body, ref reader, factory));
        }

        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON array at byte " + reader.TokenStartIndex + ".");
        }

        return items;
    }

    /// <summary>Marks a model read with a backing store as initialized (what Kiota's backing-store parse node proxy does).</summary>
    public static void CompleteInitialization(object? value)
    {
        if (value is IBackedModel { BackingStore: { } store })
        {
            store.InitializationCompleted = true;
        }
    }

    /// <summary>Reads the value the reader is on; leaves the reader on its last token.</summary>
    private static T ReadValue<T>(ReadOnlyMemory<byte> body, ref Utf8JsonReader reader, ParsableFactory<T> factory)
        where T : IParsable
    {
        var start = (int)reader.TokenStartIndex;
        var node = JsonRootParseNode.Rent(body[start..]);
        try
        {
            var model = factory(node);
            if (model is IJsonModel fast)
            {
                fast.ReadJson(ref reader);
                return model;
            }

            // No generated fast path: Kiota's parse node reads it (GetFieldDeserializers), and the reader skips the value.
            var read = node.GetObjectValue(factory);
            reader.Skip();
            return read;
        }
        finally
        {
            node.Return();
        }
    }
}
