using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServerlessShield.HardeningTests.Support;

// Keeps every log line (message and exception) so a failing test can show what the shield logged.
internal sealed class RecordingLoggerFactory : ILoggerFactory, ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public Func<string, bool>? ThrowWhen { get; set; }

    public int Written => Lines.Count;

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var line = formatter(state, exception) + (exception is null ? string.Empty : " | " + exception);
        Lines.Enqueue(line);
        if (ThrowWhen?.Invoke(line) == true)
        {
            throw new InvalidOperationException("logging failed");
        }
    }

    public string For(string id) => string.Join(Environment.NewLine, Lines.Where(l => l.Contains(id, StringComparison.Ordinal)));
}
