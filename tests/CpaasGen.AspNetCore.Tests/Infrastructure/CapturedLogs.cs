using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Cpaas.AspNetCore.Tests;

/// <summary>One log entry: its category, level, formatted message, every structured value and the exception.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string Values, string? Exception)
{
    /// <summary>Everything of the entry that could carry a secret.</summary>
    public string AllText => Category + " " + Message + " " + Values + " " + Exception;
}

/// <summary>A logger provider that keeps every entry (thread-safe).</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public IEnumerable<LogEntry> In(string categoryPrefix) => Entries.Where(e => e.Category.StartsWith(categoryPrefix, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join("; ", pairs.Select(p => p.Key + "=" + p.Value))
                : string.Empty;
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
