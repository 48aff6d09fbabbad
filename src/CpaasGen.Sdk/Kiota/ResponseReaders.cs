using System;
using System.Diagnostics.CodeAnalysis;
using Cpaas.Api;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Cpaas;

/// <summary>Reads a success body into one generated model, through its Utf8JsonReader fast path.</summary>
internal sealed class ModelReader<T> : ResponseReader
    where T : IParsable
{
    // The generated clients pass a static method group: the same delegate every call, so one reader per model type.
    private static ModelReader<T>? s_last;

    private readonly ParsableFactory<T> _factory;

    private ModelReader(ParsableFactory<T> factory) => _factory = factory;

    public static ModelReader<T> For(ParsableFactory<T> factory)
    {
        var last = s_last;
        return last is not null && (ReferenceEquals(last._factory, factory) || last._factory.Equals(factory)) ? last : s_last = new ModelReader<T>(factory);
    }

    public override object? Read(PipelineMessage message, Redactor redactor)
    {
        var body = BodyErrors.Require(message);
        try
        {
            var model = ModelReading.Read(body, _factory, ModelReading.ReaderOptions);
            ModelReading.CompleteInitialization(model);
            return model;
        }
        catch (Exception ex) when (ModelReading.IsUnreadable(ex))
        {
            throw BodyErrors.Unreadable(message, ex, redactor, showBody: true);
        }
    }
}

/// <summary>
/// The direct path's reader of a success body: one generated model through its static <c>ReadFrom</c> (the same
/// generated reader <see cref="ModelReader{T}"/> reaches through the model's factory and <see cref="IJsonModel.ReadJson"/>).
/// </summary>
internal sealed class DirectModelReader<T> : ResponseReader
    where T : class
{
    // The generated clients pass a static method group (cached by the compiler): one reader per model type.
    private static DirectModelReader<T>? s_last;

    private readonly GeneratedJson.ElementReader<T> _read;

    private DirectModelReader(GeneratedJson.ElementReader<T> read) => _read = read;

    public static DirectModelReader<T> For(GeneratedJson.ElementReader<T> read)
    {
        var last = s_last;
        return last is not null && (ReferenceEquals(last._read, read) || last._read.Equals(read)) ? last : s_last = new DirectModelReader<T>(read);
    }

    public override object? Read(PipelineMessage message, Redactor redactor)
    {
        var body = BodyErrors.Require(message);
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body.Span, ModelReading.ReaderOptions);
            if (!reader.Read())
            {
                throw new System.Text.Json.JsonException("The body has no JSON value.");
            }

            var model = _read(ref reader);
            if (reader.Read())
            {
                throw new System.Text.Json.JsonException("Unexpected data after the JSON value at byte " + reader.TokenStartIndex + ".");
            }

            ModelReading.CompleteInitialization(model);
            return model;
        }
        catch (Exception ex) when (ModelReading.IsUnreadable(ex))
        {
            throw BodyErrors.Unreadable(message, ex, redactor, showBody: true);
        }
    }
}

/// <summary>Reads a success body that is a JSON array of generated models.</summary>
internal sealed class ModelArrayReader<T> : ResponseReader
    where T : IParsable
{
    private readonly ParsableFactory<T> _factory;

    public ModelArrayReader(ParsableFactory<T> factory) => _factory = factory;

    public override object? Read(PipelineMessage message, Redactor redactor)
    {
        var body = BodyErrors.Require(message);
        try
        {
            var items = ModelReading.ReadArray(body, _factory);
            foreach (var item in items)
            {
                ModelReading.CompleteInitialization(item);
            }

            return items;
        }
        catch (Exception ex) when (ModelReading.IsUnreadable(ex))
        {
            throw BodyErrors.Unreadable(message, ex, redactor, showBody: true);
        }
    }
}

/// <summary>Reads a success body that is one primitive value (or a stream of bytes).</summary>
internal sealed class PrimitiveReader<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T> : ResponseReader
{
    public static readonly PrimitiveReader<T> Instance = new();

    public override object? Read(PipelineMessage message, Redactor redactor)
    {
        var body = typeof(T) == typeof(System.IO.Stream) ? message.Body.Memory : BodyErrors.Require(message);
        try
        {
            return PrimitiveReading.Read<T>(body, message.Response?.Content.Headers.ContentType?.MediaType);
        }
        catch (Exception ex) when (ModelReading.IsUnreadable(ex) || ex is OverflowException)
        {
            throw BodyErrors.Unreadable(message, ex, redactor, showBody: true);
        }
    }
}

/// <summary>Reads a success body that is a JSON array of primitive values.</summary>
internal sealed class PrimitiveArrayReader<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T> : ResponseReader
{
    public static readonly PrimitiveArrayReader<T> Instance = new();

    public override object? Read(PipelineMessage message, Redactor redactor)
    {
        var body = BodyErrors.Require(message);
        try
        {
            return PrimitiveReading.ReadArray<T>(body);
        }
        catch (Exception ex) when (ModelReading.IsUnreadable(ex) || ex is OverflowException)
        {
            throw BodyErrors.Unreadable(message, ex, redactor, showBody: true);
        }
    }
}

/// <summary>For operations that declare no response body: whatever the body holds is ignored.</summary>
internal sealed class NoContentReader : ResponseReader
{
    public static readonly NoContentReader Instance = new();

    public override object? Read(PipelineMessage message, Redactor redactor) => null;
}

/// <summary>The exceptions for a success body the reader cannot use.</summary>
internal static class BodyErrors
{
    /// <summary>The body; an empty one where a value is declared is a <see cref="CpaasApiException"/> (never a null result a generated client would turn into an untyped exception).</summary>
    public static ReadOnlyMemory<byte> Require(PipelineMessage message)
    {
        var body = message.Body.Memory;
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new CpaasApiException(message.StatusCode, CpaasErrorKind.Unknown, null, null, null, "(empty body)", "A JSON body was expected.")
            {
                MayHaveBeenProcessed = message.MayHaveBeenProcessed,
            };
        }

        return body;
    }

    /// <summary>The body is not what the API description declares; <paramref name="showBody"/> false for a body that may hold secrets (the token response).</summary>
    public static CpaasApiException Unreadable(PipelineMessage message, Exception error, Redactor redactor, bool showBody)
    {
        // The JSON reader's messages name positions and single characters; a number or date parser's may quote the
        // value itself, so those are described by their type only and not chained.
        var positional = error is System.Text.Json.JsonException or InvalidOperationException or System.Text.DecoderFallbackException;
        return new(
            message.StatusCode,
            CpaasErrorKind.Unknown,
            null,
            null,
            null,
            showBody ? redactor.Snippet(message.Body.Span) : null,
            "The response body is not the JSON the API description declares (" + (positional ? PhoneMasking.Mask(redactor.Redact(error.Message)) : "a value of the wrong format") + ").",
            positional ? error : null)
        {
            MayHaveBeenProcessed = message.MayHaveBeenProcessed,
        };
    }
}
