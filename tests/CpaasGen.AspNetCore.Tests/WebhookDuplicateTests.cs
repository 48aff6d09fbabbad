using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cpaas.AspNetCore.Tests;

/// <summary>Duplicate handling while a delivery is still being handled, store failures, and the secret in either place.</summary>
public sealed class WebhookDuplicateTests
{
    [Fact]
    public async Task ADuplicateArrivingWhileTheFirstIsHandledIsToldToRetryLaterAndIsNotLost()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(async (_, _) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    entered.SetResult();
                    await release.Task;
                    throw new InvalidOperationException("first handler fails after the duplicate arrived");
                }
            })));

        var first = app.PostAsync(Fixture.Read("notification-inbound.json"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var duplicate = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), duplicate.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);

        release.SetResult();
        using var failed = await first;
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        // Kandy redelivers (it got no 2xx for either attempt): the notification is handled, not lost.
        using var redelivered = await app.PostAsync(Fixture.Read("notification-inbound.json"));
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task AFailingDuplicateStoreAnswers503WithRetryAfterAndRunsNoHandler()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(WebhookApp.Secured()).UseDuplicateStore<BrokenStore>(),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => Interlocked.Increment(ref calls))));

        using var response = await app.PostAsync(Fixture.Read("notification-inbound.json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task AWrongQueryTokenDoesNotHideARightHeader()
    {
        var calls = 0;
        await using var app = await WebhookApp.StartAsync(
            s => s.AddCpaasWebhooks(o => o.SharedSecret = "hook-s3cret-0123456789"),
            a => a.MapCpaasWebhook(WebhookApp.Path, h => h.OnInbound(_ => Interlocked.Increment(ref calls))));

        using var response = await app.PostAsync(
            Fixture.Read("notification-inbound.json"),
            "?token=stale",
            r => r.Headers.TryAddWithoutValidation("X-Cpaas-Webhook-Token", "hook-s3cret-0123456789"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, calls);
    }

    public sealed class BrokenStore : ICpaasDuplicateStore
    {
        public ValueTask<CpaasClaim> TryClaimAsync(string notificationId, TimeSpan lease, CancellationToken cancellationToken)
            => throw new InvalidOperationException("redis is down");

        public ValueTask CompleteAsync(string notificationId, TimeSpan window, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask ReleaseAsync(string notificationId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
