using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServerlessShield;

/// <summary>
/// The outermost middleware: after the rest of the pipeline has run, turns every finding, block and failure into a
/// <see cref="SecurityEvent"/> and publishes it through ILogger (sampled against floods, secrets scrubbed), the
/// <c>ServerlessShield</c> meter (every event counted), the current activity and any registered listeners.
/// Telemetry never breaks an invocation: a failing sink is ignored.
/// </summary>
public sealed class SecurityTelemetryMiddleware : IShieldMiddleware
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ISecurityEventListener[] _listeners;
    private readonly LogSampler _sampler;
    private readonly SecretScrubber _scrubber;

    /// <summary>Creates the middleware.</summary>
    /// <param name="loggerFactory">Where security events go; null discards log lines.</param>
    /// <param name="timeProvider">The clock; null uses the system clock.</param>
    /// <param name="options">Telemetry settings; null uses the defaults.</param>
    /// <param name="listeners">Extra receivers of every security event.</param>
    public SecurityTelemetryMiddleware(
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        ShieldTelemetryOptions? options = null,
        IEnumerable<ISecurityEventListener>? listeners = null)
    {
        options ??= new ShieldTelemetryOptions();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(ShieldLog.CategoryName);
        _time = timeProvider ?? TimeProvider.System;
        _listeners = [.. listeners ?? []];
        _sampler = new LogSampler(options.MaxRepeatedLogsPerMinute, _time);
        _scrubber = options.SecretKeyNames.Count == 0 ? SecretScrubber.Default : new SecretScrubber(options.SecretKeyNames);
    }

    /// <inheritdoc />
    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.StartTimestamp = Stopwatch.GetTimestamp();
        var outer = ShieldContext.Current;
        ShieldContext.Current = context;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Emit(context);
            ShieldContext.Current = outer;
        }
    }

    private void Emit(ShieldContext context)
    {
        try
        {
            var source = context.Source.Name;
            var function = context.FunctionName;
            var inspected = (context.HandlerInvoked ? context.HandlerStartTimestamp : Stopwatch.GetTimestamp()) - context.StartTimestamp;
            ShieldDiagnostics.InspectionDuration.Record(
                Stopwatch.GetElapsedTime(0, inspected).TotalMilliseconds,
                new KeyValuePair<string, object?>("shield.source", source));
            ShieldDiagnostics.Invocations.Add(1,
                new KeyValuePair<string, object?>("shield.function", function),
                new KeyValuePair<string, object?>("shield.source", source),
                new KeyValuePair<string, object?>("shield.outcome", context.Verdict));

            var activity = Activity.Current;
            foreach (var finding in context.Findings)
            {
                Publish(context, finding, activity);
            }

            var outcome = context.Outcome;
            if (outcome.Kind == ShieldOutcomeKind.Blocked && outcome.Rule is { } rule)
            {
                ShieldLog.Blocked(_logger, function, rule.Id, rule.Name, source, context.CorrelationId);
            }
            else if (outcome.Kind == ShieldOutcomeKind.Failed && outcome.Error is { } error && outcome.Rule is { } failure)
            {
                // The full error is logged once, server-side, with secrets scrubbed; nothing of it leaves the function.
                var original = error.SourceException;
                var scrubbed = new ScrubbedException(original, _scrubber);
                ShieldLog.Failed(_logger, scrubbed, function, original.GetType().FullName ?? "Exception", failure.Id, context.CorrelationId);
            }

            if (context.FailedOpenError is { } failedOpen)
            {
                ShieldLog.FailedOpen(_logger, new ScrubbedException(failedOpen, _scrubber), function, failedOpen.GetType().FullName ?? "Exception",
                    ShieldRules.ShieldFailure.Id, context.CorrelationId);
            }

            if (context.RejectedItemIds.Count > 0)
            {
                ShieldLog.ItemsRejected(_logger, context.RejectedItemIds.Count, source, function, context.CorrelationId);
            }
        }
#pragma warning disable CA1031 // A broken sink must not turn a good invocation into a failed one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SafeLogListenerFailure(ex);
        }
    }

    private void Publish(ShieldContext context, ShieldFinding finding, Activity? activity)
    {
        var rule = finding.Rule;
        var action = SecurityTelemetryNames.Action(finding.Action);

        // A record id can be the sender's (a Service Bus message id): the log and the event carry it log-safe.
        var itemId = LogSafeText.Id(finding.ItemId);
        ShieldDiagnostics.Findings.Add(1,
            new KeyValuePair<string, object?>("shield.rule", rule.Id),
            new KeyValuePair<string, object?>("shield.action", action),
            new KeyValuePair<string, object?>("shield.function", context.FunctionName));
        if (finding.Action == FindingAction.Blocked)
        {
            ShieldDiagnostics.Blocks.Add(1,
                new KeyValuePair<string, object?>("shield.rule", rule.Id),
                new KeyValuePair<string, object?>("shield.function", context.FunctionName));
        }

        activity?.AddEvent(new ActivityEvent(ShieldDiagnostics.FindingActivityEvent, tags: new ActivityTagsCollection
        {
            ["shield.rule"] = rule.Id,
            ["shield.rule_name"] = rule.Name,
            ["shield.action"] = action,
            ["shield.field"] = finding.FieldPath,
            ["shield.correlation_id"] = context.CorrelationId,
        }));

        if (finding.Action != FindingAction.Failed
            && _logger.IsEnabled(LogLevel.Warning)
            && _sampler.ShouldLog(rule.Id, finding.Action, context.FunctionName, finding.FieldPath))
        {
            ShieldLog.Finding(_logger, rule.Id, rule.Name, rule.Severity, action, context.FunctionName, context.Platform, context.Source.Name,
                finding.FieldPath, finding.ValueHash, itemId, context.CorrelationId, context.InvocationId, context.TraceId, context.IsColdStart);
        }

        if (_listeners.Length == 0)
        {
            return;
        }

        var securityEvent = new SecurityEvent(rule.Id, rule.Name, rule.Category, rule.Severity, finding.Action, context.FunctionName,
            context.Platform, context.Source.Name, finding.FieldPath.Length == 0 ? null : finding.FieldPath, finding.ValueHash, itemId,
            context.CorrelationId, context.InvocationId, context.TraceId, context.PlatformRequestId, context.IsColdStart, _time.GetUtcNow());
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnSecurityEvent(securityEvent);
            }
#pragma warning disable CA1031 // One broken listener must not silence the others or the invocation.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SafeLogListenerFailure(ex);
            }
        }
    }

    private void SafeLogListenerFailure(Exception ex)
    {
        try
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var scrubbed = new ScrubbedException(ex, _scrubber);
                ShieldLog.ListenerFailed(_logger, scrubbed);
            }
        }
#pragma warning disable CA1031 // The logger itself is what failed; there is nowhere left to report it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
