using System;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Cpaas.Emulator.Wire;

/// <summary>
/// A request's <c>clientCorrelator</c>, echoed as sent. The generated models read it as a string (a number becomes its
/// JSON text); Kandy echoes a number as a number, so the one thing kept beside the model is whether it was one.
/// </summary>
internal readonly record struct Correlator(string Text, bool IsNumber)
{
    /// <summary>The correlator of a request, or null when it sent none.</summary>
    /// <param name="text">The model's <c>ClientCorrelator</c>.</param>
    /// <param name="requestJson">The request body, to tell a number from a string.</param>
    public static Correlator? Of(string? text, ReadOnlySpan<byte> requestJson)
        => text is null ? null : new Correlator(text, NumberInRequest(requestJson));

    /// <summary>The value for the model's string member: null when the correlator is a number (written by <see cref="AddTo"/>).</summary>
    public string? AsString => IsNumber ? null : Text;

    /// <summary>Adds a numeric correlator to the model's additional data, which the generated writer emits as a JSON number.</summary>
    public void AddTo(IAdditionalDataHolder model)
    {
        if (IsNumber)
        {
            using var document = JsonDocument.Parse(Text);
            model.AdditionalData["clientCorrelator"] = document.RootElement.Clone();
        }
    }

    private static bool NumberInRequest(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            // {"<root>": {"clientCorrelator": 67893, …}}: the member sits at depth 2.
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 2 && reader.ValueTextEquals("clientCorrelator"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.Number;
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
