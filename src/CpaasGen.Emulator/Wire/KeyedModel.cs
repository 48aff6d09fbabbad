using System;
using System.Text.Json;

namespace Cpaas.Emulator.Wire;

/// <summary>
/// <c>{"key": model}</c> for the one answer the spec has no body type for: <c>GET …/messages/{id}/deliveryInfos</c>
/// (<c>{"deliveryInfoList": …}</c>, the send answer's own <c>deliveryInfoList</c>, so its <c>resourceURL</c> resolves).
/// </summary>
internal sealed class KeyedModel(string key, IJsonModel value) : IJsonModel
{
    public void ReadJson(ref Utf8JsonReader reader) => throw new NotSupportedException("KeyedModel is written only.");

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(key);
        value.WriteJson(writer);
        writer.WriteEndObject();
    }
}
