using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cpaas.DependencyInjection.Internal;

/// <summary>Creates each named client once, on its named HttpClient, and disposes the clients it created.</summary>
internal sealed class CpaasClientFactory : ICpaasClientFactory, IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CpaasClient>> _clients = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<CpaasClientOptions> _options;
    private readonly IHttpClientFactory _http;
    private readonly ILoggerFactory _loggers;

    public CpaasClientFactory(IOptionsMonitor<CpaasClientOptions> options, IHttpClientFactory http, ILoggerFactory loggers)
    {
        _options = options;
        _http = http;
        _loggers = loggers;
    }

    public CpaasClient GetClient(string name)
        => _clients.GetOrAdd(name, n => new Lazy<CpaasClient>(() => Create(n))).Value;

    private CpaasClient Create(string name)
    {
        var options = _options.Get(name);
        if (options.BaseUrl is null && options.ClientId is null)
        {
            throw new InvalidOperationException("No Kandy CPaaS client named '" + name + "' is registered; call services.AddCpaasClient(\"" + name + "\", …).");
        }

        return new CpaasClient(options, _http.CreateClient(CpaasServiceCollectionExtensions.HttpClientName(name)), _loggers);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
    }
}
