using Serilog.Core;
using Serilog.Events;

namespace ServerlessShield.Serilog.Enrichers;

// Adds the current shielded invocation's ids to every log event written while it runs, the handler's included,
// so a support engineer can go from the correlation id in an error response to every line of that invocation.
internal sealed class ShieldContextEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (ShieldContext.Current is not { } context)
        {
            return;
        }

        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(ShieldLogProperties.CorrelationId, context.CorrelationId));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(ShieldLogProperties.Function, context.FunctionName));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(ShieldLogProperties.Platform, context.Platform.ToString()));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(ShieldLogProperties.Source, context.Source.Name));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(ShieldLogProperties.ColdStart, context.IsColdStart));
        if (context.InvocationId is { } invocationId)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(ShieldLogProperties.InvocationId, invocationId));
        }

        if (context.TraceId is { } traceId)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(ShieldLogProperties.TraceId, traceId));
        }
    }
}
