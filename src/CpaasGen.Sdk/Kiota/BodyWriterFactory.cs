using System;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Form;
using Microsoft.Kiota.Serialization.Text;

namespace Cpaas;

/// <summary>
/// The request-body writers of the SDK's adapter, picked by content type without Kiota's registry (which parses the
/// content type on every call): JSON (<c>application/json</c>, <c>application/*+json</c>) through <see cref="JsonBodyWriter"/>,
/// forms (the token request) and <c>text/plain</c> through Kiota's own writers.
/// </summary>
internal sealed class BodyWriterFactory : ISerializationWriterFactory
{
    public static readonly BodyWriterFactory Instance = new();

    private static readonly FormSerializationWriterFactory Form = new();
    private static readonly TextSerializationWriterFactory Text = new();

    private BodyWriterFactory()
    {
    }

    public string ValidContentType => "application/json";

    public ISerializationWriter GetSerializationWriter(string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        if (string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return new JsonBodyWriter();
        }

        var semicolon = contentType.IndexOf(';');
        var media = (semicolon >= 0 ? contentType[..semicolon] : contentType).Trim();
        if (string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return new JsonBodyWriter();
        }

        if (string.Equals(media, Form.ValidContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Form.GetSerializationWriter(Form.ValidContentType);
        }

        if (string.Equals(media, Text.ValidContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Text.GetSerializationWriter(Text.ValidContentType);
        }

        throw new InvalidOperationException("No serialization writer for content type '" + contentType + "': the CpaasGen adapter writes JSON (application/json, application/*+json), form (application/x-www-form-urlencoded) and text/plain bodies; a binary body is sent with RequestInformation.SetStreamContent.");
    }
}
