namespace Cpaas.AspNetCore;

/// <summary>Settings of <see cref="InMemoryCpaasDuplicateStore"/>.</summary>
public sealed class InMemoryDuplicateStoreOptions
{
    /// <summary>
    /// The most notification ids kept. When a new id would exceed it, expired ids are dropped first, then the oldest
    /// ones (counted by <see cref="InMemoryCpaasDuplicateStore.Evictions"/> and the
    /// <c>cpaas.webhook.duplicate_store.evictions</c> metric). Default 100,000: about 15 MB with Kandy's 36-character
    /// ids, about 70 MB (measured) with every id at <see cref="CpaasWebhookOptions.MaxNotificationIdLength"/>.
    /// </summary>
    public int MaxEntries { get; set; } = 100_000;
}
