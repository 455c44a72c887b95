using System.Globalization;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;

namespace ServerlessShield.Serilog.Formatting;

/// <summary>
/// Writes each shield security event as one line of Elastic Common Schema (ECS 8) JSON: an <c>event.kind</c>
/// <c>alert</c> with <c>rule.*</c>, <c>faas.*</c>, <c>cloud.*</c> and <c>trace.id</c>. Other log events are skipped.
/// </summary>
public sealed class EcsSecurityEventFormatter : ITextFormatter
{
    /// <inheritdoc />
    public void Format(LogEvent logEvent, TextWriter output) => SecurityEventJson.WriteLine(logEvent, output, Write);

    private static void Write(Utf8JsonWriter w, SecurityLogRecord r)
    {
        w.WriteStartObject();
        w.WriteString("@timestamp", r.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("message", r.Message);
        w.WriteStartObject("ecs");
        w.WriteString("version", "8.11.0");
        w.WriteEndObject();

        w.WriteStartObject("event");
        w.WriteString("kind", "alert");
        w.WriteStartArray("category");
        w.WriteStringValue(r.RuleId.StartsWith("SHIELD4", StringComparison.Ordinal) ? "configuration" : "intrusion_detection");
        w.WriteEndArray();
        w.WriteStartArray("type");
        w.WriteStringValue(r.Action is "blocked" or "failed" ? "denied" : r.Action == "sanitized" ? "change" : "info");
        w.WriteEndArray();
        w.WriteString("action", r.RuleName ?? r.RuleId);
        w.WriteString("code", r.RuleId);
        w.WriteNumber("severity", SecurityEventJson.SeverityOf(r.Severity).Id);
        w.WriteString("outcome", r.Action is "blocked" or "failed" ? "failure" : "success");
        w.WriteString("dataset", "serverlessshield.security");
        w.WriteString("provider", "ServerlessShield");
        w.WriteEndObject();

        w.WriteStartObject("rule");
        w.WriteString("id", r.RuleId);
        if (r.RuleName is { } name)
        {
            w.WriteString("name", name);
        }

        w.WriteString("category", SecurityEventJson.CategoryOf(r.RuleId));
        w.WriteString("ruleset", "ServerlessShield");
        w.WriteEndObject();

        w.WriteStartObject("faas");
        if (r.FunctionName is { } function)
        {
            w.WriteString("name", function);
        }

        if (r.InvocationId is { } invocation)
        {
            w.WriteString("execution", invocation);
        }

        if (r.ColdStart is { } cold)
        {
            w.WriteBoolean("coldstart", cold);
        }

        if (r.Source is { } source)
        {
            w.WriteStartObject("trigger");
            w.WriteString("type", source);
            w.WriteEndObject();
        }

        w.WriteEndObject();

        if (SecurityEventJson.CloudOf(r.Platform) is { } provider)
        {
            w.WriteStartObject("cloud");
            w.WriteString("provider", provider.ToLowerInvariant());
            w.WriteEndObject();
        }

        if (r.TraceId is { } trace)
        {
            w.WriteStartObject("trace");
            w.WriteString("id", trace);
            w.WriteEndObject();
        }

        w.WriteStartObject("labels");
        foreach (var (key, value) in new[] { ("correlation_id", r.CorrelationId), ("field_path", r.FieldPath), ("value_hash", r.ValueHash), ("item_id", r.ItemId) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                w.WriteString(key, value);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
