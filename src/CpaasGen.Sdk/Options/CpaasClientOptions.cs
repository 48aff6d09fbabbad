using System;

namespace Cpaas;

/// <summary>
/// Settings of a <see cref="CpaasClient"/>. Give <see cref="BaseUrl"/>, <see cref="ClientId"/> and either
/// <see cref="ClientSecret"/> (project credentials) or <see cref="Email"/> + <see cref="Password"/> (account
/// credentials), never both. The client copies and validates the options once, in its constructor (see <see cref="Validate()"/>).
/// All settings bind from configuration (for example the <c>Cpaas</c> section of appsettings.json).
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

    /// <summary>The private project secret (project credentials, the <c>client_credentials</c> grant). Set this, or <see cref="Email"/> and <see cref="Password"/>: setting both is invalid.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The account email, for account credentials (the <c>password</c> grant); not with <see cref="ClientSecret"/>.</summary>
    public string? Email { get; set; }

    /// <summary>The account password, for account credentials (the <c>password</c> grant); not with <see cref="ClientSecret"/>.</summary>
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

    /// <summary>Checks the options; throws for the first invalid one, naming it as <c>CpaasClientOptions.Name</c>.</summary>
    /// <exception cref="CpaasOptionsException">An option is invalid: <see cref="CpaasOptionsException.OptionName"/> names it, the message says how to fix it.</exception>
    public void Validate() => Validate(OptionNames.Default);

    /// <summary>
    /// Checks the options as bound from a configuration section; throws for the first invalid one, naming it by its
    /// configuration key (<c>Cpaas:ClientId</c> for the section <c>Cpaas</c>).
    /// </summary>
    /// <param name="configurationSection">The section's path, for example <c>Cpaas</c> or <c>Cpaas:Us</c>.</param>
    /// <exception cref="CpaasOptionsException">An option is invalid: <see cref="CpaasOptionsException.OptionName"/> names its key, the message says how to fix it.</exception>
    public void Validate(string configurationSection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationSection);
        Validate(new OptionNames(configurationSection + ":", ":"));
    }

    private void Validate(OptionNames names)
    {
        var problem = ValidateBaseUrl(BaseUrl, AllowInsecureTransport, names)
            ?? ValidateText(ClientId, "ClientId", required: true, "the private project key, or the account client id", names)
            ?? ValidateCredentials(names)
            ?? ValidateLimits(names)
            ?? (Retry is null ? names.Error("Retry", names.Name("Retry") + " must not be null.") : Retry.Problem(names));
        if (problem is not null)
        {
            throw problem;
        }
    }

    private static CpaasOptionsException? ValidateBaseUrl(Uri? baseUrl, bool allowInsecure, OptionNames names)
    {
        if (baseUrl is null)
        {
            return names.Error("BaseUrl", names.Name("BaseUrl") + " is required (for example https://oauth-cpaas.att.com).");
        }

        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            return names.Error("BaseUrl", names.Name("BaseUrl") + " must be an absolute http or https URL; '" + Describe(baseUrl) + "' is not.");
        }

        if (!string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            return names.Error("BaseUrl", names.Name("BaseUrl") + " must not contain user information (user:password@): it would be sent and logged with every URL. "
                + "Use " + Describe(baseUrl) + " and put the credentials in ClientId and ClientSecret (or Email and Password).");
        }

        if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            return names.Error("BaseUrl", names.Name("BaseUrl") + " must not have a query or fragment; use " + Root(baseUrl, baseUrl.AbsolutePath) + ".");
        }

        var path = baseUrl.AbsolutePath;
        var cpaas = path.IndexOf("/cpaas", StringComparison.OrdinalIgnoreCase);
        if (cpaas >= 0 && (path.Length == cpaas + 6 || path[cpaas + 6] == '/'))
        {
            return names.Error("BaseUrl", names.Name("BaseUrl") + " must be the address the API's paths start from, without /cpaas/… (the SDK adds /cpaas/auth/v1/token, "
                + "/cpaas/smsmessaging/v1/… itself); '" + Describe(baseUrl) + "' points into the API. Use " + Root(baseUrl, path[..cpaas]) + ".");
        }

        if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback && !allowInsecure)
        {
            return names.Error("BaseUrl", names.Name("BaseUrl") + " uses plain http to " + baseUrl.Host + ", which would send the client secret and every access token in clear text. "
                + "Use https://" + baseUrl.Authority + baseUrl.AbsolutePath.TrimEnd('/') + " (http is accepted for localhost/127.0.0.1/::1 only), "
                + "or set " + names.Name("AllowInsecureTransport") + " = true if this network path is trusted.");
        }

        return null;
    }

    private CpaasOptionsException? ValidateCredentials(OptionNames names)
    {
        if (ClientSecret is not null && (!string.IsNullOrEmpty(Email) || !string.IsNullOrEmpty(Password)))
        {
            // Two sets of credentials: which one the user meant is unknowable, so neither is used.
            return names.Error(
                "ClientSecret",
                names.Name("ClientSecret") + " (project credentials) and " + names.Name(!string.IsNullOrEmpty(Email) ? "Email" : "Password")
                + " (account credentials) are both set; set only ClientSecret, or only Email and Password.");
        }

        if (ClientSecret is not null)
        {
            // An empty or whitespace secret is a mistake, not "use Email/Password instead" (that is ClientSecret = null).
            return ValidateText(ClientSecret, "ClientSecret", required: true, "the private project secret, or leave it unset to use Email and Password", names);
        }

        if (string.IsNullOrEmpty(Email) && string.IsNullOrEmpty(Password))
        {
            return names.Error("ClientSecret", names.Name("ClientSecret") + ", or " + names.Name("Email") + " and " + names.Name("Password") + ", is required.");
        }

        if (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Password))
        {
            return names.Error("ClientSecret", names.Name("ClientSecret") + ", or " + names.Name("Email") + " and " + names.Name("Password") + ", is required: " + names.Name(string.IsNullOrEmpty(Email) ? "Email" : "Password") + " is missing.");
        }

        if (ValidateText(Email, "Email", required: true, "the account email", names) is { } email)
        {
            return email;
        }

        // A password may legitimately start or end with a space; a newline, tab or other control character there is a
        // copy-paste or file-read mistake, and a password of only whitespace is no password.
        if (string.IsNullOrWhiteSpace(Password))
        {
            return names.Error("Password", names.Name("Password") + " is empty or whitespace; set the account password.");
        }

        if (char.IsControl(Password![0]) || char.IsControl(Password[^1]))
        {
            return names.Error("Password", names.Name("Password") + " starts or ends with a newline, tab or other control character (read from a file or an environment variable?); remove it.");
        }

        return null;
    }

    private CpaasOptionsException? ValidateLimits(OptionNames names)
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            return names.Error("Timeout", names.Name("Timeout") + " must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (MaxResponseBytes < 1024)
        {
            return names.Error("MaxResponseBytes", names.Name("MaxResponseBytes") + " must be at least 1024.");
        }

        return TimeProvider is null ? names.Error("TimeProvider", names.Name("TimeProvider") + " must not be null.") : null;
    }

    /// <summary>Required, not whitespace, no surrounding whitespace; the message never repeats the value (it may be a secret).</summary>
    private static CpaasOptionsException? ValidateText(string? value, string name, bool required, string what, OptionNames names)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? names.Error(name, names.Name(name) + " is required (" + what + ").") : null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return names.Error(name, names.Name(name) + " is only whitespace; set " + what + ".");
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || char.IsControl(value[0]) || char.IsControl(value[^1]))
        {
            return names.Error(name, names.Name(name) + " has leading or trailing whitespace (a newline from a file or an environment variable?); "
                + "remove it: the token endpoint would reject the value with a 401.");
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
