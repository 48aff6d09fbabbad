using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace Cpaas.AspNetCore.Tests;

/// <summary>
/// The attack that broke the GET-then-SET store: 20 rounds × 50 concurrent deliveries of one notification id, spread
/// over two app instances sharing a real Redis (127.0.0.1:6379). Every round: the handler runs exactly once for the id,
/// every delivery gets 200 or 409 + Retry-After, and when the handler throws nothing is lost (Kandy's redelivery,
/// played here, gets it handled once).
/// </summary>
public sealed class RedisConcurrencyTests(ITestOutputHelper output)
{
    private const int Rounds = 20;
    private const int Deliveries = 50;

    private readonly string _prefix = "cpaasgen-tests:" + Guid.NewGuid().ToString("N") + ":";
    private readonly ConcurrentDictionary<string, int> _runs = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    [Fact]
    public async Task FiftyConcurrentDeliveriesOverTwoInstancesRunTheHandlerExactlyOncePerId()
    {
        await RedisDuplicateStoreTests.RequireRedisAsync();
        await using var first = await StartInstance();
        await using var second = await StartInstance();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();

        for (var round = 0; round < Rounds; round++)
        {
            var id = "round-" + round + "-" + Guid.NewGuid().ToString("N");
            var throws = round % 4 == 3; // every fourth round, the first handler run throws
            if (throws)
            {
                _failuresLeft[id] = 1;
            }

            var body = Fixture.Read("notification-inbound.json").Replace("441fc36e-aab7-45dd-905c-4aaec7a7464d", id, StringComparison.Ordinal);
            var responses = await Task.WhenAll(Enumerable.Range(0, Deliveries).Select(i => (i % 2 == 0 ? first : second).PostAsync(body)));
            foreach (var response in responses)
            {
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    Assert.NotNull(response.Headers.RetryAfter);
                }
                else if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    Assert.True(throws, "500 in a round whose handler does not throw");
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }

            // Kandy redelivers until it gets a 200: the notification is handled once, never lost.
            var handled = responses.Any(r => r.StatusCode == HttpStatusCode.OK);
            for (var attempt = 0; !handled && attempt < 50; attempt++)
            {
                using var redelivered = await (attempt % 2 == 0 ? second : first).PostAsync(body);
                handled = redelivered.StatusCode == HttpStatusCode.OK;
                if (!handled)
                {
                    await Task.Delay(20);
                }
            }

            foreach (var response in responses)
            {
                response.Dispose();
            }

            Assert.True(handled, "round " + round + ": no delivery was acknowledged");
            Assert.Equal(1, (_runs.TryGetValue(id, out var ran) ? ran : 0));
        }

        output.WriteLine("ATTACK redis: " + Rounds + " rounds x " + Deliveries + " concurrent deliveries over 2 instances; handler runs per id: "
            + string.Join(",", _runs.Values.Distinct()) + "; statuses " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => (int)s.Key + "×" + s.Value)));
        Assert.Equal(Rounds, _runs.Count);
        Assert.All(_runs.Values, runs => Assert.Equal(1, runs));
    }

    private Task<WebhookApp> StartInstance()
        => WebhookApp.StartAsync(
            s =>
            {
                s.AddCpaasWebhooks(WebhookApp.Secured(o => o.DuplicateWindow = TimeSpan.FromMinutes(10))).UseRedisDuplicateStore("127.0.0.1:6379", _prefix);
            },
            app => app.MapCpaasWebhook(WebhookApp.Path, async (n, _) =>
            {
                var id = n.NotificationId!;
                await Task.Delay(30); // a handler that does real work widens the race window
                if (_failuresLeft.TryGetValue(id, out var left) && left > 0 && _failuresLeft.TryUpdate(id, left - 1, left))
                {
                    throw new InvalidOperationException("the first run fails");
                }

                _runs.AddOrUpdate(id, 1, (_, runs) => runs + 1);
            }));
}
