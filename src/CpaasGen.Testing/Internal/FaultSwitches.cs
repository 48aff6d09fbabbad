using System;
using System.Collections.Generic;

namespace Cpaas.Testing.Internal;

/// <summary>
/// The send and verify behaviours a test switches on (configuration, not state: nothing here changes because of a
/// request). Thread-safe.
/// </summary>
internal sealed class FaultSwitches
{
    private readonly object _gate = new();
    private readonly HashSet<string> _impossible = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _forbidden = new(StringComparer.OrdinalIgnoreCase);
    private bool _allImpossible;
    private bool _verifyNone;
    private string? _verifyOnly;

    /// <summary>Every switch back to its default.</summary>
    public void Reset()
    {
        ResetSend();
        VerifyAll();
    }

    /// <summary>The send switches back to their default (every destination delivered, no sender forbidden).</summary>
    public void ResetSend()
    {
        lock (_gate)
        {
            _impossible.Clear();
            _forbidden.Clear();
            _allImpossible = false;
        }
    }

    /// <summary>Every code verifies (the default).</summary>
    public void VerifyAll()
    {
        lock (_gate)
        {
            _verifyNone = false;
            _verifyOnly = null;
        }
    }

    /// <summary>Only <paramref name="code"/> verifies (compared ignoring case and surrounding whitespace).</summary>
    public void VerifyOnly(string code)
    {
        lock (_gate)
        {
            _verifyNone = false;
            _verifyOnly = code.Trim();
        }
    }

    /// <summary>No code verifies.</summary>
    public void VerifyNone()
    {
        lock (_gate)
        {
            _verifyNone = true;
            _verifyOnly = null;
        }
    }

    /// <summary>Whether the verify stub accepts <paramref name="typed"/>.</summary>
    public bool Verifies(string typed)
    {
        lock (_gate)
        {
            return !_verifyNone && (_verifyOnly is null || string.Equals(_verifyOnly, typed.Trim(), StringComparison.OrdinalIgnoreCase));
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
