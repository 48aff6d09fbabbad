using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Cpaas.Reliability.Tests.Behaviour;

/// <summary>
/// Kandy in memory, for tests whose BaseUrl must not be a loopback address (plain http to a "remote" host): no socket
/// is ever opened, so no traffic can leave the machine. Answers the token and the subscription list, and records
/// every request URL it was handed.
/// </summary>
internal sealed class InMemoryKandy : HttpMessageHandler
{
    private readonly ConcurrentQueue<Uri> _requests = new();

    public IReadOnlyList<Uri> Requests => _requests.ToList();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request.RequestUri!);
        var body = request.RequestUri!.AbsolutePath.EndsWith("/auth/v1/token", StringComparison.Ordinal)
            ? TestJwt.TokenResponse(DateTimeOffset.UtcNow, TimeSpan.FromHours(8))
            : Fixture.Read("subscription-list.json");
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
