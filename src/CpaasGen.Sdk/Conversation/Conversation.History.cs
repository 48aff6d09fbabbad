using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Cpaas.Api;

namespace Cpaas;

public partial class Conversation
{
    /// <summary>Lists conversation threads, one page at a time.</summary>
    /// <param name="query">Paging and filters; null for the first page with server defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of threads.</returns>
    public virtual async Task<CpaasPage<SmsThread>> GetThreadsAsync(HistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        var response = await _core.Api.SmsHistory.ListSmsThreadsAsync(CurrentUser.PathValue, query?.Max, query?.Next, query?.New, query?.LastMessageTime, cancellationToken).ConfigureAwait(false);
        return ToThreadPage(response.SmsThreadList);
    }

    /// <summary>Lists the threads with one remote number, one page at a time (the filtered form of <see cref="GetThreadsAsync"/>).</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="query">Paging and filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of threads.</returns>
    public virtual async Task<CpaasPage<SmsThread>> GetThreadsWithRemoteAddressAsync(string remoteAddress, HistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        var remote = RequireId(remoteAddress, nameof(remoteAddress));
        var response = await _core.Api.SmsHistory.ListSmsThreadsWithRemoteAddressAsync(CurrentUser.PathValue, remote, query?.Max, query?.Next, query?.New, query?.LastMessageTime, cancellationToken).ConfigureAwait(false);
        return ToThreadPage(response.SmsThreadList);
    }

    /// <summary>Every thread, following the <c>next</c> pointer page after page.</summary>
    /// <param name="query">Page size and filters (its <see cref="HistoryQuery.Next"/> is the starting point).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The threads.</returns>
    public virtual IAsyncEnumerable<SmsThread> GetAllThreadsAsync(HistoryQuery? query = null, CancellationToken cancellationToken = default)
        => FollowAsync((q, ct) => GetThreadsAsync(q, ct), query, cancellationToken);

    /// <summary>Gets one thread between your number and a remote number.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The thread.</returns>
    public virtual async Task<SmsThread> GetThreadAsync(string remoteAddress, string localAddress, CancellationToken cancellationToken = default)
    {
        var remote = RequireId(remoteAddress, nameof(remoteAddress));
        var local = RequireId(localAddress, nameof(localAddress));
        var response = await _core.Api.SmsHistory.GetSmsThreadAsync(CurrentUser.PathValue, remote, local, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new SmsThread(response.SmsThread);
    }

    /// <summary>Lists the messages of a thread, one page at a time.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="query">Paging and filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page of messages.</returns>
    public virtual async Task<CpaasPage<SmsMessage>> GetMessagesAsync(string remoteAddress, string localAddress, HistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        var remote = RequireId(remoteAddress, nameof(remoteAddress));
        var local = RequireId(localAddress, nameof(localAddress));
        var response = await _core.Api.SmsHistory.ListSmsMessagesAsync(CurrentUser.PathValue, remote, local, query?.Max, query?.Next, query?.New, query?.LastMessageTime, cancellationToken).ConfigureAwait(false);
        var list = response.SmsMessageList;
        return ToPage(list.SmsMessage, static item => new SmsMessage(item), list.Next, list.ResourceUrl);
    }

    /// <summary>Every message of a thread, following the <c>next</c> pointer page after page.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="query">Page size and filters.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages.</returns>
    public virtual IAsyncEnumerable<SmsMessage> GetAllMessagesAsync(string remoteAddress, string localAddress, HistoryQuery? query = null, CancellationToken cancellationToken = default)
    {
        var remote = RequireId(remoteAddress, nameof(remoteAddress));
        var local = RequireId(localAddress, nameof(localAddress));
        return FollowAsync((q, ct) => GetMessagesAsync(remote, local, q, ct), query, cancellationToken);
    }

    /// <summary>Gets one stored message.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message.</returns>
    public virtual async Task<SmsMessage> GetMessageAsync(string remoteAddress, string localAddress, string messageId, CancellationToken cancellationToken = default)
    {
        var (remote, local, id) = MessageArgs(remoteAddress, localAddress, messageId);
        var response = await _core.Api.SmsHistory.GetSmsMessageAsync(CurrentUser.PathValue, remote, local, id, cancellationToken).ConfigureAwait(false);
        return new SmsMessage(response.SmsMessage);
    }

    /// <summary>Gets the delivery status of a stored message.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, for example <see cref="DeliveryStatus.DeliveredToTerminal"/>.</returns>
    public virtual async Task<DeliveryStatus> GetStatusAsync(string remoteAddress, string localAddress, string messageId, CancellationToken cancellationToken = default)
    {
        var (remote, local, id) = MessageArgs(remoteAddress, localAddress, messageId);
        var response = await _core.Api.SmsHistory.GetSmsMessageStatusAsync(CurrentUser.PathValue, remote, local, id, cancellationToken).ConfigureAwait(false);
        return new DeliveryStatus(response.Status.Value);
    }

    /// <summary>Deletes one stored message.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the message is deleted.</returns>
    public virtual async Task DeleteMessageAsync(string remoteAddress, string localAddress, string messageId, CancellationToken cancellationToken = default)
    {
        var (remote, local, id) = MessageArgs(remoteAddress, localAddress, messageId);
        await _core.Api.SmsHistory.DeleteSmsMessageAsync(CurrentUser.PathValue, remote, local, id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a whole thread.</summary>
    /// <param name="remoteAddress">The other party's number.</param>
    /// <param name="localAddress">Your number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the thread is deleted.</returns>
    public virtual async Task DeleteThreadAsync(string remoteAddress, string localAddress, CancellationToken cancellationToken = default)
    {
        var remote = RequireId(remoteAddress, nameof(remoteAddress));
        var local = RequireId(localAddress, nameof(localAddress));
        await _core.Api.SmsHistory.DeleteSmsThreadAsync(CurrentUser.PathValue, remote, local, cancellationToken).ConfigureAwait(false);
    }

    private static (string Remote, string Local, string Id) MessageArgs(string remoteAddress, string localAddress, string messageId)
        => (RequireId(remoteAddress, nameof(remoteAddress)), RequireId(localAddress, nameof(localAddress)), RequireId(messageId, nameof(messageId)));

    private static async IAsyncEnumerable<T> FollowAsync<T>(Func<HistoryQuery?, CancellationToken, Task<CpaasPage<T>>> fetch, HistoryQuery? query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = query;
        while (true)
        {
            var page = await fetch(current, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.Next is null)
            {
                yield break;
            }

            if (!seen.Add(page.Next))
            {
                throw new CpaasApiException(200, CpaasErrorKind.Unknown, null, null, hint: "The API returned the same next-page pointer twice; stopping to avoid an endless loop.");
            }

            current = (current ?? new HistoryQuery()).WithNext(page.Next);
        }
    }

    private static CpaasPage<SmsThread> ToThreadPage(SmsThreadList list)
        => ToPage(list.SmsThread, static item => new SmsThread(item), list.Next, list.ResourceUrl);

    private static CpaasPage<T> ToPage<TWire, T>(List<TWire>? wire, Func<TWire, T> wrap, string? next, string? resourceUrl)
    {
        var items = wire is null || wire.Count == 0 ? Array.Empty<T>() : new T[wire.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = wrap(wire![i]);
        }

        return new CpaasPage<T>(items, EmptyToNull(next), WireUri.From(resourceUrl));
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
