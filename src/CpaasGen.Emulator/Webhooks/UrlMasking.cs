using System;
using System.Text;

namespace Cpaas.Emulator.Webhooks;

/// <summary>
/// Webhook URLs as the emulator shows them: Kandy can only carry a webhook's secret in the URL (<c>?token=…</c>), so
/// every query value, the fragment and any user info are replaced with <c>***</c> in logs, admin output and records.
/// The real URL is used only to deliver.
/// </summary>
internal static class UrlMasking
{
    private const string Mask = "***";

    public static string MaskUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "(invalid URL)";
        }

        var text = new StringBuilder(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0)
        {
            text.Append(Mask).Append('@');
        }

        text.Append(uri.IsDefaultPort ? uri.Host : uri.Host + ":" + uri.Port).Append(uri.AbsolutePath);
        if (uri.Query.Length > 1)
        {
            text.Append('?');
            var first = true;
            foreach (var pair in uri.Query[1..].Split('&'))
            {
                text.Append(first ? "" : "&");
                first = false;
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                text.Append(equals >= 0 ? pair[..equals] + "=" + Mask : pair.Length == 0 ? "" : Mask);
            }
        }

        if (uri.Fragment.Length > 1)
        {
            text.Append('#').Append(Mask);
        }

        return text.ToString();
    }
}
