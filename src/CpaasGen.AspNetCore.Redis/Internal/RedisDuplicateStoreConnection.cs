using System;
using StackExchange.Redis;

namespace Cpaas.AspNetCore.Redis.Internal;

/// <summary>The connection <c>UseRedisDuplicateStore(configuration)</c> opens (at start-up) and the container disposes.</summary>
internal sealed class RedisDuplicateStoreConnection(string configuration) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => ConnectionMultiplexer.Connect(configuration));

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
