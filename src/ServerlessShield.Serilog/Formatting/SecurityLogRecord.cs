using System.Globalization;
using Serilog.Events;

namespace ServerlessShield.Serilog.Formatting;

// The fields of a shield security log line (event ids 100-105, category ServerlessShield), read back from the
// properties the [LoggerMessage] templates write, so formatters need no reference to the logging pipeline.
internal sealed record SecurityLogRecord(
    DateTimeOffset Timestamp,
    string Message,
    string EventName,
    string RuleId,
    string? RuleName,
    string? Severity,
    string? Action,
    string? FunctionName,
    string? Platform,
    string? Source,
    string? FieldPath,
    string? ValueHash,
    string? ItemId,
    string? CorrelationId,
    string? InvocationId,
    string? TraceId,
    bool? ColdStart,
    string? ExceptionType)
{
    public static bool TryRead(LogEvent logEvent, out SecurityLogRecord record)
    {
        record = null!;
        if (Text(logEvent, "SourceContext") != "ServerlessShield" || Text(logEvent, "RuleId") is not { } ruleId)
        {
            return false;
        }

        var eventName = logEvent.Properties.TryGetValue("EventId", out var id) && id is StructureValue s
            ? s.Properties.FirstOrDefault(p => p.Name == "Name")?.Value is ScalarValue { Value: string name } ? name : "SecurityEvent"
            : "SecurityEvent";
        record = new SecurityLogRecord(
            logEvent.Timestamp,
            logEvent.RenderMessage(CultureInfo.InvariantCulture),
            eventName,
            ruleId,
            Text(logEvent, "RuleName"),
            Text(logEvent, "Severity"),
            Text(logEvent, "Action") ?? ActionFromEvent(eventName),
            Text(logEvent, "FunctionName"),
            Text(logEvent, "Platform"),
            Text(logEvent, "Source"),
            Text(logEvent, "FieldPath"),
            Text(logEvent, "ValueHash"),
            Text(logEvent, "ItemId"),
            Text(logEvent, "CorrelationId"),
            Text(logEvent, "InvocationId"),
            Text(logEvent, "TraceId"),
            logEvent.Properties.TryGetValue("ColdStart", out var cold) && cold is ScalarValue { Value: bool b } ? b : null,
            Text(logEvent, "ExceptionType"));
        return true;
    }

    private static string? ActionFromEvent(string eventName) => eventName switch
    {
        "InvocationBlocked" => "blocked",
        "InvocationFailed" => "failed",
        _ => null,
    };

    private static string? Text(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: { } v }
            ? Convert.ToString(v, CultureInfo.InvariantCulture)
            : null;
}
