namespace ServerlessShield;

/// <summary>
/// One security-relevant decision, in the shape a SIEM ingests: what (rule, category, severity, action), where
/// (function, platform, source, field path, batch record) and which invocation (correlation, trace and platform ids).
/// It never carries the offending value, only a keyed hash of it.
/// </summary>
/// <param name="RuleId">The stable rule id, <c>SHIELDnnnn</c>; also the event id in the README's table.</param>
/// <param name="RuleName">The stable rule name.</param>
/// <param name="Category">The rule's category.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Action">What was done.</param>
/// <param name="FunctionName">The function.</param>
/// <param name="Platform">The platform.</param>
/// <param name="Source">The event source name.</param>
/// <param name="FieldPath">The JSON path of the field, if the finding is about one.</param>
/// <param name="ValueHash">The keyed hash of the offending value, if any.</param>
/// <param name="ItemId">The batch record, if any: its platform id as printable ASCII, at most 128 characters (a sender-chosen id, such as a Service Bus message id, cannot carry a line break into a log).</param>
/// <param name="CorrelationId">The id shown to the caller and written to every log line of the invocation.</param>
/// <param name="InvocationId">The platform's invocation id.</param>
/// <param name="TraceId">The distributed trace id.</param>
/// <param name="PlatformRequestId">The platform's request id.</param>
/// <param name="IsColdStart">Whether the invocation was the process's first.</param>
/// <param name="Timestamp">When the decision was made.</param>
public sealed record SecurityEvent(
    string RuleId,
    string RuleName,
    ShieldRuleCategory Category,
    ShieldSeverity Severity,
    FindingAction Action,
    string FunctionName,
    ShieldPlatform Platform,
    string Source,
    string? FieldPath,
    string? ValueHash,
    string? ItemId,
    string CorrelationId,
    string? InvocationId,
    string? TraceId,
    string? PlatformRequestId,
    bool IsColdStart,
    DateTimeOffset Timestamp)
{
    /// <summary>The lower-case action word: blocked, sanitized, monitored or failed.</summary>
    public string ActionName => SecurityTelemetryNames.Action(Action);

    /// <summary>For an event outside an invocation (an audit finding, a report): what happened, in one sentence without values.</summary>
    public string? Message { get; init; }

    /// <summary>For an audit finding: how to fix it.</summary>
    public string? Fix { get; init; }

    /// <summary>Structured details of a report (hosts contacted, packages and versions, an advisory id); never payload values.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
