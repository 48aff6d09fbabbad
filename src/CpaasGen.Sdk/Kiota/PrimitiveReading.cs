using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.Kiota.Abstractions;

namespace Cpaas;

/// <summary>
/// Reads a primitive response body (a JSON string, number, boolean…; or the raw text of a <c>text/*</c> body; or the bytes
/// of any other body as a <see cref="Stream"/>) with <see cref="Utf8JsonReader"/>, for the generated clients' calls to
/// <c>SendPrimitiveAsync</c> and <c>SendPrimitiveCollectionAsync</c>. The types are those Kiota's own adapter reads:
/// string, bool, byte, sbyte, int, long, float, double, decimal, Guid, DateTimeOffset, DateTime, TimeSpan (ISO 8601),
/// Date, Time, byte[] (base64), Stream, enums, and their nullable forms.
/// </summary>
internal static class PrimitiveReading
{
    public static T? Read<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(ReadOnlyMemory<byte> body, string? mediaType)
    {
        if (typeof(T) == typeof(Stream))
        {
            return (T)(object)new MemoryStream(body.ToArray(), writable: false);
        }

        if (IsText(mediaType))
        {
            var text = Encoding.UTF8.GetString(body.Span);
            return typeof(T) == typeof(string) ? (T)(object)text : As<T>(FromText(TargetType<T>(), text.Trim()));
        }

        var reader = new Utf8JsonReader(body.Span, ModelReading.ReaderOptions);
        if (!reader.Read())
        {
            throw new JsonException("The body has no JSON value.");
        }

        var value = ReadValue(TargetType<T>(), ref reader);
        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON value at byte " + reader.TokenStartIndex + ".");
        }

        return As<T>(value);
    }

    public static List<T> ReadArray<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span, ModelReading.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A JSON array was expected.");
        }

        var type = TargetType<T>();
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

            items.Add(As<T>(ReadValue(type, ref reader))!);
        }

        if (reader.Read())
        {
            throw new JsonException("Unexpected data after the JSON array at byte " + reader.TokenStartIndex + ".");
        }

        return items;
    }

    private static T? As<T>(object? value) => value is null ? default : (T)value;

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)]
    private static Type TargetType<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        => Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);

    private static bool IsText(string? mediaType)
        => mediaType is not null && mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

    private static object? ReadValue([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type type, ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True or JsonTokenType.False when type == typeof(bool):
                return reader.GetBoolean();
            case JsonTokenType.Number:
                return FromNumber(type, ref reader);
            case JsonTokenType.String:
                return type == typeof(string) ? reader.GetString() : FromText(type, reader.GetString()!);
            default:
                throw new JsonException("Expected a " + type.Name + " value, found " + reader.TokenType + " at byte " + reader.TokenStartIndex + ".");
        }
    }

    private static object FromNumber(Type type, ref Utf8JsonReader reader)
    {
        if (type == typeof(int)) return reader.GetInt32();
        if (type == typeof(long)) return reader.GetInt64();
        if (type == typeof(double)) return reader.GetDouble();
        if (type == typeof(float)) return reader.GetSingle();
        if (type == typeof(decimal)) return reader.GetDecimal();
        if (type == typeof(byte)) return reader.GetByte();
        if (type == typeof(sbyte)) return reader.GetSByte();
        if (type == typeof(string)) return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        throw new JsonException("Expected a " + type.Name + " value, found a number at byte " + reader.TokenStartIndex + ".");
    }

    private static object? FromText([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type type, string text)
    {
        var culture = CultureInfo.InvariantCulture;
        if (type == typeof(string)) return text;
        if (type == typeof(bool)) return bool.Parse(text);
        if (type == typeof(int)) return int.Parse(text, NumberStyles.Integer, culture);
        if (type == typeof(long)) return long.Parse(text, NumberStyles.Integer, culture);
        if (type == typeof(double)) return double.Parse(text, NumberStyles.Float, culture);
        if (type == typeof(float)) return float.Parse(text, NumberStyles.Float, culture);
        if (type == typeof(decimal)) return decimal.Parse(text, NumberStyles.Float, culture);
        if (type == typeof(byte)) return byte.Parse(text, NumberStyles.Integer, culture);
        if (type == typeof(sbyte)) return sbyte.Parse(text, NumberStyles.Integer, culture);
        if (type == typeof(Guid)) return Guid.Parse(text);
        if (type == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, culture, DateTimeStyles.RoundtripKind);
        if (type == typeof(DateTime)) return DateTime.Parse(text, culture, DateTimeStyles.RoundtripKind);
        if (type == typeof(TimeSpan)) return XmlConvert.ToTimeSpan(text);
        if (type == typeof(Date)) return new Date(DateTime.Parse(text, culture));
        if (type == typeof(Time)) return new Time(DateTime.Parse(text, culture));
        if (type == typeof(byte[])) return Convert.FromBase64String(text);
        if (type.IsEnum)
        {
            return Enum.TryParse(type, text, ignoreCase: true, out var value) ? value : throw new FormatException("Not a value of " + type.Name + ".");
        }

        throw new NotSupportedException(type.FullName + " is not a primitive type a response body can be read as (string, bool, numbers, Guid, dates and times, byte[], Stream, enums).");
    }
}
