using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Cpaas;

/// <summary>
/// Reads the few claims the SDK needs from a JWT payload (<c>preferred_username</c>, <c>iat</c>, <c>exp</c>; the times as sent, see <see cref="TokenLifetime"/>).
/// The signature is not verified: the token came straight from the token endpoint over TLS, and the SDK only
/// uses it to learn the user id and when to refresh — exactly as every official Kandy SDK does.
/// </summary>
internal readonly record struct JwtClaims(string? PreferredUsername, double? IssuedAt, double? ExpiresAt)
{
    /// <summary>A numeric claim (seconds, or milliseconds from some servers: <see cref="TokenLifetime"/> tells), any JSON number; null otherwise.</summary>
    private static double? Number(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value) ? value : null;

    public static bool TryRead(string? jwt, out JwtClaims claims)
    {
        claims = default;
        if (string.IsNullOrEmpty(jwt))
        {
            return false;
        }

        var first = jwt.IndexOf('.');
        var second = first < 0 ? -1 : jwt.IndexOf('.', first + 1);
        if (first <= 0 || second < 0)
        {
            return false;
        }

        var payload = jwt.AsSpan(first + 1, second - first - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(payload.Length));
        try
        {
            if (Base64Url.DecodeFromChars(payload, buffer, out _, out var written) != OperationStatus.Done)
            {
                return false;
            }

            var reader = new Utf8JsonReader(buffer.AsSpan(0, written));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            string? username = null;
            double? iat = null;
            double? exp = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("preferred_username"u8))
                {
                    reader.Read();
                    username = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (reader.ValueTextEquals("iat"u8))
                {
                    reader.Read();
                    iat = Number(ref reader);
                }
                else if (reader.ValueTextEquals("exp"u8))
                {
                    reader.Read();
                    exp = Number(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            claims = new JwtClaims(username, iat, exp);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
