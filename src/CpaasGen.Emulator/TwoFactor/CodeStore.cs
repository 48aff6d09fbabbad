using System;
using System.Collections.Generic;
using System.Threading;

namespace Cpaas.Emulator.TwoFactor;

/// <summary>What a code resource was asked to send: the validated sendCode / resendCode body.</summary>
internal sealed record CodeOrder(string Address, string Method, int Length, string Type, int ExpirySeconds, string Message, string? Subject)
{
    public bool IsEmail => Method == "email";

    /// <summary>The message with the code in place of every <c>{code}</c>.</summary>
    public string Render(string code) => Message.Replace("{code}", code, StringComparison.Ordinal);
}

/// <summary>
/// One code resource: the order it was last sent with, its current code, what carried it and where it stands; while it is
/// active, the timer that announces its expiry (<see cref="TwoFactorCodes"/>).
/// </summary>
internal sealed class CodeResource(string id, string resourceUrl)
{
    public string Id { get; } = id;

    public string ResourceUrl { get; } = resourceUrl;

    public required CodeOrder Order { get; set; }

    public required string Code { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Active, Verified or Locked (Expired is computed from the clock; Deleted resources are gone).</summary>
    public TwoFactorCodeStatus Status { get; set; }

    public int WrongAttempts { get; set; }

    public int Sends { get; set; }

    /// <summary>For <c>sms</c>: the SMS that carried the current code.</summary>
    public string? MessageId { get; set; }

    /// <summary>For <c>sms</c>: the project number that sent it.</summary>
    public string? Sender { get; set; }

    /// <summary>For <c>email</c>: the recorded e-mail that carried the current code.</summary>
    public EmulatorEmail? Email { get; set; }

    /// <summary>Fires at <see cref="ExpiresAt"/> while the current code is active; null otherwise.</summary>
    public ITimer? ExpiryTimer { get; set; }

    /// <summary>Stops the expiry timer, if any.</summary>
    public void CancelExpiry()
    {
        ExpiryTimer?.Dispose();
        ExpiryTimer = null;
    }

    /// <summary>The status as of <paramref name="now"/>: an active code past its expiry is expired.</summary>
    public TwoFactorCodeStatus StatusAt(DateTimeOffset now) => Status == TwoFactorCodeStatus.Active && now >= ExpiresAt ? TwoFactorCodeStatus.Expired : Status;

    public TwoFactorCodeRecord ToRecord(DateTimeOffset now, int maxAttempts, TwoFactorCodeStatus? status = null) => new(
        Id, ResourceUrl, Order.Method, Order.Address, Code, Order.Length, Order.Type, IssuedAt, ExpiresAt, status ?? StatusAt(now),
        WrongAttempts, maxAttempts, Sends, MessageId, Email?.EmailId);
}

/// <summary>
/// The code resources and the e-mails that carried codes, both bounded: at most <see cref="ResourceCap"/> resources (the
/// oldest created go first, whatever their state) and the newest <see cref="EmailCap"/> e-mails. Not thread-safe: used
/// under <see cref="State.EmulatorState.Gate"/>.
/// </summary>
internal sealed class CodeStore
{
    public const int ResourceCap = 10_000;
    public const int EmailCap = 1_000;

    private readonly Dictionary<string, LinkedListNode<CodeResource>> _resources = new(StringComparer.Ordinal);
    private readonly LinkedList<CodeResource> _created = new();
    private readonly Queue<EmulatorEmail> _emails = new();

    public int Count => _resources.Count;

    /// <summary>The resources, oldest first.</summary>
    public IEnumerable<CodeResource> Resources => _created;

    public CodeResource? Find(string id) => _resources.TryGetValue(id, out var node) ? node.Value : null;

    /// <summary>Adds a resource; returns the oldest ones removed to stay within the cap (usually none).</summary>
    public IReadOnlyList<CodeResource> Add(CodeResource resource)
    {
        _resources.Add(resource.Id, _created.AddLast(resource));
        List<CodeResource>? evicted = null;
        while (_resources.Count > ResourceCap)
        {
            var oldest = _created.First!.Value;
            Remove(oldest.Id);
            (evicted ??= []).Add(oldest);
        }

        return evicted ?? [];
    }

    /// <summary>Removes a resource (and stops its expiry timer).</summary>
    public bool Remove(string id)
    {
        if (!_resources.Remove(id, out var node))
        {
            return false;
        }

        _created.Remove(node);
        node.Value.CancelExpiry();
        return true;
    }

    public void AddEmail(EmulatorEmail email)
    {
        _emails.Enqueue(email);
        while (_emails.Count > EmailCap)
        {
            _emails.Dequeue();
        }
    }

    public IReadOnlyList<EmulatorEmail> Emails() => [.. _emails];
}
