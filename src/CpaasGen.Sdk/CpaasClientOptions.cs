using System;

namespace Cpaas;

/// <summary>
/// Settings of a <see cref="CpaasClient"/>. Give <see cref="BaseUrl"/>, <see cref="ClientId"/> and either
/// <see cref="ClientSecret"/> (project credentials) or <see cref="Email"/> + <see cref="Password"/> (account
/// credentials). The client copies and validates the options once, in its constructor.
/// </summary>
public sealed class CpaasClientOptions
{
    /// <summary>The default per-call timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default cap on a response body.</summary>
    public const int DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The Kandy CPaaS base URL, for example <c>https://oauth-cpaas.att.com</c>. Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The private project key (project credentials) or the account client id (account credentials). Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The private project secret. Set this, or <see cref="Email"/> and <see cref="Password"/>; the secret wins when both are set.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The account email, for account credentials (the <c>password</c> grant).</summary>
    public string? Email { get; set; }

    /// <summary>The account password, for account credentials (the <c>password</c> grant).</summary>
    public string? Password { get; set; }

    /// <summary>The <c>clientCorrelator</c> sent in request bodies. Default: <c>{ClientId}-csharp</c>, as the official SDKs do.</summary>
    public string? ClientCorrelator { get; set; }

    /// <summary>
    /// The time one call may take. For a request: waiting for the access token, retries and their waits, the refresh
    /// after a 401 and reading the answer, all included; <see cref="Conversation.SubscribeAsync"/> and
    /// <see cref="Conversation.UnsubscribeAsync"/>, which make several requests, are bounded as a whole. A call that runs
    /// out of it fails with a <see cref="CpaasApiException"/> of kind <see cref="CpaasErrorKind.Transport"/> whose inner
    /// exception is a <see cref="TimeoutException"/>. Default 30 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Responses larger than this are rejected (protects against a runaway or hostile server). Default 4 MiB.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Allows <c>http://</c> to a host that is not loopback. Off by default: over plain http the client secret (or the
    /// password) and then every bearer token would cross the network in clear text, so <c>http://</c> is accepted only for
    /// <c>localhost</c>, <c>127.0.0.0/8</c> and <c>::1</c> (the emulator, tests). Set it only for a trusted network path,
    /// such as a TLS-terminating sidecar on the same host.
    /// </summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>Retries of transient failures. POST is never retried once the request may have reached the server.</summary>
    public CpaasRetryOptions Retry { get; set; } = new();

    /// <summary>The clock, for tests of token refresh. Default <see cref="TimeProvider.System"/>. Internal so configuration binding never sees it.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>True when the options use project credentials (client_credentials grant).</summary>
    internal bool UsesClientSecret => !string.IsNullOrEmpty(ClientSecret);

    /// <summary>Checks the options and returns the first problem, naming the option and the fix; null when they are valid.</summary>
    /// <returns>A message such as "CpaasClientOptions.ClientId is required.", or null.</returns>
    public string? Validate()
        => ValidateBaseUrl(BaseUrl, AllowInsecureTransport)
            ?? ValidateText(ClientId, "ClientId", required: true, "the private project key, or the account client id")
            ?? ValidateCredentials()
            ?? ValidateLimits()
            ?? Retry?.Validate()
            ?? (Retry is null ? "CpaasClientOptions.Retry must not be null." : null);

    private static string? ValidateBaseUrl(Uri? baseUrl, bool allowInsecure)
    {
        if (baseUrl is null)
        {
            return "CpaasClientOptions.BaseUrl is required (for example https://oauth-cpaas.att.com).";
        }

        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "CpaasClientOptions.BaseUrl must be an absolute http or https URL; '" + Describe(baseUrl) + "' is not.";
        }

        if (!string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            return "CpaasClientOptions.BaseUrl must not contain user information (user:password@): it would be sent and logged with every URL. "
                + "Use " + Describe(baseUrl) + " and put the credentials in ClientId and ClientSecret (or Email and Password).";
        }

