using System;
using System.Collections.Generic;

namespace Cpaas.Emulator.TwoFactor;

/// <summary>What a code resource was asked to send: the validated sendCode / resendCode body.</summary>
internal sealed record CodeOrder(string Address, string Method, int Length, string Type, int ExpirySeconds, string Message, string? Subject)
{
    public bool IsEmail => Method == "email";

    /// <summary>The message with the code in place of every <c>{code}</c>.</summary>
    public string Render(string code) => Message.Replace("{code}", code, StringComparison.Ordinal);
}

/// <summary>One code resource: the order it was last sent with, its current code and where that code stands.</summary>
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

    public string? MessageId { get; set; }

    public string? EmailId { get; set; }

    /// <summary>The status as of <paramref name="now"/>: an active code past its expiry is expired.</summary>
    public TwoFactorCodeStatus StatusAt(DateTimeOffset now) => Status == TwoFactorCodeStatus.Active && now >= ExpiresAt ? TwoFactorCodeStatus.Expired : Status;

    public TwoFactorCodeRecord ToRecord(DateTimeOffset now, int maxAttempts, TwoFactorCodeStatus? status = null) => new(
        Id, ResourceUrl, Order.Method, Order.Address, Code, Order.Length, Order.Type, IssuedAt, ExpiresAt, status ?? StatusAt(now),
        WrongAttempts, maxAttempts, Sends, MessageId, EmailId);
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

    /// <summary>Adds a resource; returns how many of the oldest were removed to stay within the cap.</summary>
    public int Add(CodeResource resource)
    {
        _resources.Add(resource.Id, _created.AddLast(resource));
        var evicted = 0;
        while (_resources.Count > ResourceCap)
        {
            Remove(_created.First!.Value.Id);
            evicted++;
        }

        return evicted;
    }

    public bool Remove(string id)
    {
        if (!_resources.Remove(id, out var node))
        {
            return false;
        }

        _created.Remove(node);
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
