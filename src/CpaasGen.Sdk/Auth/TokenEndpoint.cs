using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;

namespace Cpaas;

/// <summary>
/// The token request's own small path: the generated <see cref="AuthenticationClient"/> builds the form request, the
/// token pipeline (<see cref="RequestPipeline.ForTokenEndpoint"/>: no authentication, it is what gets the token) sends it,
/// and <see cref="TokenResponseReader"/> reads the generated <see cref="TokenResponse"/> without ever echoing the body (it
/// holds the tokens). Every failure is a <see cref="CpaasAuthenticationException"/>.
/// </summary>
internal sealed class TokenEndpoint
{
    private readonly CpaasRequestAdapter _adapter;
    private readonly AuthenticationClient _requests;

    public TokenEndpoint(CpaasRequestAdapter adapter)
    {
        _adapter = adapter;
        _requests = new AuthenticationClient(adapter);
    }

    public async Task<TokenReply> RequestAsync(TokenRequest request, CancellationToken cancellationToken)
    {
        var info = _requests.ToCreateTokenRequestInformation(request);
        try
        {
            return await _adapter.SendAsync<TokenReply>(info, TokenResponseReader.Instance, null, cancellationToken).ConfigureAwait(false);
        }
        catch (CpaasApiException ex)
        {
            throw CpaasAuthenticationException.From(ex);
        }
    }
}

/// <summary>A token response and its <c>expires_in</c> as the server sent it (any JSON number).</summary>
internal sealed record TokenReply(TokenResponse Response, double? ExpiresIn);

/// <summary>
/// Reads the token response with the generated <see cref="TokenResponse"/> model. OAuth 2.0 only says <c>expires_in</c>
/// is a number, while the spec types it as an int32; a value the generated reader would reject (<c>3600.5</c>,
/// <c>1e12</c>) is taken out of the body first and returned beside the model, for <see cref="TokenLifetime"/> to clamp.
/// A body it cannot read is an error without a snippet: the body may hold token material.
/// </summary>
internal sealed class TokenResponseReader : ResponseReader
{
    public static readonly TokenResponseReader Instance = new();

    public override object? Read(PipelineMessage message, Redactor redactor)
    {
        var body = message.Body.Memory;
        try
        {
            var (json, expiresIn) = WithoutNonInt32ExpiresIn(body);
            var response = ModelReading.Read(json, TokenResponse.CreateFromDiscriminatorValue, ModelReading.ReaderOptions);
            return new TokenReply(response, expiresIn ?? response.ExpiresIn);
        }
        catch (Exception ex) when (ModelReading.IsUnreadable(ex))
        {
            throw BodyErrors.Unreadable(message, ex, redactor, showBody: false);
        }
    }

    /// <summary>
    /// The body with a top-level <c>expires_in</c> that is a number but not an int32 replaced by <c>null</c>, and that
    /// number; the body itself when there is none (the common case: nothing is copied).
    /// </summary>
    private static (ReadOnlyMemory<byte> Json, double? ExpiresIn) WithoutNonInt32ExpiresIn(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span, ModelReading.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (body, null); // not an object: the generated reader reports it
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isExpiresIn = reader.ValueTextEquals("expires_in"u8);
            reader.Read();
            if (isExpiresIn && reader.TokenType == JsonTokenType.Number && !reader.TryGetInt32(out _) && reader.TryGetDouble(out var seconds))
            {
                var start = (int)reader.TokenStartIndex;
                var end = start + reader.ValueSpan.Length;
                var patched = new List<byte>(body.Length);
                patched.AddRange(body.Span[..start]);
                patched.AddRange("null"u8);
                patched.AddRange(body.Span[end..]);
                return (patched.ToArray(), seconds);
            }

            reader.Skip();
        }

        return (body, null);
    }
}
