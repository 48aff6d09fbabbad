using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;
using Microsoft.Extensions.Logging;

namespace Cpaas;

/// <summary>What the feature areas of a <see cref="CpaasClient"/> share: the generated API client, the token provider and the settings.</summary>
internal sealed class ClientCore
{
    public ClientCore(CpaasClientOptions options, HttpClient http, ILoggerFactory loggerFactory)
    {
        Options = options;
        Logger = loggerFactory.CreateLogger("Cpaas.CpaasClient");
        var authAdapter = new CpaasRequestAdapter(http, options, tokens: null, Logger, authentication: true);
        Tokens = new TokenProvider(new KandyApiClient(authAdapter).Authentication, options, Logger);
        Api = new KandyApiClient(new CpaasRequestAdapter(http, options, Tokens, Logger));
        ClientCorrelator = string.IsNullOrEmpty(options.ClientCorrelator) ? options.ClientId + "-csharp" : options.ClientCorrelator!;
    }

    public CpaasClientOptions Options { get; }

    public ILogger Logger { get; }

    public TokenProvider Tokens { get; }

    public KandyApiClient Api { get; }

    public string ClientCorrelator { get; }

    public async ValueTask<string> UserIdAsync(CancellationToken cancellationToken)
        => (await Tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false)).UserId;
}
