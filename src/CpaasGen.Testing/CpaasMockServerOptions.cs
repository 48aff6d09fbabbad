using System;
using System.Collections.Generic;

namespace Cpaas.Testing;

/// <summary>
/// Settings of a <see cref="CpaasMockServer"/>. Every property has a working default, so
/// <c>CpaasMockServer.Start()</c> needs none of them; set the ones your test cares about.
/// </summary>
public sealed class CpaasMockServerOptions
{
    /// <summary>The default <see cref="UserId"/>.</summary>
    public const string DefaultUserId = "cpaas-testing-user";

    /// <summary>The default <see cref="ClientId"/>.</summary>
    public const string DefaultClientId = "PRIV-cpaas-testing";

    /// <summary>The default <see cref="ClientSecret"/>.</summary>
    public const string DefaultClientSecret = "cpaas-testing-secret";

    /// <summary>The default <see cref="Email"/>.</summary>
    public const string DefaultEmail = "tester@example.com";

    /// <summary>The default <see cref="Password"/>.</summary>
    public const string DefaultPassword = "cpaas-testing-password";

    /// <summary>
    /// The user id: the <c>preferred_username</c> claim of the id_token the server issues, and the only
    /// <c>{userId}</c> path segment its stubs answer (any other user id gets 404).
    /// </summary>
    public string UserId { get; set; } = DefaultUserId;

    /// <summary>The client id accepted by the token endpoint (both grants).</summary>
    public string ClientId { get; set; } = DefaultClientId;

    /// <summary>The client secret accepted by the token endpoint (client_credentials grant).</summary>
    public string ClientSecret { get; set; } = DefaultClientSecret;

    /// <summary>The account e-mail accepted by the token endpoint (password grant).</summary>
    public string Email { get; set; } = DefaultEmail;

    /// <summary>The account password accepted by the token endpoint (password grant).</summary>
    public string Password { get; set; } = DefaultPassword;

    /// <summary>
    /// The numbers assigned to the project. Empty (the default): every number is accepted as a sender or as a
    /// subscription's destination. Not empty: any other number (besides <see cref="DefaultNumber"/>) is refused
    /// with 403 and a <c>policyException</c> body, as Kandy refuses a number the account does not own.
    /// </summary>
    public IReadOnlyList<string> Numbers { get; set; } = [];

    /// <summary>
    /// The user's default SMS number: what the sender <c>default</c> and a subscription without a destination resolve to.
    /// Default <c>+16137001234</c>, the sender of the API description's send example.
    /// </summary>
    public string DefaultNumber { get; set; } = "+16137001234";

    /// <summary>The lifetime written into the issued tokens (<c>exp - iat</c>). Default 8 hours, as observed in production.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The port to listen on (127.0.0.1); null (the default) picks a free one.</summary>
    public int? Port { get; set; }

    internal CpaasMockServerOptions Clone()
    {
        var copy = (CpaasMockServerOptions)MemberwiseClone();
        copy.Numbers = [.. Numbers ?? []];
        return copy;
    }

    internal string? Validate()
    {
        if (string.IsNullOrWhiteSpace(UserId) || UserId.Contains('/', StringComparison.Ordinal) || UserId.Contains('?', StringComparison.Ordinal))
        {
            return "CpaasMockServerOptions.UserId must be a non-empty path segment.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return "CpaasMockServerOptions.ClientId is required.";
        }

        if (string.IsNullOrWhiteSpace(DefaultNumber))
        {
            return "CpaasMockServerOptions.DefaultNumber is required.";
        }

        if (TokenLifetime <= TimeSpan.Zero)
        {
            return "CpaasMockServerOptions.TokenLifetime must be positive.";
        }

        return null;
    }
}
