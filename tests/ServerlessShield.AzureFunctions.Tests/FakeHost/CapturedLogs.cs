using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

// Every log line any worker fixture writes (the shield's, the worker's, the functions'), kept as text: category,
// rendered message and the exception as a logger would print it. Leak tests look for canaries in them.
public sealed class CapturedLogs : ILoggerProvider
{
    public static ConcurrentQueue<string> Lines { get; } = new();

    public static CapturedLogs Provider { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    /// <summary>The lines of one invocation: the worker and the shield both write its invocation id.</summary>
    public static IReadOnlyList<string> Of(string invocationId) => [.. Lines.Where(l => l.Contains(invocationId, StringComparison.Ordinal))];

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(",", pairs.Select(p => p.Value)) : string.Empty;
            Lines.Enqueue($"{category}|{formatter(state, exception)}|{structured}|{exception}");
        }
    }
}
