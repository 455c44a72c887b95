using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;

namespace ServerlessShield.Serilog.Formatting;

/// <summary>
/// Writes each shield security event as one line of OCSF 1.3 JSON, class Detection Finding (<c>class_uid</c> 2004).
/// Other log events are skipped, so pair it with a sink of its own. The README documents the field mapping.
/// </summary>
public sealed class OcsfSecurityEventFormatter : ITextFormatter
{
    private const int DetectionFinding = 2004;
    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output) => SecurityEventJson.WriteLine(logEvent, output, Write);

    private static void Write(Utf8JsonWriter w, SecurityLogRecord r)
    {
        var (actionId, action, dispositionId, disposition) = r.Action switch
        {
            "blocked" => (2, "Denied", 2, "Blocked"),
            "sanitized" => (4, "Modified", 19, "Corrected"),
            "failed" => (2, "Denied", 2, "Blocked"),
            _ => (3, "Observed", 15, "Detected"),
        };
        var (severityId, severity) = SecurityEventJson.SeverityOf(r.Severity);

        w.WriteStartObject();
        w.WriteNumber("class_uid", DetectionFinding);
        w.WriteString("class_name", "Detection Finding");
        w.WriteNumber("category_uid", 2);
        w.WriteString("category_name", "Findings");
        w.WriteNumber("activity_id", 1);
        w.WriteString("activity_name", "Create");
        w.WriteNumber("type_uid", (DetectionFinding * 100) + 1);
        w.WriteString("type_name", "Detection Finding: Create");
        w.WriteNumber("time", r.Timestamp.ToUnixTimeMilliseconds());
        w.WriteNumber("severity_id", severityId);
        w.WriteString("severity", severity);
        w.WriteNumber("status_id", 1);
        w.WriteString("status", "New");
        w.WriteNumber("action_id", actionId);
        w.WriteString("action", action);
        w.WriteNumber("disposition_id", dispositionId);
        w.WriteString("disposition", disposition);
        w.WriteString("message", r.Message);

        w.WriteStartObject("metadata");
        w.WriteString("version", "1.3.0");
        w.WriteStartObject("product");
        w.WriteString("name", "ServerlessShield");
        w.WriteString("vendor_name", "ServerlessShield");
        w.WriteString("version", typeof(OcsfSecurityEventFormatter).Assembly.GetName().Version?.ToString());
        w.WriteEndObject();
        w.WriteString("event_code", r.RuleId);
        w.WriteString("log_name", r.EventName);
        WriteIf(w, "correlation_uid", r.CorrelationId);
        w.WriteEndObject();

        w.WriteStartObject("finding_info");
        w.WriteString("uid", $"{r.CorrelationId}:{r.RuleId}:{r.FieldPath}");
        w.WriteString("title", r.RuleName ?? r.RuleId);
        w.WriteStartArray("types");
        w.WriteStringValue(SecurityEventJson.CategoryOf(r.RuleId));
        w.WriteEndArray();
        w.WriteStartObject("analytic");
        w.WriteString("uid", r.RuleId);
        WriteIf(w, "name", r.RuleName);
        w.WriteNumber("type_id", 1);
        w.WriteString("type", "Rule");
        w.WriteString("category", SecurityEventJson.CategoryOf(r.RuleId));
        w.WriteEndObject();
        w.WriteEndObject();

        if (SecurityEventJson.CloudOf(r.Platform) is { } provider)
        {
            w.WriteStartObject("cloud");
            w.WriteString("provider", provider);
            w.WriteEndObject();
        }

        w.WriteStartArray("resources");
        w.WriteStartObject();
        w.WriteString("type", "Function");
        WriteIf(w, "name", r.FunctionName);
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("evidences");
        w.WriteStartObject();
        w.WriteStartObject("data");
        WriteIf(w, "source", r.Source);
        WriteIf(w, "field_path", r.FieldPath);
        WriteIf(w, "value_hash", r.ValueHash);
        WriteIf(w, "item_id", r.ItemId);
        WriteIf(w, "exception_type", r.ExceptionType);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartObject("unmapped");
        WriteIf(w, "invocation_id", r.InvocationId);
        WriteIf(w, "trace_id", r.TraceId);
        if (r.ColdStart is { } cold)
        {
            w.WriteBoolean("cold_start", cold);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
