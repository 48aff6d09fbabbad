using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Cpaas.AspNetCore.Redis;

/// <summary>
/// A store shared by every app instance through Redis (StackExchange.Redis), for apps running several instances.
/// Each operation is one atomic Lua script on the id's key: of any number of concurrent deliveries of one
/// notification, across all instances, exactly one claims it (<c>SET … NX PX lease</c> semantics); the others get
/// "in progress" (409 + Retry-After) or "handled" (200, duplicate). A claim expires with its lease, a completed id
/// with the duplicate window (Redis' own expiry: no sweeping), a failed handler's claim is deleted so the redelivery
/// is handled.
/// </summary>
public sealed class RedisCpaasDuplicateStore : ICpaasDuplicateStore
{
    /// <summary>The default key prefix: <c>cpaas:webhook:</c>.</summary>
    public const string DefaultKeyPrefix = "cpaas:webhook:";

    private const string InProgress = "0";
    private const string Handled = "1";

    // Returns 0 = claimed, 1 = handled, 2 = in progress.
    private const string ClaimScript = """
        local current = redis.call('GET', KEYS[1])
        if not current then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 0
        end
        if current == ARGV[3] then return 1 end
        return 2
        """;

    // Deletes only a claim in progress: a completed id stays remembered.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly string _prefix;

    /// <summary>Creates the store on a connection the app owns (register it once: <c>IConnectionMultiplexer</c> is meant to be shared).</summary>
    /// <param name="redis">The Redis connection.</param>
    /// <param name="keyPrefix">The key prefix. Default <see cref="DefaultKeyPrefix"/>.</param>
    public RedisCpaasDuplicateStore(IConnectionMultiplexer redis, string keyPrefix = DefaultKeyPrefix)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _prefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
    }

    /// <inheritdoc/>
    public async ValueTask<CpaasClaim> TryClaimAsync(string notificationId, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = (long)await Database.ScriptEvaluateAsync(
            ClaimScript,
            [Key(notificationId)],
            [InProgress, Milliseconds(lease), Handled]).ConfigureAwait(false);
        return result switch
        {
            0 => CpaasClaim.Claimed,
            1 => CpaasClaim.AlreadyHandled,
            _ => CpaasClaim.InProgress,
        };
    }

    /// <inheritdoc/>
    public async ValueTask CompleteAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Database.StringSetAsync(Key(notificationId), Handled, window).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await Database.ScriptEvaluateAsync(ReleaseScript, [Key(notificationId)], [InProgress]).ConfigureAwait(false);
    }

    private IDatabase Database => _redis.GetDatabase();

    private RedisKey Key(string notificationId)
    {
        ArgumentNullException.ThrowIfNull(notificationId);
        return _prefix + notificationId;
    }

    private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));
}
