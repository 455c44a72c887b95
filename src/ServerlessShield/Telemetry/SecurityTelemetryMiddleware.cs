using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ServerlessShield;

/// <summary>
/// The outermost middleware: after the rest of the pipeline has run, reports every finding, block and failure
/// as a structured security event. Telemetry never breaks an invocation: a failing logger is ignored.
/// </summary>
public sealed class SecurityTelemetryMiddleware : IShieldMiddleware
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the middleware.</summary>
    /// <param name="loggerFactory">Where security events go; null discards them.</param>
    /// <param name="timeProvider">The clock; null uses the system clock.</param>
    public SecurityTelemetryMiddleware(ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(ShieldLog.CategoryName);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.StartTimestamp = _time.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Emit(context);
        }
    }

    private void Emit(ShieldContext context)
    {
        try
        {
            var source = context.Source.Name;
            foreach (var finding in context.Findings)
            {
                if (finding.Action != FindingAction.Failed && _logger.IsEnabled(LogLevel.Warning))
                {
                    ShieldLog.Finding(_logger, finding.Rule.Id, finding.Rule.Name, ActionName(finding.Action), context.FunctionName, source, finding.FieldPath, context.CorrelationId);
                }
            }

            var outcome = context.Outcome;
            if (outcome.Kind == ShieldOutcomeKind.Blocked && outcome.Rule is { } rule)
            {
                ShieldLog.Blocked(_logger, context.FunctionName, rule.Id, rule.Name, source, context.CorrelationId);
            }
            else if (outcome.Kind == ShieldOutcomeKind.Failed && outcome.Error is { } error && outcome.Rule is { } failure)
            {
                ShieldLog.Failed(_logger, error.SourceException, context.FunctionName, error.SourceException.GetType().FullName ?? "Exception", failure.Id, context.CorrelationId);
            }

            if (context.RejectedItemIds.Count > 0)
            {
                ShieldLog.ItemsRejected(_logger, context.RejectedItemIds.Count, source, context.FunctionName, context.CorrelationId);
            }
        }
#pragma warning disable CA1031 // A broken log sink must not turn a good invocation into a failed one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    internal static string ActionName(FindingAction action) => action switch
    {
        FindingAction.Blocked => "blocked",
        FindingAction.Sanitized => "sanitized",
        FindingAction.Failed => "failed",
        _ => "monitored",
    };
}
