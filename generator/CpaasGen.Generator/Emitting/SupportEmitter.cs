using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits the helpers every generated file of one spec shares: <c>IJsonModel</c> (the fast-path contract),
/// <c>GeneratedJson</c> (lenient, position-reporting JSON readers and writers) and <c>PathSegment</c>
/// (RFC 3986 path-segment encoding). Generic: nothing here depends on the spec's content.
/// </summary>
internal static class SupportEmitter
{
    public static string HintName(SupportSpec spec) => spec.Namespace + ".GeneratedSupport.g.cs";

    public static string Emit(SupportSpec spec)
    {
        var writer = new SourceWriter();
        DocComments.FileHeader(writer);
        writer.OpenBlock("namespace " + spec.Namespace);
        writer.WriteLine(Template.Replace("$NS$", spec.Namespace).Replace("$ACCESS$", spec.Accessibility).Replace("$GENERATED$", KnownTypes.GeneratedCodeAttribute));
        writer.CloseBlock();
        return writer.ToString();
    }

    private const string Template = """
/// <summary>
/// A generated model that reads and writes itself with <see cref="global::System.Text.Json.Utf8JsonReader"/> and
/// <see cref="global::System.Text.Json.Utf8JsonWriter"/> directly: the allocation-light path beside Kiota's IParsable.
/// </summary>
$GENERATED$
$ACCESS$ interface IJsonModel
{
    /// <summary>Fills this instance from a JSON object; the reader is on <c>StartObject</c> and is left on its <c>EndObject</c>.</summary>
    /// <param name="reader">The reader.</param>
    void ReadJson(ref global::System.Text.Json.Utf8JsonReader reader);

    /// <summary>Writes this instance as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    void WriteJson(global::System.Text.Json.Utf8JsonWriter writer);
}

/// <summary>
/// One operation of the API description as data, for a request adapter that sends it without building a Kiota
/// <see cref="global::Microsoft.Kiota.Abstractions.RequestInformation"/> (<see cref="IDirectRequestAdapter"/>).
/// Emitted once per operation the direct path covers (path and scalar query parameters, no or one JSON model body, no or
/// one JSON model response); immutable except <see cref="AdapterCache"/>.
/// </summary>
$GENERATED$
internal sealed class OperationDescriptor
{
    /// <summary>Creates the descriptor.</summary>
    public OperationDescriptor(global::Microsoft.Kiota.Abstractions.Method method, string name, string[] pathSegments, string[] pathParameters, string[] queryParameters, string? accept, string? contentType, global::System.Collections.Generic.Dictionary<string, global::Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<global::Microsoft.Kiota.Abstractions.Serialization.IParsable>>? errorMapping)
    {
        Method = method;
        Name = name;
        PathSegments = pathSegments;
        PathParameters = pathParameters;
        QueryParameters = queryParameters;
        Accept = accept;
        ContentType = contentType;
        ErrorMapping = errorMapping;
    }

    /// <summary>The HTTP method.</summary>
    public global::Microsoft.Kiota.Abstractions.Method Method { get; }

    /// <summary>The method and the path template without the base URL and the query, for logs: <c>GET /items/{id}</c>.</summary>
    public string Name { get; }

    /// <summary>The literal path text after the base URL, around the path values: one more than <see cref="PathParameters"/>.</summary>
    public string[] PathSegments { get; }

    /// <summary>The path variables' names, in URL order (the values are passed encoded, in the same order).</summary>
    public string[] PathParameters { get; }

    /// <summary>The query keys (as in the URL template), in order; a value passed as null leaves its key out.</summary>
    public string[] QueryParameters { get; }

    /// <summary>The Accept header, or null when the operation declares no response body.</summary>
    public string? Accept { get; }

    /// <summary>The body's media type, or null when the operation has no body.</summary>
    public string? ContentType { get; }

    /// <summary>The error models by status key ("404", "4XX", "5XX", "XXX"), as Kiota's error mapping.</summary>
    public global::System.Collections.Generic.Dictionary<string, global::Microsoft.Kiota.Abstractions.Serialization.ParsableFactory<global::Microsoft.Kiota.Abstractions.Serialization.IParsable>>? ErrorMapping { get; }

    /// <summary>A slot the request adapter may use to cache what it derives from this descriptor (for example the last URL it built).</summary>
    public object? AdapterCache { get; set; }
}

/// <summary>
/// A request adapter that sends a generated operation from its <see cref="OperationDescriptor"/> directly, with the body
/// and response models' own JSON readers and writers. The generated clients use it when their adapter implements it and
/// <see cref="CanSendDirect"/> is true, and build a Kiota RequestInformation for any other adapter.
/// </summary>
$GENERATED$
internal interface IDirectRequestAdapter
{
    /// <summary>False when the adapter needs the RequestInformation path (for example to write only a backing store's changes).</summary>
    bool CanSendDirect { get; }

    /// <summary>Sends the operation and reads the success body with <paramref name="read"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="pathValues">The path values, already encoded as path segments, in <see cref="OperationDescriptor.PathParameters"/> order.</param>
    /// <param name="queryValues">The query values as text (not encoded; null to leave one out), in <see cref="OperationDescriptor.QueryParameters"/> order, or null for none.</param>
    /// <param name="body">The JSON body, or null for none.</param>
    /// <param name="read">The response model's reader.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    global::System.Threading.Tasks.Task<T> SendDirectAsync<T>(global::$NS$.OperationDescriptor operation, string[] pathValues, string?[]? queryValues, global::$NS$.IJsonModel? body, global::$NS$.GeneratedJson.ElementReader<T> read, global::System.Threading.CancellationToken cancellationToken)
        where T : class;

    /// <summary>Sends an operation that declares no response body.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="pathValues">The path values, already encoded as path segments.</param>
    /// <param name="queryValues">The query values as text, or null for none.</param>
    /// <param name="body">The JSON body, or null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    global::System.Threading.Tasks.Task SendDirectNoContentAsync(global::$NS$.OperationDescriptor operation, string[] pathValues, string?[]? queryValues, global::$NS$.IJsonModel? body, global::System.Threading.CancellationToken cancellationToken);
}

/// <summary>Encodes path parameter values as RFC 3986 path segments.</summary>
$GENERATED$
internal static class PathSegment
{
    /// <summary>
    /// Percent-encodes everything a path segment may not carry literally ('/', '?', '#', '%', spaces, non-ASCII…)
    /// and keeps the characters RFC 3986 allows in a segment (unreserved, sub-delims, ':' and '@') as they are,
    /// so a value such as <c>+16131234567</c> or <c>sip:+1613@example.com</c> reaches the wire unchanged.
    /// </summary>
    /// <param name="value">The parameter value.</param>
    /// <param name="parameterName">The parameter name, for the exception.</param>
    /// <returns>The encoded segment.</returns>
    public static string Encode(string value, string parameterName)
    {
        if (value is null) throw new global::System.ArgumentNullException(parameterName);
        if (value.Length == 0) throw new global::System.ArgumentException("The path parameter '" + parameterName + "' must not be empty.", parameterName);
        // "." and ".." are dot segments: URI normalization would remove them and the request would reach another resource.
        if (value == "." || value == "..") throw new global::System.ArgumentException("The path parameter '" + parameterName + "' must not be '.' or '..'.", parameterName);
        var clean = true;
        foreach (var c in value)
        {
            if (!IsSegmentChar(c))
            {
                clean = false;
                break;
            }
        }

        if (clean) return value;
        var builder = new global::System.Text.StringBuilder(value.Length + 16);
        foreach (var b in global::System.Text.Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (b < 0x80 && IsSegmentChar(c)) builder.Append(c);
            else builder.Append('%').Append(((int)b).ToString("X2", global::System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static bool IsSegmentChar(char c)
        => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~'
            || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+' || c == ',' || c == ';' || c == '='
            || c == ':' || c == '@';
}

/// <summary>JSON helpers shared by the generated models' fast path. Errors name the member and the byte offset.</summary>
$GENERATED$
internal static class GeneratedJson
{
    /// <summary>Reads one element of a JSON array.</summary>
    public delegate T ElementReader<T>(ref global::System.Text.Json.Utf8JsonReader reader);

    public static global::System.Text.Json.JsonException Unexpected(ref global::System.Text.Json.Utf8JsonReader reader, string member, string expected)
        => new global::System.Text.Json.JsonException(
            "'" + member + "': expected " + expected + ", found " + Describe(reader.TokenType) + " at byte " + reader.TokenStartIndex.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".",
            null, null, reader.TokenStartIndex);

    public static global::System.Text.Json.JsonException MissingRequired(string type, string member)
        => new global::System.Text.Json.JsonException("'" + member + "' is required in " + type + " but is missing or null.");

    public static global::System.Text.Json.JsonException Truncated(string type)
        => new global::System.Text.Json.JsonException("The JSON ended inside " + type + ".");

    public static string? ReadString(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        switch (reader.TokenType)
        {
            case global::System.Text.Json.JsonTokenType.String: return reader.GetString();
            case global::System.Text.Json.JsonTokenType.Null: return null;
            case global::System.Text.Json.JsonTokenType.Number: return RawText(ref reader);
            case global::System.Text.Json.JsonTokenType.True: return "true";
            case global::System.Text.Json.JsonTokenType.False: return "false";
            default: throw Unexpected(ref reader, member, "a string");
        }
    }

    public static int? ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt32(out var number)) return number;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && int.TryParse(reader.GetString(), global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw Unexpected(ref reader, member, "a 32-bit integer");
    }

    public static long? ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetInt64(out var number)) return number;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && long.TryParse(reader.GetString(), global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw Unexpected(ref reader, member, "a 64-bit integer");
    }

    public static double? ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDouble(out var number)) return number;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && double.TryParse(reader.GetString(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw Unexpected(ref reader, member, "a number");
    }

    public static float? ReadSingle(ref global::System.Text.Json.Utf8JsonReader reader, string member)
        => (float?)ReadDouble(ref reader, member);

    public static decimal? ReadDecimal(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Number && reader.TryGetDecimal(out var number)) return number;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && decimal.TryParse(reader.GetString(), global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw Unexpected(ref reader, member, "a decimal number");
    }

    public static bool? ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        switch (reader.TokenType)
        {
            case global::System.Text.Json.JsonTokenType.Null: return null;
            case global::System.Text.Json.JsonTokenType.True: return true;
            case global::System.Text.Json.JsonTokenType.False: return false;
            case global::System.Text.Json.JsonTokenType.String when bool.TryParse(reader.GetString(), out var parsed): return parsed;
            default: throw Unexpected(ref reader, member, "true or false");
        }
    }

    public static global::System.Guid? ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetGuid(out var guid)) return guid;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.Guid.TryParse(reader.GetString(), out var parsed)) return parsed;
        throw Unexpected(ref reader, member, "a UUID string");
    }

    public static global::System.DateTimeOffset? ReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetDateTimeOffset(out var value)) return value;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && global::System.DateTimeOffset.TryParse(reader.GetString(), global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.RoundtripKind, out var parsed)) return parsed;
        throw Unexpected(ref reader, member, "an RFC 3339 date-time string");
    }

    public static global::System.Collections.Generic.List<T>? ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, string member, ElementReader<T> read)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray) throw Unexpected(ref reader, member, "an array");
        // Most arrays on the wire hold one item (one destination, one link): that one gets a list of exactly one slot
        // instead of List<T>'s first growth step of four; two or more grow as usual.
        T first = default!;
        var count = 0;
        global::System.Collections.Generic.List<T>? list = null;
        while (reader.Read())
        {
            if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray)
            {
                return count switch { 0 => new global::System.Collections.Generic.List<T>(), 1 => new global::System.Collections.Generic.List<T>(1) { first }, _ => list! };
            }

            var item = read(ref reader);
            if (count++ == 0)
            {
                first = item;
                continue;
            }

            if (list is null)
            {
                list = new global::System.Collections.Generic.List<T>(4);
                list.Add(first);
            }

            list.Add(item);
        }

        throw Truncated(member);
    }

    /// <summary>Reads any JSON value into Kiota's untyped node tree (for AdditionalData and free-form members).</summary>
    public static global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode ReadUntyped(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case global::System.Text.Json.JsonTokenType.StartObject:
                var members = new global::System.Collections.Generic.Dictionary<string, global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode>(global::System.StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members[name] = ReadUntyped(ref reader);
                }

                return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedObject(members);
            case global::System.Text.Json.JsonTokenType.StartArray:
                var items = new global::System.Collections.Generic.List<global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode>();
                while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
                {
                    items.Add(ReadUntyped(ref reader));
                }

                return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedArray(items);
            case global::System.Text.Json.JsonTokenType.String:
                return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedString(reader.GetString());
            case global::System.Text.Json.JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer)) return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedLong(integer);
                if (reader.TryGetDecimal(out var number)) return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedDecimal(number);
                return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedDouble(reader.GetDouble());
            case global::System.Text.Json.JsonTokenType.True:
                return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedBoolean(true);
            case global::System.Text.Json.JsonTokenType.False:
                return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedBoolean(false);
            default:
                return new global::Microsoft.Kiota.Abstractions.Serialization.UntypedNull();
        }
    }

    public static void WriteUntyped(global::System.Text.Json.Utf8JsonWriter writer, global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode? node)
    {
        switch (node)
        {
            case null:
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedNull:
                writer.WriteNullValue();
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedObject obj:
                writer.WriteStartObject();
                foreach (var pair in obj.GetValue())
                {
                    writer.WritePropertyName(pair.Key);
                    WriteUntyped(writer, pair.Value);
                }

                writer.WriteEndObject();
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedArray array:
                writer.WriteStartArray();
                foreach (var item in array.GetValue()) WriteUntyped(writer, item);
                writer.WriteEndArray();
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedString text:
                if (text.GetValue() is { } s) writer.WriteStringValue(s); else writer.WriteNullValue();
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedBoolean boolean:
                writer.WriteBooleanValue(boolean.GetValue());
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedInteger int32:
                writer.WriteNumberValue(int32.GetValue());
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedLong int64:
                writer.WriteNumberValue(int64.GetValue());
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedDecimal dec:
                writer.WriteNumberValue(dec.GetValue());
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedDouble dbl:
                writer.WriteNumberValue(dbl.GetValue());
                break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedFloat flt:
                writer.WriteNumberValue(flt.GetValue());
                break;
            default:
                throw new global::System.NotSupportedException("Unsupported untyped node " + node.GetType().Name + ".");
        }
    }

    /// <summary>Writes an AdditionalData value: untyped nodes, primitives, JSON elements and generated models.</summary>
    public static void WriteAny(global::System.Text.Json.Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case global::Microsoft.Kiota.Abstractions.Serialization.UntypedNode node: WriteUntyped(writer, node); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case global::System.Guid g: writer.WriteStringValue(g); break;
            case global::System.DateTimeOffset dto: writer.WriteStringValue(dto); break;
            case global::System.DateTime dt: writer.WriteStringValue(dt); break;
            case global::System.Text.Json.JsonElement element: element.WriteTo(writer); break;
            case global::$NS$.IJsonModel model: model.WriteJson(writer); break;
            default: throw new global::System.NotSupportedException("AdditionalData values of type " + value.GetType().Name + " cannot be written as JSON.");
        }
    }

    /// <summary>Kiota-path reader for a scalar union: the string, or a number's/boolean's JSON text.</summary>
    public static string? ReadLenientString(global::Microsoft.Kiota.Abstractions.Serialization.IParseNode node)
    {
        if (node.GetStringValue() is { } text) return text;
        if (node.GetBoolValue() is { } flag) return flag ? "true" : "false";
        try
        {
            if (node.GetDecimalValue() is { } number) return number.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (global::System.Text.Json.JsonException)
        {
            // beyond decimal's range: fall back to double
        }
        catch (global::System.OverflowException)
        {
        }

        return node.GetDoubleValue() is { } d ? d.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string RawText(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            var sequence = reader.ValueSequence;
            var buffer = new byte[checked((int)sequence.Length)];
            var offset = 0;
            foreach (var segment in sequence)
            {
                segment.Span.CopyTo(new global::System.Span<byte>(buffer, offset, segment.Length));
                offset += segment.Length;
            }

            return global::System.Text.Encoding.UTF8.GetString(buffer);
        }

        return global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
    }

    private static string Describe(global::System.Text.Json.JsonTokenType token) => token switch
    {
        global::System.Text.Json.JsonTokenType.StartObject => "an object",
        global::System.Text.Json.JsonTokenType.StartArray => "an array",
        global::System.Text.Json.JsonTokenType.String => "a string",
        global::System.Text.Json.JsonTokenType.Number => "a number",
        global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => "a boolean",
        global::System.Text.Json.JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
""";
}
