using System;
using System.Collections.Generic;

namespace Cpaas.Testing.Internal;

/// <summary>
/// The send behaviours a test switches on (configuration, not state: nothing here changes because of a request).
/// Thread-safe.
/// </summary>
internal sealed class FaultSwitches
{
    private readonly object _gate = new();
    private readonly HashSet<string> _impossible = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _forbidden = new(StringComparer.OrdinalIgnoreCase);
    private bool _allImpossible;

    public void Reset()
    {
        lock (_gate)
        {
            _impossible.Clear();
            _forbidden.Clear();
            _allImpossible = false;
        }
    }

    public void Impossible(IEnumerable<string> destinations)
    {
        lock (_gate)
        {
            _impossible.UnionWith(destinations);
        }
    }

    public void AllImpossible()
    {
        lock (_gate)
        {
            _allImpossible = true;
        }
    }

    public void Forbid(string sender)
    {
        lock (_gate)
        {
            _forbidden.Add(sender);
        }
    }

    public bool IsImpossible(string destination)
    {
        lock (_gate)
        {
            return _allImpossible || _impossible.Contains(destination);
        }
    }

    public bool IsForbidden(string senderSegment, string sender)
    {
        lock (_gate)
        {
            return _forbidden.Contains(senderSegment) || _forbidden.Contains(sender);
        }
    }
}
