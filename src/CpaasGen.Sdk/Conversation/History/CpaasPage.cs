using System;
using System.Collections.Generic;

namespace Cpaas;

/// <summary>One page of results and the pointer to the next page. Build one for tests with <see cref="CpaasModelFactory.CpaasPage{T}"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class CpaasPage<T>
{
    internal CpaasPage(IReadOnlyList<T> items, string? next, Uri? resourceUrl)
    {
        Items = items;
        Next = next;
        ResourceUrl = resourceUrl;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Pass this as <see cref="HistoryQuery.Next"/> to get the next page; null on the last page.</summary>
    public string? Next { get; }

    /// <summary>The list's resource URL (relative to the base URL).</summary>
    public Uri? ResourceUrl { get; }
}
