using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ServerlessShield;

/// <summary>
/// The names under which the shield publishes metrics and traces, so OpenTelemetry, Application Insights or
/// CloudWatch collectors can subscribe with no dependency in the core.
/// </summary>
public static class ShieldDiagnostics
{
    /// <summary>The name of the shield's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string Name = "ServerlessShield";

    /// <summary>Counter: invocations that went through the shield. Tags: <c>shield.function</c>, <c>shield.source</c>, <c>shield.outcome</c>.</summary>
    public const string InvocationsInstrument = "shield.invocations";

    /// <summary>Counter: findings. Tags: <c>shield.rule</c>, <c>shield.action</c>, <c>shield.function</c>.</summary>
    public const string FindingsInstrument = "shield.findings";

    /// <summary>Counter: invocations or batch records blocked. Tags: <c>shield.rule</c>, <c>shield.function</c>.</summary>
    public const string BlocksInstrument = "shield.blocks";

    /// <summary>Histogram: time spent in the shield before the handler, in milliseconds. Tags: <c>shield.source</c>.</summary>
    public const string InspectionDurationInstrument = "shield.inspection.duration";

    /// <summary>The name of the activity event added for each finding.</summary>
    public const string FindingActivityEvent = "shield.finding";

    internal static readonly Meter Meter = new(Name, typeof(ShieldDiagnostics).Assembly.GetName().Version?.ToString());
    internal static readonly ActivitySource ActivitySource = new(Name, typeof(ShieldDiagnostics).Assembly.GetName().Version?.ToString());
    internal static readonly Counter<long> Invocations = Meter.CreateCounter<long>(InvocationsInstrument, "{invocation}", "Invocations that went through the shield.");
    internal static readonly Counter<long> Findings = Meter.CreateCounter<long>(FindingsInstrument, "{finding}", "Security findings, by rule and action.");
    internal static readonly Counter<long> Blocks = Meter.CreateCounter<long>(BlocksInstrument, "{block}", "Invocations or batch records blocked.");
    internal static readonly Histogram<double> InspectionDuration = Meter.CreateHistogram<double>(InspectionDurationInstrument, "ms", "Time spent in the shield before the handler.");
}
