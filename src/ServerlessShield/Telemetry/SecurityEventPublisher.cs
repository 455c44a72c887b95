using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServerlessShield;

// Publishes security events that belong to no invocation (audit findings, reports, egress decisions) to the meter and
// the listeners. The callers write their own [LoggerMessage] line. A failing listener never reaches the caller.
internal sealed class SecurityEventPublisher
{
    private readonly ISecurityEventListener[] _listeners;
    private readonly TimeProvider _time;

    public SecurityEventPublisher(ILoggerFactory? loggerFactory, IEnumerable<ISecurityEventListener>? listeners, TimeProvider? timeProvider)
    {
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(ShieldLog.CategoryName);
        _listeners = [.. listeners ?? []];
        _time = timeProvider ?? TimeProvider.System;
    }

    public static SecurityEventPublisher Null { get; } = new(null, null, null);

    public ILogger Logger { get; }

    public TimeProvider Time => _time;

    // One id per engine, so every event of one cold start can be found together.
    public string CorrelationId { get; } = Guid.NewGuid().ToString("N");

    public void Publish(ShieldRule rule, string functionName, string source, string? subject, string message, string? fix = null,
        IReadOnlyDictionary<string, string>? properties = null, FindingAction action = FindingAction.Monitored, bool coldStart = true,
        string? correlationId = null)
    {
        ShieldDiagnostics.Findings.Add(1,
            new KeyValuePair<string, object?>("shield.rule", rule.Id),
            new KeyValuePair<string, object?>("shield.action", SecurityTelemetryNames.Action(action)),
            new KeyValuePair<string, object?>("shield.function", functionName));
        if (_listeners.Length == 0)
        {
            return;
        }

        var securityEvent = new SecurityEvent(rule.Id, rule.Name, rule.Category, rule.Severity, action, functionName, ShieldEnvironment.Platform,
            source, subject, ValueHash: null, ItemId: null, correlationId ?? CorrelationId, InvocationId: null, TraceId: null, PlatformRequestId: null, coldStart, _time.GetUtcNow())
        {
            Message = message,
            Fix = fix,
            Properties = properties,
        };
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnSecurityEvent(securityEvent);
            }
#pragma warning disable CA1031 // One broken listener must not silence the others or stop the caller.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