        if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            return "CpaasClientOptions.BaseUrl must not have a query or fragment; use " + Root(baseUrl, baseUrl.AbsolutePath) + ".";
        }

        var path = baseUrl.AbsolutePath;
        var cpaas = path.IndexOf("/cpaas", StringComparison.OrdinalIgnoreCase);
        if (cpaas >= 0 && (path.Length == cpaas + 6 || path[cpaas + 6] == '/'))
        {
            return "CpaasClientOptions.BaseUrl must be the address the API's paths start from, without /cpaas/… (the SDK adds /cpaas/auth/v1/token, "
                + "/cpaas/smsmessaging/v1/… itself); '" + Describe(baseUrl) + "' points into the API. Use " + Root(baseUrl, path[..cpaas]) + ".";
        }

        if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback && !allowInsecure)
        {
            return "CpaasClientOptions.BaseUrl uses plain http to " + baseUrl.Host + ", which would send the client secret and every access token in clear text. "
                + "Use https://" + baseUrl.Authority + baseUrl.AbsolutePath.TrimEnd('/') + " (http is accepted for localhost/127.0.0.1/::1 only), "
                + "or set CpaasClientOptions.AllowInsecureTransport = true if this network path is trusted.";
        }

        return null;
    }

    private string? ValidateCredentials()
    {
        if (ClientSecret is not null)
        {
            // An empty or whitespace secret is a mistake, not "use Email/Password instead" (that is ClientSecret = null).
            return ValidateText(ClientSecret, "ClientSecret", required: true, "the private project secret, or leave it unset to use Email and Password");
        }

        if (string.IsNullOrEmpty(Email) && string.IsNullOrEmpty(Password))
        {
            return "CpaasClientOptions.ClientSecret, or Email and Password, is required.";
        }

        if (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Password))
        {
            return "CpaasClientOptions.ClientSecret, or Email and Password, is required: " + (string.IsNullOrEmpty(Email) ? "Email" : "Password") + " is missing.";
        }

        if (ValidateText(Email, "Email", required: true, "the account email") is { } email)
        {
            return email;
        }

        // A password may legitimately start or end with a space; a newline, tab or other control character there is a
        // copy-paste or file-read mistake, and a password of only whitespace is no password.
        if (string.IsNullOrWhiteSpace(Password))
        {
            return "CpaasClientOptions.Password is empty or whitespace; set the account password.";
        }

        if (char.IsControl(Password![0]) || char.IsControl(Password[^1]))
        {
            return "CpaasClientOptions.Password starts or ends with a newline, tab or other control character (read from a file or an environment variable?); remove it.";
        }

        return null;
    }

    private string? ValidateLimits()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            return "CpaasClientOptions.Timeout must be positive (or Timeout.InfiniteTimeSpan).";
        }

        if (MaxResponseBytes < 1024)
        {
            return "CpaasClientOptions.MaxResponseBytes must be at least 1024.";
        }

        return TimeProvider is null ? "CpaasClientOptions.TimeProvider must not be null." : null;
    }

    /// <summary>Required, not whitespace, no surrounding whitespace; the message never repeats the value (it may be a secret).</summary>
    private static string? ValidateText(string? value, string name, bool required, string what)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? "CpaasClientOptions." + name + " is required (" + what + ")." : null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return "CpaasClientOptions." + name + " is only whitespace; set " + what + ".";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || char.IsControl(value[0]) || char.IsControl(value[^1]))
        {
            return "CpaasClientOptions." + name + " has leading or trailing whitespace (a newline from a file or an environment variable?); "
                + "remove it: the token endpoint would reject the value with a 401.";
        }

        return null;
    }

    /// <summary>The URL without user information, for messages and <see cref="ToString"/>.</summary>
    private static string Describe(Uri uri)
        => uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped) : uri.OriginalString;

    private static string Root(Uri uri, string path)
        => uri.Scheme + "://" + uri.Authority + path.TrimEnd('/');

    internal CpaasClientOptions Clone()
    {
        var copy = (CpaasClientOptions)MemberwiseClone();
        copy.Retry = Retry?.Clone()!;
        return copy;
    }

    /// <summary>Never shows secrets, nor user information written into the BaseUrl.</summary>
    /// <returns>A description with the base URL and client id only.</returns>
    public override string ToString()
        => "CpaasClientOptions { BaseUrl = " + (BaseUrl is null ? null : Describe(BaseUrl)) + ", ClientId = " + ClientId + ", Credentials = " + (UsesClientSecret ? "client secret" : "email/password") + " }";
}
