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
using Microsoft.Kiota.Serialization.Form;

namespace Cpaas;

/// <summary>
/// Picks the writer for a request body's content type without Kiota's registry (which parses the content type on
/// every call): JSON bodies go through <see cref="FastJsonSerializationWriter"/>, form bodies (the token request)
/// through Kiota's form writer.
/// </summary>
internal sealed class ContentTypeWriterFactory : ISerializationWriterFactory
{
    private static readonly FormSerializationWriterFactory Form = new();

    public string ValidContentType => "application/json";

    public ISerializationWriter GetSerializationWriter(string contentType)
    {
        if (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new FastJsonSerializationWriter();
        }

        if (string.Equals(contentType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Form.GetSerializationWriter(contentType);
        }

        throw new NotSupportedException("No serialization writer for content type '" + contentType + "'.");
    }
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
    private int _length;

    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    public Stream GetSerializedContent()
    {
        var content = _content ?? throw new InvalidOperationException("Nothing was written.");
        _content = null;
        return new PooledBodyStream(content, _length);
    }

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
        _length = buffer.WrittenCount;
        _content = System.Buffers.ArrayPool<byte>.Shared.Rent(_length);
        buffer.WrittenSpan.CopyTo(_content);
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

/// <summary>
/// A request body in a pooled array. The adapter returns the array once the call is over (every attempt sent and
/// the response read); a body that is never sent through the adapter is simply collected.
/// </summary>
internal sealed class PooledBodyStream : MemoryStream
{
    private byte[]? _pooled;

    public PooledBodyStream(byte[] pooled, int length)
        : base(pooled, 0, length, writable: false, publiclyVisible: true) => _pooled = pooled;

    public void Release()
    {
        var pooled = System.Threading.Interlocked.Exchange(ref _pooled, null);
        if (pooled is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
        }
    }
}
