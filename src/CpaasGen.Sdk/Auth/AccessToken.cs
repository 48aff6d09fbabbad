using System;

namespace Cpaas;

/// <summary>An access token and the user id it belongs to. <see cref="ToString"/> never shows the token.</summary>
internal sealed class AccessToken
{
    public AccessToken(string value, string userId, DateTimeOffset receivedAt, DateTimeOffset refreshAt, DateTimeOffset expiresAt)
    {
        Value = value;
        AuthorizationHeader = "Bearer " + value;
        UserId = userId;
        UserIdPathValue = Cpaas.Api.PathSegment.Encode(userId, "userId");
        ReceivedAt = receivedAt;
        RefreshAt = refreshAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The bearer token.</summary>
    public string Value { get; }

    /// <summary>The <c>Authorization</c> header value, built once per token.</summary>
    public string AuthorizationHeader { get; }

    /// <summary>The <c>preferred_username</c> claim of the id_token: the <c>{userId}</c> path segment.</summary>
    public string UserId { get; }

    /// <summary>The user id encoded as a URL path segment (the generated clients' one path encoder).</summary>
    public string UserIdPathValue { get; }

    public DateTimeOffset ReceivedAt { get; }

    /// <summary>When half the token's lifetime has passed (the official SDKs' rule).</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>When the token expires, measured from when it was received (never from the server's clock).</summary>
    public DateTimeOffset ExpiresAt { get; }

    public bool NeedsRefresh(DateTimeOffset now) => now >= RefreshAt;

    public override string ToString() => "AccessToken(user " + UserId + ", refresh at " + RefreshAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + ")";
}
