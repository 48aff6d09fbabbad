namespace Cpaas;

/// <summary>
/// Every Kandy resource URL contains the user id, which is only known from the access token (the id_token's
/// <c>preferred_username</c>). The facade passes <see cref="PathValue"/> where a generated client asks for it, and
/// <see cref="AuthenticationPolicy"/> puts the token's user id there once it has the token — within the request's
/// deadline, so waiting for the token is part of the request.
/// </summary>
internal static class CurrentUser
{
    /// <summary>The path value that stands for the current user. Unreserved characters only: path encoding keeps it as it is.</summary>
    public const string PathValue = "~cpaas-current-user~";
}
