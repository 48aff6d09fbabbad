using CpaasGen.Generator.Infrastructure;
using CpaasGen.Generator.Model;

namespace CpaasGen.Generator.Emitting;

/// <summary>
/// Emits <c>GeneratedValues</c>: readers for the scalar formats beyond JSON's own (int8/uint8, date, time, duration,
/// base64) and the helpers the clients use to put values in URLs and headers and to read text bodies. Generic: nothing
/// here depends on the spec's content. A file of its own, so the other helpers stay unchanged.
/// </summary>
internal static class ValuesEmitter
{
    public static string HintName(SupportSpec spec) => spec.Namespace + ".GeneratedValues.g.cs";

    public static string Emit(SupportSpec spec)
    {
        var writer = new SourceWriter();
        DocComments.FileHeader(writer);
        writer.OpenBlock("namespace " + spec.Namespace);
        writer.WriteLine(Template.Replace("$NS$", spec.Namespace).Replace("$GENERATED$", KnownTypes.GeneratedCodeAttribute));
        writer.CloseBlock();
        return writer.ToString();
    }

    private const string Template = """
/// <summary>Scalar formats, URL values and text bodies for the generated models and clients.</summary>
$GENERATED$
internal static class GeneratedValues
{
    public static sbyte? ReadSByte(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        var value = global::$NS$.GeneratedJson.ReadInt32(ref reader, member);
        if (value is null) return null;
        if (value < sbyte.MinValue || value > sbyte.MaxValue) throw global::$NS$.GeneratedJson.Unexpected(ref reader, member, "an 8-bit signed integer");
        return (sbyte)value.Value;
    }

    public static byte? ReadByte(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        var value = global::$NS$.GeneratedJson.ReadInt32(ref reader, member);
        if (value is null) return null;
        if (value < byte.MinValue || value > byte.MaxValue) throw global::$NS$.GeneratedJson.Unexpected(ref reader, member, "an 8-bit unsigned integer");
        return (byte)value.Value;
    }

    public static global::Microsoft.Kiota.Abstractions.Date? ReadDate(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        var text = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && global::System.DateTime.TryParseExact(text, "yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var date)) return new global::Microsoft.Kiota.Abstractions.Date(date);
        if (text is not null && global::System.DateTimeOffset.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.None, out var full)) return new global::Microsoft.Kiota.Abstractions.Date(full.DateTime);
        throw global::$NS$.GeneratedJson.Unexpected(ref reader, member, "an RFC 3339 full-date string");
    }

    public static global::Microsoft.Kiota.Abstractions.Time? ReadTime(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        var text = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
        var end = text?.IndexOfAny(new[] { 'Z', 'z', '+', '-' }) ?? -1;
        var clock = text is not null && end > 0 ? text.Substring(0, end) : text;
        if (clock is not null && global::System.TimeSpan.TryParse(clock, global::System.Globalization.CultureInfo.InvariantCulture, out var time)) return new global::Microsoft.Kiota.Abstractions.Time(time.Hours, time.Minutes, time.Seconds);
        throw global::$NS$.GeneratedJson.Unexpected(ref reader, member, "an RFC 3339 time string");
    }

    public static global::System.TimeSpan? ReadDuration(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        var text = reader.TokenType == global::System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && text.StartsWith("P", global::System.StringComparison.Ordinal))
        {
            try { return global::System.Xml.XmlConvert.ToTimeSpan(text); }
            catch (global::System.FormatException) { }
        }

        if (text is not null && global::System.TimeSpan.TryParse(text, global::System.Globalization.CultureInfo.InvariantCulture, out var span)) return span;
        throw global::$NS$.GeneratedJson.Unexpected(ref reader, member, "an ISO 8601 duration string");
    }

    public static byte[]? ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) return null;
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.String && reader.TryGetBytesFromBase64(out var bytes)) return bytes;
        throw global::$NS$.GeneratedJson.Unexpected(ref reader, member, "a base64 string");
    }

    /// <summary>Each item of an array parameter as its URL text (Kiota expands a string array per the template's explode flag).</summary>
    public static string[] Strings<T>(global::System.Collections.Generic.IEnumerable<T> values, global::System.Func<T, string> format)
    {
        var list = new global::System.Collections.Generic.List<string>();
        foreach (var value in values) list.Add(format(value));
        return list.ToArray();
    }

    /// <summary>An object query parameter as the map Kiota expands: <c>a=1&amp;b=2</c>, or <c>name[a]=1&amp;name[b]=2</c> for deepObject.</summary>
    public static global::System.Collections.Generic.IDictionary<string, object> Map(global::System.Collections.Generic.IDictionary<string, string> values, string? deepObjectName)
    {
        var map = new global::System.Collections.Generic.Dictionary<string, object>(values.Count, global::System.StringComparer.Ordinal);
        foreach (var pair in values) map[deepObjectName is null ? pair.Key : deepObjectName + "[" + pair.Key + "]"] = pair.Value;
        return map;
    }

    /// <summary>An object in a path segment, header or cookie: <c>a,1,b,2</c>, or <c>a=1,b=2</c> when exploded.</summary>
    public static string JoinMap(global::System.Collections.Generic.IDictionary<string, string> values, bool explode)
    {
        var parts = new global::System.Collections.Generic.List<string>(values.Count * 2);
        foreach (var pair in values)
        {
            if (explode) parts.Add(pair.Key + "=" + pair.Value);
            else { parts.Add(pair.Key); parts.Add(pair.Value); }
        }

        return string.Join(",", parts);
    }

    /// <summary>A cookie value: percent-encoded so ';', ',' and spaces cannot end it early.</summary>
    public static string Cookie(string name, string value) => name + "=" + global::System.Uri.EscapeDataString(value);

    /// <summary>Reads a text body (UTF-8 unless the server says otherwise, which Kiota's stream does not tell: UTF-8).</summary>
    public static async global::System.Threading.Tasks.Task<string?> ReadTextAsync(global::System.IO.Stream? stream, global::System.Threading.CancellationToken cancellationToken)
    {
        if (stream is null) return null;
        using (stream)
        using (var reader = new global::System.IO.StreamReader(stream, global::System.Text.Encoding.UTF8))
        {
#if NET7_0_OR_GREATER
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            return await reader.ReadToEndAsync().ConfigureAwait(false);
#endif
        }
    }

    /// <summary>A text request body as a stream.</summary>
    public static global::System.IO.Stream TextStream(string text) => new global::System.IO.MemoryStream(global::System.Text.Encoding.UTF8.GetBytes(text), writable: false);
}
""";
}
