using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Cpaas;

/// <summary>
/// The JSON serialization writer our request adapter hands to the generated <c>SetContentFromParsable</c>: the
/// root value is a generated <see cref="IJsonModel"/>, written in one pass with <see cref="Utf8JsonWriter"/>.
/// Only that path is used by the generated clients; the member-by-member Kiota API is not.
/// </summary>
internal sealed class FastJsonSerializationWriterFactory : ISerializationWriterFactory
{
    public string ValidContentType => "application/json";

    public ISerializationWriter GetSerializationWriter(string contentType) => new FastJsonSerializationWriter();
}

internal sealed class FastJsonSerializationWriter : ISerializationWriter
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        // '+' in phone numbers stays '+' (the default encoder writes \u002B); the bodies never go into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[]? _content;

    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    public Stream GetSerializedContent() => new MemoryStream(_content ?? throw new InvalidOperationException("Nothing was written."), 0, _content.Length, writable: false, publiclyVisible: true);

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge)
        where T : IParsable
    {
        if (key is not null || additionalValuesToMerge.Length > 0 || value is not IJsonModel model)
        {
            throw new NotSupportedException("Only a generated model at the root is supported by this writer.");
        }

        // One buffer and writer per thread, reused: the only per-call allocation is the exact-size body array.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        model.WriteJson(writer);
        writer.Flush();
        _content = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null; // don't keep a rare huge body alive on the thread
            t_writer = null;
        }
    }

    public void WriteStringValue(string? key, string? value) => throw Unsupported();

    public void WriteBoolValue(string? key, bool? value) => throw Unsupported();

    public void WriteByteValue(string? key, byte? value) => throw Unsupported();

    public void WriteSbyteValue(string? key, sbyte? value) => throw Unsupported();

    public void WriteIntValue(string? key, int? value) => throw Unsupported();

    public void WriteFloatValue(string? key, float? value) => throw Unsupported();

    public void WriteLongValue(string? key, long? value) => throw Unsupported();

    public void WriteDoubleValue(string? key, double? value) => throw Unsupported();

    public void WriteDecimalValue(string? key, decimal? value) => throw Unsupported();

    public void WriteGuidValue(string? key, Guid? value) => throw Unsupported();

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value) => throw Unsupported();

    public void WriteTimeSpanValue(string? key, TimeSpan? value) => throw Unsupported();

    public void WriteDateValue(string? key, Date? value) => throw Unsupported();

    public void WriteTimeValue(string? key, Time? value) => throw Unsupported();

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values) => throw Unsupported();

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values)
        where T : IParsable => throw Unsupported();

    public void WriteCollectionOfEnumValues<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, IEnumerable<T?>? values)
        where T : struct, Enum => throw Unsupported();

    public void WriteEnumValue<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, T? value)
        where T : struct, Enum => throw Unsupported();

    public void WriteByteArrayValue(string? key, byte[]? value) => throw Unsupported();

    public void WriteNullValue(string? key) => throw Unsupported();

    public void WriteAdditionalData(IDictionary<string, object> value) => throw Unsupported();

    public void Dispose()
    {
    }

    private static NotSupportedException Unsupported() => new("Only a generated model at the root is supported by this writer.");
}

/// <summary>
/// The parse node handed to the generated <c>CreateFromDiscriminatorValue</c> factories, which only create an empty
/// instance; the adapter then fills it with the model's Utf8JsonReader fast path. No member of it is ever read.
/// </summary>
internal sealed class FactoryOnlyParseNode : IParseNode
{
    public static readonly FactoryOnlyParseNode Instance = new();

    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    public string? GetStringValue() => throw Unsupported();

    public IParseNode? GetChildNode(string identifier) => null;

    public bool? GetBoolValue() => throw Unsupported();

    public byte? GetByteValue() => throw Unsupported();

    public sbyte? GetSbyteValue() => throw Unsupported();

    public int? GetIntValue() => throw Unsupported();

    public float? GetFloatValue() => throw Unsupported();

    public long? GetLongValue() => throw Unsupported();

    public double? GetDoubleValue() => throw Unsupported();

    public decimal? GetDecimalValue() => throw Unsupported();

    public Guid? GetGuidValue() => throw Unsupported();

    public DateTimeOffset? GetDateTimeOffsetValue() => throw Unsupported();

    public TimeSpan? GetTimeSpanValue() => throw Unsupported();

    public Date? GetDateValue() => throw Unsupported();

    public Time? GetTimeValue() => throw Unsupported();

    public IEnumerable<T> GetCollectionOfPrimitiveValues<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>() => throw Unsupported();

    public IEnumerable<T?> GetCollectionOfEnumValues<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => throw Unsupported();

    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable => throw Unsupported();

    public T? GetEnumValue<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => throw Unsupported();

    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable => throw Unsupported();

    public byte[]? GetByteArrayValue() => throw Unsupported();

    private static NotSupportedException Unsupported() => new("The generated models are read with their Utf8JsonReader fast path.");
}
