using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// A complete JSON <see cref="ISerializationWriter"/> with a fast path: a generated model (or an array of them) written as
/// the body's root goes straight through its generated <see cref="IJsonModel.WriteJson"/> into a thread-cached
/// <see cref="Utf8JsonWriter"/>, and the body lands in a pooled array; every other write (a primitive body, a model
/// without the fast path, additional data) goes to Kiota's own <see cref="JsonSerializationWriter"/>. A JSON body has one
/// root value, so the two paths never mix in one body.
/// </summary>
internal sealed class JsonBodyWriter : ISerializationWriter
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
    private JsonSerializationWriter? _kiota;

    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    public Stream GetSerializedContent()
    {
        if (_content is { } content)
        {
            _content = null;
            return new PooledBodyStream(content, _length);
        }

        return _kiota is not null ? _kiota.GetSerializedContent() : new MemoryStream(Array.Empty<byte>(), writable: false);
    }

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge)
        where T : IParsable
    {
        if (key is null && additionalValuesToMerge.Length == 0 && value is IJsonModel model && IsFresh)
        {
            OnBeforeObjectSerialization?.Invoke(value);
            OnStartObjectSerialization?.Invoke(value, this);
            WriteFast<IParsable>(model, null);
            OnAfterObjectSerialization?.Invoke(value);
            return;
        }

        Kiota.WriteObjectValue(key, value, additionalValuesToMerge);
    }

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values)
        where T : IParsable
    {
        if (key is null && values is IReadOnlyCollection<T> items && IsFresh && AllFast(items))
        {
            WriteFast(null, items);
            return;
        }

        Kiota.WriteCollectionOfObjectValues(key, values);
    }

    public void WriteStringValue(string? key, string? value) => Kiota.WriteStringValue(key, value);

    public void WriteBoolValue(string? key, bool? value) => Kiota.WriteBoolValue(key, value);

    public void WriteByteValue(string? key, byte? value) => Kiota.WriteByteValue(key, value);

    public void WriteSbyteValue(string? key, sbyte? value) => Kiota.WriteSbyteValue(key, value);

    public void WriteIntValue(string? key, int? value) => Kiota.WriteIntValue(key, value);

    public void WriteFloatValue(string? key, float? value) => Kiota.WriteFloatValue(key, value);

    public void WriteLongValue(string? key, long? value) => Kiota.WriteLongValue(key, value);

    public void WriteDoubleValue(string? key, double? value) => Kiota.WriteDoubleValue(key, value);

    public void WriteDecimalValue(string? key, decimal? value) => Kiota.WriteDecimalValue(key, value);

    public void WriteGuidValue(string? key, Guid? value) => Kiota.WriteGuidValue(key, value);

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value) => Kiota.WriteDateTimeOffsetValue(key, value);

    public void WriteTimeSpanValue(string? key, TimeSpan? value) => Kiota.WriteTimeSpanValue(key, value);

    public void WriteDateValue(string? key, Date? value) => Kiota.WriteDateValue(key, value);

    public void WriteTimeValue(string? key, Time? value) => Kiota.WriteTimeValue(key, value);

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values) => Kiota.WriteCollectionOfPrimitiveValues(key, values);

    public void WriteCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, IEnumerable<T?>? values)
        where T : struct, Enum => Kiota.WriteCollectionOfEnumValues(key, values);

    public void WriteEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, T? value)
        where T : struct, Enum => Kiota.WriteEnumValue(key, value);

    public void WriteByteArrayValue(string? key, byte[]? value) => Kiota.WriteByteArrayValue(key, value);

    public void WriteNullValue(string? key) => Kiota.WriteNullValue(key);

    public void WriteAdditionalData(IDictionary<string, object> value) => Kiota.WriteAdditionalData(value);

    public void Dispose()
    {
        _kiota?.Dispose();
        if (_content is { } content)
        {
            _content = null;
            ArrayPool<byte>.Shared.Return(content);
        }
    }

    private bool IsFresh => _kiota is null && _content is null;

    private JsonSerializationWriter Kiota
    {
        get
        {
            if (_content is not null)
            {
                throw new InvalidOperationException("The body's root value has already been written; a JSON body has one root value.");
            }

            return _kiota ??= new JsonSerializationWriter
            {
                OnBeforeObjectSerialization = OnBeforeObjectSerialization,
                OnAfterObjectSerialization = OnAfterObjectSerialization,
                OnStartObjectSerialization = OnStartObjectSerialization,
            };
        }
    }

    private static bool AllFast<T>(IReadOnlyCollection<T> items)
    {
        foreach (var item in items)
        {
            if (item is not IJsonModel)
            {
                return false;
            }
        }

        return true;
    }

    private void WriteFast<T>(IJsonModel? model, IReadOnlyCollection<T>? items)
        => _content = WritePooled(model, items, out _length);

    /// <summary>
    /// Writes <paramref name="model"/> (or, when it is null, the array <paramref name="items"/>) with its generated
    /// <see cref="IJsonModel.WriteJson"/> through a thread-cached writer; returns the body in an array rented from
    /// <see cref="ArrayPool{T}.Shared"/> (the caller returns it), <paramref name="length"/> bytes long. Also the direct
    /// path's body writer (<see cref="CpaasRequestAdapter"/>).
    /// </summary>
    internal static byte[] WritePooled<T>(IJsonModel? model, IReadOnlyCollection<T>? items, out int length)
    {
        // One buffer and writer per thread, reused: the only per-call allocation is the pooled body array.
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

        if (model is not null)
        {
            model.WriteJson(writer);
        }
        else
        {
            writer.WriteStartArray();
            foreach (var item in items!)
            {
                ((IJsonModel)item!).WriteJson(writer);
            }

            writer.WriteEndArray();
        }

        writer.Flush();
        length = buffer.WrittenCount;
        var content = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        buffer.WrittenSpan.CopyTo(content);
        if (buffer.Capacity > 64 * 1024)
        {
            t_buffer = null; // don't keep a rare huge body alive on the thread
            t_writer = null;
        }

        return content;
    }
}

/// <summary>
/// A request body in a pooled array. The pipeline returns the array once the request is over (every attempt sent and
/// the answer read); a body that is never sent through the adapter is simply collected.
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
            ArrayPool<byte>.Shared.Return(pooled);
        }
    }
}
