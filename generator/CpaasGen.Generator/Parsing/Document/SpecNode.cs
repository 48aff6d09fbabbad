using System;
using System.Collections.Generic;

namespace CpaasGen.Generator.Parsing;

/// <summary>
/// One node of the loaded document (JSON or YAML): a mapping, a sequence or a scalar, with its source offsets.
/// The parsers' only view of the text. Lives only inside the parse step: no node ever reaches the pipeline's models.
/// A node reached through a YAML alias is the same object wherever it appears (so walks can stop at a node seen before).
/// </summary>
internal abstract class SpecNode
{
    protected SpecNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Where the node starts, as an offset <see cref="SourceMap"/> understands (chars for YAML, UTF-8 bytes for JSON).</summary>
    public int Start { get; }

    /// <summary>Where the node ends (exclusive), in the same unit as <see cref="Start"/>.</summary>
    public int End { get; }

    /// <summary>The node may be reached from more than one place (a YAML anchor); only such nodes need "seen before" checks.</summary>
    public bool IsShared { get; set; }
}

/// <summary>A mapping (a JSON object). Keys are scalars, in document order; member lookup is a hash lookup for large maps.</summary>
internal sealed class SpecMapping : SpecNode
{
    /// <summary>Up to this many members a lookup scans the list (cheaper than hashing for the typical small schema object).</summary>
    private const int ScanLimit = 8;

    private readonly List<KeyValuePair<SpecNode, SpecNode>> _children;
    private Dictionary<string, int>? _index;

    public SpecMapping(int start, int end, List<KeyValuePair<SpecNode, SpecNode>> children)
        : base(start, end)
    {
        _children = children;
    }

    /// <summary>The members in document order; every key is a <see cref="SpecScalar"/> (the loaders guarantee it).</summary>
    public IReadOnlyList<KeyValuePair<SpecNode, SpecNode>> Children => _children;

    /// <summary>The value of the first member named <paramref name="key"/>, or null.</summary>
    public SpecNode? Get(string key) => IndexOf(key) is var i and >= 0 ? _children[i].Value : null;

    /// <summary>The key node of the first member named <paramref name="key"/>, or null.</summary>
    public SpecScalar? GetKey(string key) => IndexOf(key) is var i and >= 0 ? (SpecScalar)_children[i].Key : null;

    private int IndexOf(string key)
    {
        if (_children.Count <= ScanLimit)
        {
            for (var i = 0; i < _children.Count; i++)
            {
                if (string.Equals(((SpecScalar)_children[i].Key).Value, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        if (_index is null)
        {
            var index = new Dictionary<string, int>(_children.Count, StringComparer.Ordinal);
            for (var i = _children.Count - 1; i >= 0; i--)
            {
                index[((SpecScalar)_children[i].Key).Value] = i; // backwards, so the first of duplicate keys wins
            }

            _index = index;
        }

        return _index.TryGetValue(key, out var found) ? found : -1;
    }
}

/// <summary>A sequence (a JSON array).</summary>
internal sealed class SpecSequence : SpecNode
{
    public SpecSequence(int start, int end, List<SpecNode> children)
        : base(start, end)
    {
        Children = children;
    }

    public IReadOnlyList<SpecNode> Children { get; }
}

/// <summary>
/// A scalar with its text. <see cref="IsPlain"/> is YAML's plain style: an unquoted scalar (in JSON: numbers,
/// <c>true</c>, <c>false</c> and <c>null</c>); only a plain scalar can be a null, a number or a boolean.
/// </summary>
internal sealed class SpecScalar : SpecNode
{
    public SpecScalar(int start, int end, string value, bool isPlain)
        : base(start, end)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    public bool IsPlain { get; }
}
