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

    /// <summary>The time one call may take, retries and token refresh included. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Responses larger than this are rejected (protects against a runaway or hostile server). Default 4 MiB.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>Allows <c>http://</c> to a host that is not loopback (stub).</summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>Retries of transient failures. POST is never retried once the request may have reached the server.</summary>
    public CpaasRetryOptions Retry { get; set; } = new();

    /// <summary>The clock, for tests of token refresh. Default <see cref="TimeProvider.System"/>. Internal so configuration binding never sees it.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>True when the options use project credentials (client_credentials grant).</summary>
    internal bool UsesClientSecret => !string.IsNullOrEmpty(ClientSecret);

    /// <summary>Checks the options and returns the first problem, naming the option; null when they are valid.</summary>
    /// <returns>A message such as "CpaasClientOptions.ClientId is required.", or null.</returns>
    public string? Validate()
    {
        if (BaseUrl is null)
        {
            return "CpaasClientOptions.BaseUrl is required (for example https://oauth-cpaas.att.com).";
        }

        if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "CpaasClientOptions.BaseUrl must be an absolute http or https URL; '" + BaseUrl.OriginalString + "' is not.";
        }

        if (!string.IsNullOrEmpty(BaseUrl.Query) || !string.IsNullOrEmpty(BaseUrl.Fragment))
        {
            return "CpaasClientOptions.BaseUrl must not have a query or fragment.";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return "CpaasClientOptions.ClientId is required (the private project key, or the account client id).";
        }

        if (string.IsNullOrEmpty(ClientSecret) && (string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Password)))
        {
            return "CpaasClientOptions.ClientSecret, or Email and Password, is required.";
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            return "CpaasClientOptions.Timeout must be positive.";
        }

        if (MaxResponseBytes < 1024)
        {
            return "CpaasClientOptions.MaxResponseBytes must be at least 1024.";
        }

        if (TimeProvider is null)
        {
            return "CpaasClientOptions.TimeProvider must not be null.";
        }

        if (Retry is null)
        {
            return "CpaasClientOptions.Retry must not be null.";
        }

        return Retry.Validate();
    }

    internal CpaasClientOptions Clone()
    {
        var copy = (CpaasClientOptions)MemberwiseClone();
        copy.Retry = Retry?.Clone()!;
        return copy;
    }

    /// <summary>Never shows secrets.</summary>
    /// <returns>A description with the base URL and client id only.</returns>
    public override string ToString()
        => "CpaasClientOptions { BaseUrl = " + BaseUrl + ", ClientId = " + ClientId + ", Credentials = " + (UsesClientSecret ? "client secret" : "email/password") + " }";
}
