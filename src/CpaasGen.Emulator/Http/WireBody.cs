using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Cpaas.Emulator.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cpaas.Emulator.Http;

/// <summary>
/// Reads request bodies into the generated models and writes the generated models as response bodies: the one place
/// where wire JSON meets HTTP. A body the model refuses becomes SVC0002 naming the JSON member at fault.
/// </summary>
internal static partial class WireBody
{
    /// <summary>Reads one generated model from a reader on its first token (a generated <c>ReadFrom</c>).</summary>
    public delegate T Reader<T>(ref Utf8JsonReader reader);

    /// <summary>
    /// Relaxed escaping so that "+16135550100" is written as is, not as "\u002B16135550100". The bodies are served as
    /// application/json, never embedded in HTML.
    /// </summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>The largest JSON body the API accepts (Kestrel's limit for every other request).</summary>
    public const int MaxJsonBody = 1024 * 1024;

    /// <summary>
    /// How much of a too-large JSON body is still read (and discarded) before the 413, so a client that is still
    /// uploading gets to read the answer instead of a reset connection; beyond it Kestrel refuses the request itself.
    /// </summary>
    private const long DrainLimit = 16L * 1024 * 1024;

    /// <summary>
    /// Reads the request body, at most <see cref="MaxJsonBody"/> bytes, and parses it with <paramref name="read"/>; a
    /// larger body is SVC0002 with status 413, answered after the body has been read to its end.
    /// </summary>
    public static async Task<(T? Value, byte[] Json, ApiError? Error)> ReadAsync<T>(HttpContext ctx, Reader<T> read)
        where T : class
    {
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = DrainLimit;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int count;
            while ((count = await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + count > MaxJsonBody)
                {
                    while (await ctx.Request.Body.ReadAsync(chunk, ctx.RequestAborted).ConfigureAwait(false) > 0)
                    {
                        // Discarded: only read so the client finishes its upload and reads the 413.
                    }

                    return (null, [], Errors.InvalidInput("body", StatusCodes.Status413PayloadTooLarge));
                }

                buffer.Write(chunk, 0, count);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var json = buffer.ToArray();
        var (value, error) = Parse(json, read);
        return (value, json, error);
    }

    /// <summary>Parses a whole document as one generated model; the error names the member the model refused.</summary>
    public static (T? Value, ApiError? Error) Parse<T>(ReadOnlySpan<byte> json, Reader<T> read)
        where T : class
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, Errors.InvalidInput("body"));
            }

            var value = read(ref reader);
            return reader.Read() ? (null, Errors.InvalidInput("body")) : (value, null);
        }
        catch (JsonException ex) when (ex.GetType() == typeof(JsonException))
        {
            // Thrown by the generated model: the JSON is well-formed but does not match the schema.
            return (null, Errors.InvalidInput(MemberOf(json, ex) ?? "body"));
        }
        catch (JsonException)
        {
            // Thrown by the reader: not JSON at all.
            return (null, Errors.InvalidInput("body"));
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid UTF-16 (a lone surrogate escape such as "\ud800").
            return (null, Errors.InvalidInput(MemberWithInvalidString(json) ?? "body"));
        }
    }

    /// <summary>Serializes a generated model to UTF-8 JSON.</summary>
    public static byte[] Serialize(IJsonModel model)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            model.WriteJson(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteAsync(HttpContext ctx, ApiResult result)
    {
        if (result.Error is { } error)
        {
            return WriteErrorAsync(ctx, error);
        }

        if (result.Location is not null)
        {
            ctx.Response.Headers.Location = result.Location;
        }

        return WriteAsync(ctx, result.Status, result.Body is null ? null : Serialize(result.Body));
    }

    /// <summary>
    /// Writes an error answer. The API's errors (<c>/cpaas/…</c>) take the shape the emulator's fault switch selects
    /// (<see cref="ErrorShapeSwitch"/>); the admin endpoints, which are not Kandy's, always answer the ParlayREST shape.
    /// </summary>
    public static Task WriteErrorAsync(HttpContext ctx, ApiError error)
    {
        var shape = ctx.Request.Path.StartsWithSegments("/cpaas", StringComparison.OrdinalIgnoreCase)
            ? ctx.RequestServices.GetService<ErrorShapeSwitch>()?.Shape ?? ErrorBodyShape.RequestError
            : ErrorBodyShape.RequestError;
        return WriteAsync(ctx, error.Status, Serialize(error.ToBody(shape)));
    }

    public static async Task WriteAsync(HttpContext ctx, int status, byte[]? body)
    {
        ctx.Response.StatusCode = status;
        if (body is null)
        {
            ctx.Response.ContentLength = 0;
            return;
        }

        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = body.Length;
        await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The member a generated model refused: named in a "missing required" message, or the property whose value starts
    /// at the byte offset the model reported.
    /// </summary>
    private static string? MemberOf(ReadOnlySpan<byte> json, JsonException ex)
    {
        var required = RequiredMember().Match(ex.Message);
        if (required.Success)
        {
            return required.Groups[1].Value;
        }

        return ex.BytePositionInLine is { } offset ? LastPropertyBefore(json, offset) : null;
    }

    private static string? LastPropertyBefore(ReadOnlySpan<byte> json, long offset)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        string? name = null;
        try
        {
            while (reader.Read() && reader.TokenStartIndex < offset)
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    name = reader.GetString();
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
        }

        return name;
    }

    private static string? MemberWithInvalidString(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        string? name = null;
        try
        {
            while (reader.Read())
            {
                try
                {
                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        name = reader.GetString();
                    }
                    else if (reader.TokenType == JsonTokenType.String)
                    {
                        _ = reader.GetString();
                    }
                }
                catch (InvalidOperationException)
                {
                    return name;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    [GeneratedRegex("^'([^']+)' is required in ", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredMember();
}
