using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Cpaas.Reliability.Tests;

/// <summary>
/// Captures everything logged through it at every level: the formatted message, each structured value, the
/// exception's ToString(), and scope values. Used to prove secrets and PII never reach a log.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToList();

    /// <summary>Every piece of text any log entry carried.</summary>
    public IEnumerable<string> AllText => _entries.SelectMany(e => e.Texts());

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> Values, string? Exception, IReadOnlyList<string> Scopes)
    {
        public IEnumerable<string> Texts()
        {
            yield return Message;
            yield return EventId.Name ?? string.Empty;
            foreach (var value in Values)
            {
                yield return value;
            }

            if (Exception is not null)
            {
                yield return Exception;
            }

            foreach (var scope in Scopes)
            {
                yield return scope;
            }
        }

        public override string ToString() => "[" + Level + "] " + Category + ": " + Message + (Exception is null ? string.Empty : " | " + Exception);
    }

    private sealed class Logger : ILogger
    {
        private readonly CapturingLoggerProvider _owner;
        private readonly string _category;
        private readonly List<string> _scopes = new();

        public Logger(CapturingLoggerProvider owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            lock (_scopes)
            {
                _scopes.Add(Describe(state));
            }

            return new Scope();
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<string>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    values.Add(pair.Key + "=" + Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            List<string> scopes;
            lock (_scopes)
            {
                scopes = _scopes.ToList();
            }

            _owner._entries.Enqueue(new Entry(_category, logLevel, eventId, formatter(state, exception), values, exception?.ToString(), scopes));
        }

        private static string Describe(object? state)
            => state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => p.Key + "=" + p.Value))
                : state?.ToString() ?? string.Empty;

        private sealed class Scope : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
