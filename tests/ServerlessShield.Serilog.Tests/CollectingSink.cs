using Serilog.Core;
using Serilog.Events;

namespace ServerlessShield.Serilog.Tests;

internal sealed class CollectingSink : ILogEventSink
{
    public List<LogEvent> Events { get; } = [];

    public void Emit(LogEvent logEvent)
    {
        lock (Events)
        {
            Events.Add(logEvent);
        }
    }
}
