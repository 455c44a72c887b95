using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// A logger provider of one worker host that checks every line as it is written (category, rendered message,
/// structured values and the exception as a logger would print it) for planted canaries. It keeps the offending
/// lines and a count of all lines, not the lines themselves, so a long fuzz run does not grow without bound.
/// </summary>
public sealed class CanaryLogWatch(params string[] canaries) : ILoggerProvider
{
    private long _lines;

    /// <summary>Every line that carried a canary.</summary>
    public ConcurrentQueue<string> Leaks { get; } = new();

    /// <summary>How many lines were written.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>How many lines mentioned each invocation id, for the invocations a test asks about.</summary>
    public ConcurrentDictionary<string, int> Watched { get; } = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        Interlocked.Increment(ref _lines);
        foreach (var canary in canaries)
        {
            if (line.Contains(canary, StringComparison.Ordinal))
            {
                Leaks.Enqueue(line);
                break;
            }
        }

        foreach (var id in Watched.Keys)
        {
            if (line.Contains(id, StringComparison.Ordinal))
            {
                Watched.AddOrUpdate(id, 1, (_, n) => n + 1);
            }
        }
    }

    private sealed class Logger(CanaryLogWatch watch, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(",", pairs.Select(p => p.Value)) : string.Empty;
            watch.Write($"{logLevel}|{category}|{formatter(state, exception)}|{structured}|{exception}");
        }
    }
}
