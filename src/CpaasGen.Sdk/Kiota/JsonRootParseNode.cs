using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Cpaas;

/// <summary>
/// The parse node handed to a generated model's <c>CreateFromDiscriminatorValue</c> factory: a complete Kiota
/// <see cref="IParseNode"/> over a JSON value that costs nothing until a member is used. The generated factories of this
/// spec only create an empty instance (the adapter then fills it through the model's Utf8JsonReader fast path), so the
/// JSON is usually never parsed twice; a factory that reads a discriminator, or a model without the fast path, gets
/// Kiota's own <see cref="JsonParseNode"/> over the same JSON. One instance per thread is reused: a node is only valid
/// during the synchronous read it was rented for.
/// </summary>
internal sealed class JsonRootParseNode : IParseNode
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    [ThreadStatic]
    private static JsonRootParseNode? t_spare;

    private ReadOnlyMemory<byte> _json;
    private IParseNode? _node;

    private JsonRootParseNode()
    {
    }

    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    private IParseNode Node => _node ??= Materialize();

    /// <summary>A node over <paramref name="json"/> (one JSON value, optionally followed by more data that is ignored); give it back with <see cref="Return"/>.</summary>
    public static JsonRootParseNode Rent(ReadOnlyMemory<byte> json)
    {
        var node = t_spare ?? new JsonRootParseNode();
        t_spare = null;
        node._json = json;
        return node;
    }

    public void Return()
    {
        _json = default;
        _node = null;
        OnBeforeAssignFieldValues = null;
        OnAfterAssignFieldValues = null;
        t_spare = this;
    }

    public string? GetStringValue() => Node.GetStringValue();

    public IParseNode? GetChildNode(string identifier) => Node.GetChildNode(identifier);

    public bool? GetBoolValue() => Node.GetBoolValue();

    public byte? GetByteValue() => Node.GetByteValue();

    public sbyte? GetSbyteValue() => Node.GetSbyteValue();

    public int? GetIntValue() => Node.GetIntValue();

    public float? GetFloatValue() => Node.GetFloatValue();

    public long? GetLongValue() => Node.GetLongValue();

    public double? GetDoubleValue() => Node.GetDoubleValue();

    public decimal? GetDecimalValue() => Node.GetDecimalValue();

    public Guid? GetGuidValue() => Node.GetGuidValue();

    public DateTimeOffset? GetDateTimeOffsetValue() => Node.GetDateTimeOffsetValue();

    public TimeSpan? GetTimeSpanValue() => Node.GetTimeSpanValue();

    public Date? GetDateValue() => Node.GetDateValue();

    public Time? GetTimeValue() => Node.GetTimeValue();

    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>() => Node.GetCollectionOfPrimitiveValues<T>();

    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => Node.GetCollectionOfEnumValues<T>();

    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable => Node.GetCollectionOfObjectValues(factory);

    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => Node.GetEnumValue<T>();

    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable => Node.GetObjectValue(factory);

    public byte[]? GetByteArrayValue() => Node.GetByteArrayValue();

    private JsonParseNode Materialize()
    {
        var reader = new Utf8JsonReader(_json.Span, ReaderOptions);
        using var document = JsonDocument.ParseValue(ref reader);
        return new JsonParseNode(document.RootElement.Clone())
        {
            OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
            OnAfterAssignFieldValues = OnAfterAssignFieldValues,
        };
    }
}
